// GET /orders?status=&unit=&limit=&cursor=  orders:read — one status, oldest first. A unit's key
// lists its own unit's queue and nothing else (another unit's is a 404); staff list by their reach.
import { canSee, listScope, viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { orderRoutes } from '../manifest.js';
import { listOrders, type Order, orderOwnership } from '../order-store.js';

/** A row of the list; GET /orders/{orderId} has the rest. */
const summary = (o: Order) => ({
  orderId: o.orderId,
  customerId: o.customerId,
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

export const handler = route(orderRoutes.listOrders, async ({ actor, query }) => {
  const viewer = await viewerOf(actor);
  const scope = listScope(viewer, query.owner);
  if (scope.unitId && query.unit && query.unit !== scope.unitId)
    throw new NotFoundError({ en: `The unit ${query.unit}`, tr: `${query.unit} birimi` });
  const page = await listOrders({
    status: query.status,
    unitId: scope.unitId ?? query.unit,
    ownerId: scope.unitId ? undefined : scope.ownerId,
    teamId: 'teamId' in scope ? scope.teamId : undefined,
    limit: query.limit,
    cursor: query.cursor,
  });
  // The index narrows by owner; the access rule decides (an order submitted, not owned, is left out).
  const shown = page.orders.filter((o) => canSee(viewer, orderOwnership(o)));
  return json(200, { orders: shown.map(summary), nextCursor: page.next });
});
