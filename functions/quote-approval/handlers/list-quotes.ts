// GET /quotes?status=&owner=&customer=&from=&to=&limit=&cursor= — newest first, a page at a time.
// Reps get their own; a team's manager the team's; the rest everyone's. ?awaiting=me lists the
// quotes waiting for the caller's role to approve them, oldest first.
import { z } from 'zod';
import { type HttpEvent, httpHandler, json, validate } from '../../../shared/http.js';
import { ForbiddenError } from '../../../shared/problems.js';
import { quoteStatuses } from '../domain/lifecycle.js';
import { isoDateSchema } from '../domain/quote-expiry.js';
import { awaitedRole } from '../quote-access.js';
import { awaitingApproval, getQuote, listQuotes, type Quote } from '../quote-store.js';
import { staff } from '../staff.js';

const dateOrInstant = z.union([isoDateSchema, z.iso.datetime()]);

const querySchema = z.strictObject({
  status: z.enum(quoteStatuses).optional(),
  owner: z.string().min(1).max(100).optional(),
  customer: z.string().min(1).max(64).optional(),
  from: dateOrInstant.optional(),
  to: dateOrInstant.optional(),
  awaiting: z.literal('me').optional(),
  limit: z.coerce.number().int().min(1).max(100).default(25),
  cursor: z.string().max(2000).optional(),
});

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
    const queued = await awaitingApproval(viewer.actor.role, query.limit);
    const quotes = await Promise.all(queued.map((item) => getQuote(item.customerId, item.quoteId)));
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
