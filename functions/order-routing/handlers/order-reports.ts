// GET /reports/orders/open | /overdue | /revenue?from=&to=&period= | /profitability?from=&to=&period=
// orders:read — JSON, or CSV with ?format=csv (or Accept: text/csv). Each caller sees the orders
// their reach covers: a unit its own, a rep their own, a team manager the team's, the rest all.
import { listScope } from '../../../shared/access.js';
import { header, type HttpEvent, type HttpResult, httpHandler, json, validate } from '../../../shared/http.js';
import { ValidationError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { addMonths, istanbulDate, istanbulMonth, lastInstantOfIstanbulDay, rangeInOrder, startOfIstanbulDay, timeRangeQuery } from '../../../shared/time.js';
import { openStatuses, orderStatuses } from '../domain/lifecycle.js';
import { ageBuckets, openByUnit, overdue, profitability, revenue, toCsv } from '../domain/reports.js';
import { staff } from '../order-access.js';
import { ordersIn } from '../order-store.js';

const querySchema = z
  .strictObject({
    ...timeRangeQuery,
    period: z._default(z.enum(['month', 'quarter', 'year']), 'month'),
    format: z.optional(z.enum(['json', 'csv'])),
  })
  .check(rangeInOrder);

const MAX_RANGE_MONTHS = 36;

const csv = (name: string, body: string): HttpResult => ({
  statusCode: 200,
  headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` },
  body,
});

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'orders:read');
  const query = validate(querySchema, event.queryStringParameters ?? {});
  const asCsv = query.format === 'csv' || (!query.format && (header(event, 'accept') ?? '').includes('text/csv'));
  const { ownerId, ...scope } = listScope(viewer);
  const reach = { ...scope, ownerId: scope.unitId ? undefined : ownerId };
  const now = new Date();
  const report = event.resource.split('/').pop();
  if (report === 'open' || report === 'overdue') {
    const open = await ordersIn(['received', ...openStatuses], reach);
    if (report === 'open') {
      const rows = openByUnit(open, now);
      return asCsv ? csv('open-orders', toCsv(['unitId', 'open', ...ageBuckets, 'oldestCreatedAt'], rows)) : json(200, { at: now.toISOString(), units: rows });
    }
    const rows = overdue(open, now);
    return asCsv
      ? csv('overdue-orders', toCsv(['orderId', 'customerId', 'unitId', 'status', 'requestedDate', 'daysLate', 'currency', 'amount'], rows.map((r) => ({ ...r, currency: r.grandTotal.currency, amount: r.grandTotal.amount }))))
      : json(200, { today: istanbulDate(now), orders: rows });
  }
  const to = query.to ?? lastInstantOfIstanbulDay(istanbulDate(now));
  const from = query.from ?? startOfIstanbulDay(addMonths(`${istanbulMonth(to)}-01`, -11));
  if (addMonths(`${istanbulMonth(from)}-01`, MAX_RANGE_MONTHS) <= `${istanbulMonth(to)}-01`) {
    throw new ValidationError([{ path: 'from', message: `At most ${MAX_RANGE_MONTHS} months at a time.` }]);
  }
  const counted = orderStatuses.filter((s) => s !== 'cancelled' && s !== 'returned');
  const inRange = await ordersIn(counted, { ...reach, from, to });
  if (report === 'profitability') {
    const rows = profitability(inRange, query.period);
    return asCsv
      ? csv('order-profitability', toCsv(['period', 'currency', 'orders', 'net', 'cost', 'margin', 'marginBp', 'withoutCost'], rows))
      : json(200, { from, to, period: query.period, rows });
  }
  const rows = revenue(inRange, query.period);
  return asCsv
    ? csv('order-revenue', toCsv(['period', 'currency', 'orders', 'total', 'totalTry', 'withoutTry'], rows))
    : json(200, { from, to, period: query.period, rows });
});
