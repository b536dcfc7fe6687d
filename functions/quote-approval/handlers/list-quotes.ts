// GET /quotes?status=&owner=&customer=&from=&to=&sort=&currency=&limit=&cursor= — newest first (or
// oldest, or by net value within one currency), a page at a time.
// Reps get their own; a team's manager the team's; the rest everyone's. ?awaiting=me lists the
// quotes waiting for the caller's role to approve them, oldest first.
// GET /quotes/export with the list's filter: every quote it finds, as CSV through the one CSV writer.

import { listScope, type Viewer, viewerOf } from '../../../shared/access.js';
import type { CsvColumn } from '../../../shared/csv.js';
import { json, route, routes } from '../../../shared/http.js';
import { byValue, currencyOf, listExport } from '../../../shared/list-export.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import type * as z from '../../../shared/schema.js';
import type { exportQuotesQuery } from '../api-schemas.js';
import { quoteRoutes } from '../manifest.js';
import { awaitedRole } from '../quote-access.js';
import { approvalInbox, getQuote, listQuotes, type Quote } from '../quote-store.js';

/** A list shows what a row needs; GET /quotes/{quoteId} has the rest. */
const summary = (q: Quote) => ({
  quoteId: q.quoteId,
  number: recordNumber('quote', q.quoteId),
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

type Row = ReturnType<typeof summary>;

const columns: CsvColumn<Row>[] = [
  { header: 'number', cell: (r) => r.number },
  { header: 'status', cell: (r) => r.status },
  { header: 'customerId', cell: (r) => r.customerId },
  { header: 'ownerId', cell: (r) => r.ownerId },
  { header: 'grandTotal', cell: (r) => r.grandTotal },
  { header: 'currency', cell: (r) => r.currency },
  { header: 'grandTotalTry', cell: (r) => r.grandTotalTry },
  { header: 'grandTotalTryCurrency', cell: (r) => r.grandTotalTry?.currency },
  { header: 'validUntil', cell: (r) => r.validUntil },
  { header: 'createdAt', cell: (r) => r.createdAt },
  { header: 'quoteId', cell: (r) => r.quoteId },
];

type Filter = Pick<
  z.output<typeof exportQuotesQuery>,
  'status' | 'owner' | 'customer' | 'from' | 'to' | 'sort' | 'currency'
>;

/** One page of the filtered list within the caller's reach. */
const pageOf = async (viewer: Viewer, query: Filter, limit: number, cursor: string | undefined) => {
  const page = await listQuotes({
    ...listScope(viewer, query.owner),
    status: query.status,
    customerId: query.customer,
    from: query.from,
    to: query.to,
    order: query.sort === 'oldest' ? 'oldest' : 'newest',
    sortBy: byValue(query.sort),
    currency: currencyOf(query.sort, query.currency),
    limit,
    cursor,
  });
  return { items: page.quotes.map(summary), next: page.next };
};

const list = route(quoteRoutes.listQuotes, async ({ actor, query }) => {
  const viewer = await viewerOf(actor);
  if (query.awaiting) {
    const queued = await approvalInbox.waiting(viewer.actor.role, query.limit);
    const quotes = await Promise.all(queued.map(({ data }) => getQuote(data.customerId, data.quoteId)));
    const waiting = quotes.filter((q): q is Quote => q !== undefined && awaitedRole(q) === viewer.actor.role);
    return json(200, { quotes: waiting.map(summary) });
  }
  const page = await pageOf(viewer, query, query.limit, query.cursor);
  return json(200, { quotes: page.items, nextCursor: page.next });
});

const exportAll = route(quoteRoutes.exportQuotes, async ({ actor, query }, event) => {
  const viewer = await viewerOf(actor);
  return listExport({
    event,
    format: query.format,
    name: 'quotes',
    columns,
    page: (cursor, limit) => pageOf(viewer, query, limit, cursor),
  });
});

export const handler = routes([list, exportAll]);
