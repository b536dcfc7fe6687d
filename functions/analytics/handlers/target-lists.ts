// GET /analytics/lists/top-customers | lapsed-customers | declining-customers | valuable-complainants
// analytics:read — JSON, or CSV with ?format=csv (or Accept: text/csv), cells a spreadsheet opens safely.
// Who is on a list is decided firm-wide; the rows name only customers within the caller's reach.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { type CsvCell, type CsvColumn, toCsv } from '../../../shared/csv.js';
import { type Actor, csvFile, type HttpEvent, json, route, routes, wantsCsv } from '../../../shared/http.js';
import { money } from '../../../shared/money.js';
import { type ListName, targetList } from '../analytics.js';
import { analyticsRoutes } from '../manifest.js';

type Listed = Record<string, unknown>;
const fields = (...names: string[]): CsvColumn<Listed>[] =>
  names.map((header) => ({ header, cell: (row) => row[header] as CsvCell }));
/** Revenue figures are TRY kuruş in the lists: written as lira, with the currency column before them. */
const lira = (...names: string[]): CsvColumn<Listed>[] => [
  { header: 'currency', cell: () => 'TRY' },
  ...names.map((header) => ({ header, cell: (row: Listed) => money(Number(row[header]), 'TRY') })),
];
const who = ['customerId', 'name', 'company', 'segment'];
const columns: Record<ListName, CsvColumn<Listed>[]> = {
  'top-customers': [...fields('rank', ...who), ...lira('revenueTry'), ...fields('orders')],
  'lapsed-customers': fields(...who, 'lastOrderDate', 'monthsSince'),
  'declining-customers': [...fields(...who), ...lira('thisYearTry', 'lastYearTry', 'changeTry')],
  'valuable-complainants': fields(...who, 'complaints', 'active', 'lastComplaintAt'),
};

const answer = async (
  list: ListName,
  actor: Actor,
  query: { format?: 'json' | 'csv'; lookbackYears?: number },
  event: HttpEvent,
) => {
  const found = await targetList(list, clockNow(), query.lookbackYears, await viewerOf(actor));
  return wantsCsv(event, query.format)
    ? csvFile(list, toCsv(columns[list], found.customers as unknown as readonly Listed[]))
    : json(200, found);
};

export const handler = routes([
  route(analyticsRoutes.topCustomers, ({ actor, query }, event) => answer('top-customers', actor, query, event)),
  route(analyticsRoutes.lapsedCustomers, ({ actor, query }, event) => answer('lapsed-customers', actor, query, event)),
  route(analyticsRoutes.decliningCustomers, ({ actor, query }, event) =>
    answer('declining-customers', actor, query, event),
  ),
  route(analyticsRoutes.complainingACustomers, ({ actor, query }, event) =>
    answer('valuable-complainants', actor, query, event),
  ),
]);
