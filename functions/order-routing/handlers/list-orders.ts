// GET /orders?status=&unit=&olderThanDays=&sort=&currency=&number=&limit=&cursor=  orders:read — the
// orders in a status (or every open one), by unit and age, oldest or newest first, or by net value. A
// unit's key lists its own unit's queue and nothing else (another unit's is a 404); staff list by reach.
// GET /orders/export with the same filter: every order it finds, as CSV through the one CSV writer.

import { canSee, listScope, viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import type { CsvColumn } from '../../../shared/csv.js';
import { type Actor, json, route, routes } from '../../../shared/http.js';
import { byValue, currencyOf, listExport } from '../../../shared/list-export.js';
import { NotFoundError } from '../../../shared/problems.js';
import { numberSuffix } from '../../../shared/record-numbers.js';
import type * as z from '../../../shared/schema.js';
import type { exportOrdersQuery } from '../api-schemas.js';
import { openStatuses } from '../domain/lifecycle.js';
import { orderRoutes } from '../manifest.js';
import { listOrders, type Order, type OrderQuery, orderOwnership } from '../order-store.js';
import { orderNumber } from '../templates/order-view.js';

const DAY_MS = 24 * 3600 * 1000;

/** A row of the list; GET /orders/{orderId} has the rest. */
const summary = (o: Order) => ({
  orderId: o.orderId,
  number: orderNumber(o),
  customerId: o.customerId,
  customerName: o.contact?.company ?? o.contact?.name,
  status: o.status,
  seq: o.seq,
  channel: o.channel,
  unitId: o.unitId,
  ruleId: o.routing?.ruleId,
  city: o.city,
  category: o.category,
  currency: o.currency,
  grandTotal: o.totals.grandTotal,
  requestedDate: o.requestedDate,
  ackDueAt: o.routing?.ackDueAt,
  createdAt: o.createdAt,
  updatedAt: o.updatedAt,
});
type Row = ReturnType<typeof summary>;

const columns: CsvColumn<Row>[] = [
  { header: 'number', cell: (r) => r.number },
  { header: 'status', cell: (r) => r.status },
  { header: 'unitId', cell: (r) => r.unitId },
  { header: 'customer', cell: (r) => r.customerName },
  { header: 'city', cell: (r) => r.city },
  { header: 'category', cell: (r) => r.category },
  { header: 'grandTotal', cell: (r) => r.grandTotal },
  { header: 'currency', cell: (r) => r.currency },
  { header: 'createdAt', cell: (r) => r.createdAt },
  { header: 'ackDueAt', cell: (r) => r.ackDueAt },
  { header: 'orderId', cell: (r) => r.orderId },
];

type Filter = Omit<OrderQuery, 'limit' | 'cursor'>;
type ListQuery = z.output<typeof exportOrdersQuery>;

/** The store query a caller's filter stands for, within their reach, and the access rule for each row. */
const filterOf = async (actor: Actor, query: Omit<ListQuery, 'format'>) => {
  const viewer = await viewerOf(actor);
  const scope = listScope(viewer, query.owner);
  if (scope.unitId && query.unit && query.unit !== scope.unitId)
    throw new NotFoundError({ en: `The unit ${query.unit}`, tr: `${query.unit} birimi` });
  // A typed number that cannot be an order's finds none, as an unknown one does.
  const idSuffix = query.number === undefined ? undefined : (numberSuffix('order', query.number) ?? '#');
  const filter: Filter = {
    status: query.status === 'open' ? openStatuses : query.status,
    unitId: scope.unitId ?? query.unit,
    ownerId: scope.unitId ? undefined : scope.ownerId,
    teamId: 'teamId' in scope ? scope.teamId : undefined,
    createdBefore: query.olderThanDays
      ? new Date(clockNow().getTime() - query.olderThanDays * DAY_MS).toISOString()
      : undefined,
    order: query.sort === 'newest' ? 'newest' : 'oldest',
    sortBy: byValue(query.sort),
    currency: currencyOf(query.sort, query.currency),
    idSuffix,
  };
  // The index narrows by owner; the access rule decides (an order submitted, not owned, is left out).
  const visible = (found: Order[]) => found.filter((o) => canSee(viewer, orderOwnership(o)));
  return { filter, visible };
};

const list = route(orderRoutes.listOrders, async ({ actor, query }) => {
  const { filter, visible } = await filterOf(actor, query);
  const page = await listOrders({ ...filter, limit: query.limit, cursor: query.cursor });
  return json(200, { orders: visible(page.orders).map(summary), nextCursor: page.next });
});

const exportAll = route(orderRoutes.exportOrders, async ({ actor, query }, event) => {
  const { filter, visible } = await filterOf(actor, query);
  return listExport({
    event,
    format: query.format,
    name: 'orders',
    columns,
    page: async (cursor, limit) => {
      const page = await listOrders({ ...filter, limit, cursor });
      return { items: visible(page.orders).map(summary), next: page.next };
    },
  });
});

export const handler = routes([list, exportAll]);
