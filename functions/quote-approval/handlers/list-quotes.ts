// GET /quotes?status=&owner=&customer=&from=&to=&limit=&cursor= — newest first, a page at a time.
// Reps get their own; a team's manager the team's; the rest everyone's. ?awaiting=me lists the
// quotes waiting for the caller's role to approve them, oldest first.

import { listScope, viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { quoteRoutes } from '../manifest.js';
import { awaitedRole } from '../quote-access.js';
import { approvalInbox, getQuote, listQuotes, type Quote } from '../quote-store.js';

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

export const handler = route(quoteRoutes.listQuotes, async ({ actor, query }) => {
  const viewer = await viewerOf(actor);
  if (query.awaiting) {
    const queued = await approvalInbox.waiting(viewer.actor.role, query.limit);
    const quotes = await Promise.all(queued.map(({ data }) => getQuote(data.customerId, data.quoteId)));
    const waiting = quotes.filter((q): q is Quote => q !== undefined && awaitedRole(q) === viewer.actor.role);
    return json(200, { quotes: waiting.map(summary) });
  }
  const page = await listQuotes({
    ...listScope(viewer, query.owner),
    status: query.status,
    customerId: query.customer,
    from: query.from,
    to: query.to,
    limit: query.limit,
    cursor: query.cursor,
  });
  return json(200, { quotes: page.quotes.map(summary), nextCursor: page.next });
});
