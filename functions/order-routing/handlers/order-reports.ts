// GET /reports/orders/open | /overdue | /revenue?from=&to=&period= | /profitability?from=&to=&period=
// orders:read — JSON, or CSV with ?format=csv (or Accept: text/csv). Each caller sees the orders
// their reach covers: a unit its own, a rep their own, a team manager the team's, the rest all.

import { canSee, listScope, viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { toCsv } from '../../../shared/csv.js';
import { type Actor, csvFile, type HttpEvent, json, route, routes, wantsCsv } from '../../../shared/http.js';
import { monthsAtATime } from '../../../shared/messages.js';
import { ValidationError } from '../../../shared/problems.js';
import type * as z from '../../../shared/schema.js';
import {
  addMonths,
  istanbulDate,
  istanbulMonth,
  lastInstantOfIstanbulDay,
  startOfIstanbulDay,
} from '../../../shared/time.js';
import type { reportQuery } from '../api-schemas.js';
import { openStatuses, orderStatuses } from '../domain/lifecycle.js';
import {
  openByUnit,
  openColumns,
  overdue,
  overdueColumns,
  profitability,
  profitColumns,
  revenue,
  revenueColumns,
} from '../domain/reports.js';
import { orderRoutes } from '../manifest.js';
import { type Order, orderOwnership, ordersIn } from '../order-store.js';

const MAX_RANGE_MONTHS = 36;

type Report = 'open' | 'overdue' | 'revenue' | 'profitability';

const answer = async (report: Report, actor: Actor, query: z.output<typeof reportQuery>, event: HttpEvent) => {
  const viewer = await viewerOf(actor);
  const asCsv = wantsCsv(event, query.format);
  const { ownerId, ...scope } = listScope(viewer);
  const reach = { ...scope, ownerId: scope.unitId ? undefined : ownerId };
  const now = clockNow();
  // The index narrows by reach; the access rule decides which orders count.
  const seen = (found: Order[]) => found.filter((o) => canSee(viewer, orderOwnership(o)));
  if (report === 'open' || report === 'overdue') {
    const open = seen(await ordersIn(['received', ...openStatuses], reach));
    if (report === 'open') {
      const rows = openByUnit(open, now);
      return asCsv
        ? csvFile('open-orders', toCsv(openColumns, rows))
        : json(200, { at: now.toISOString(), units: rows });
    }
    const rows = overdue(open, now);
    return asCsv
      ? csvFile('overdue-orders', toCsv(overdueColumns, rows))
      : json(200, { today: istanbulDate(now), orders: rows });
  }
  const to = query.to ?? lastInstantOfIstanbulDay(istanbulDate(now));
  const from = query.from ?? startOfIstanbulDay(addMonths(`${istanbulMonth(to)}-01`, -11));
  if (addMonths(`${istanbulMonth(from)}-01`, MAX_RANGE_MONTHS) <= `${istanbulMonth(to)}-01`) {
    throw new ValidationError([{ path: 'from', message: monthsAtATime(MAX_RANGE_MONTHS) }]);
  }
  const counted = orderStatuses.filter((s) => s !== 'cancelled' && s !== 'returned');
  const inRange = seen(await ordersIn(counted, { ...reach, from, to }));
  if (report === 'profitability') {
    const rows = profitability(inRange, query.period);
    return asCsv
      ? csvFile('order-profitability', toCsv(profitColumns, rows))
      : json(200, { from, to, period: query.period, rows });
  }
  const rows = revenue(inRange, query.period);
  return asCsv
    ? csvFile('order-revenue', toCsv(revenueColumns, rows))
    : json(200, { from, to, period: query.period, rows });
};

const reportBy =
  (report: Report) =>
  async ({ actor, query }: { actor: Actor; query: z.output<typeof reportQuery> }, event: HttpEvent) =>
    answer(report, actor, query, event);

export const handler = routes([
  route(orderRoutes.openOrdersReport, reportBy('open')),
  route(orderRoutes.overdueOrdersReport, reportBy('overdue')),
  route(orderRoutes.revenueReport, reportBy('revenue')),
  route(orderRoutes.profitabilityReport, reportBy('profitability')),
]);
