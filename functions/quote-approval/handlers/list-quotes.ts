// GET /quotes?status=&owner=&customer=&from=&to=&limit=&cursor= — newest first, a page at a time.
// Reps get their own; a team's manager the team's; the rest everyone's. ?awaiting=me lists the
// quotes waiting for the caller's role to approve them, oldest first.
import { type HttpEvent, httpHandler, json, validate } from '../../../shared/http.js';
import { ForbiddenError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { quoteStatuses } from '../domain/lifecycle.js';
import { rangeInOrder, timeRangeQuery } from '../../../shared/time.js';
import { awaitedRole } from '../quote-access.js';
import { approvalInbox, getQuote, listQuotes, type Quote } from '../quote-store.js';
import { staff } from '../staff.js';

const querySchema = z
  .strictObject({
    status: z.optional(z.enum(quoteStatuses)),
    owner: z.optional(z.requiredLine(100)),
    customer: z.optional(z.requiredLine(64)),
    ...timeRangeQuery,
    awaiting: z.optional(z.literal('me')),
    limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
    cursor: z.optional(z.string().check(z.maxLength(2000))),
  })
  .check(rangeInOrder);

/** A list shows what a row needs; GET /quotes/{quoteId} has the rest. */
const summary = (q: Quote) => ({
  quoteId: q.quoteId,
  customerId: q.customerId,
  ownerId: q.ownerId,
  teamId: q.teamId,
  status: q.status,
  version: q.version,
  seq: q.seq,
  currency: q.currency,
  grandTotal: q.totals.grandTotal,
  grandTotalTry: q.grandTotalTry,
  discountBp: q.totals.discountBp,
  marginBp: q.totals.marginBp,
  validUntil: q.validUntil,
  createdAt: q.createdAt,
  updatedAt: q.updatedAt,
  sentAt: q.sentAt,
  awaitingRole: awaitedRole(q),
});

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'quotes:read');
  const query = validate(querySchema, event.queryStringParameters ?? {});
  const me = viewer.actor.userId;
  if (query.awaiting) {
    const queued = await approvalInbox.waiting(viewer.actor.role, query.limit);
    const quotes = await Promise.all(queued.map(({ data }) => getQuote(data.customerId, data.quoteId)));
    const waiting = quotes.filter((q): q is Quote => q !== undefined && awaitedRole(q) === viewer.actor.role);
    return json(200, { quotes: waiting.map(summary) });
  }
  if (viewer.reach === 'own' && query.owner && query.owner !== me) {
    throw new ForbiddenError("Only managers may list other people's quotes.");
  }
  const page = await listQuotes({
    ownerId: viewer.reach === 'own' ? me : query.owner,
    teamId: viewer.reach === 'team' ? viewer.teamId : undefined,
    status: query.status,
    customerId: query.customer,
    from: query.from,
    to: query.to,
    limit: query.limit,
    cursor: query.cursor,
  });
  return json(200, { quotes: page.quotes.map(summary), nextCursor: page.next });
});
