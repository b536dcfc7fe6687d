// GET /analytics/lists/top-customers | lapsed-customers | declining-customers | valuable-complainants
// analytics:read — JSON, or CSV with ?format=csv (or Accept: text/csv), cells a spreadsheet opens safely.
// Who is on a list is decided firm-wide; the rows name only customers within the caller's reach.
import { viewerOf } from '../../../shared/access.js';
import { type Actor, csvFile, type HttpEvent, json, route, routes, wantsCsv } from '../../../shared/http.js';
import { toCsv } from '../../order-routing/public.js';
import { type ListName, targetList } from '../analytics.js';
import { analyticsRoutes } from '../manifest.js';

const who = ['customerId', 'name', 'company', 'segment'] as const;
const columns: Record<ListName, readonly string[]> = {
  'top-customers': ['rank', ...who, 'revenueTry', 'orders'],
  'lapsed-customers': [...who, 'lastOrderDate', 'monthsSince'],
  'declining-customers': [...who, 'thisYearTry', 'lastYearTry', 'changeTry'],
  'valuable-complainants': [...who, 'complaints', 'active', 'lastComplaintAt'],
};

const answer = async (list: ListName, actor: Actor, query: { format?: 'json' | 'csv'; lookbackYears?: number }, event: HttpEvent) => {
  const found = await targetList(list, new Date(), query.lookbackYears, await viewerOf(actor));
  return wantsCsv(event, query.format)
    ? csvFile(list, toCsv(columns[list], found.customers as unknown as readonly Record<string, unknown>[]))
    : json(200, found);
};

export const handler = routes([
  route(analyticsRoutes.topCustomers, ({ actor, query }, event) => answer('top-customers', actor, query, event)),
  route(analyticsRoutes.lapsedCustomers, ({ actor, query }, event) => answer('lapsed-customers', actor, query, event)),
  route(analyticsRoutes.decliningCustomers, ({ actor, query }, event) => answer('declining-customers', actor, query, event)),
  route(analyticsRoutes.complainingACustomers, ({ actor, query }, event) => answer('valuable-complainants', actor, query, event)),
]);
