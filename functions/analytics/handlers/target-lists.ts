// GET /analytics/lists/top-customers | lapsed-customers | declining-customers | valuable-complainants
// analytics:read — JSON, or CSV with ?format=csv (or Accept: text/csv), cells a spreadsheet opens safely.
import { csvFile, type HttpEvent, json, route, routes, wantsCsv } from '../../../shared/http.js';
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

const answer = async (list: ListName, query: { format?: 'json' | 'csv'; lookbackYears?: number }, event: HttpEvent) => {
  const found = await targetList(list, new Date(), query.lookbackYears);
  return wantsCsv(event, query.format)
    ? csvFile(list, toCsv(columns[list], found.customers as unknown as readonly Record<string, unknown>[]))
    : json(200, found);
};

export const handler = routes([
  route(analyticsRoutes.topCustomers, ({ query }, event) => answer('top-customers', query, event)),
  route(analyticsRoutes.lapsedCustomers, ({ query }, event) => answer('lapsed-customers', query, event)),
  route(analyticsRoutes.decliningCustomers, ({ query }, event) => answer('declining-customers', query, event)),
  route(analyticsRoutes.complainingACustomers, ({ query }, event) => answer('valuable-complainants', query, event)),
]);
