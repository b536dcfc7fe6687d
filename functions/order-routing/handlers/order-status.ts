// POST /orders/{orderId}/status {status, note?, seq?}  orders:write — a unit acknowledges, starts,
// ships, delivers; staff cancel or record a return. An out-of-order move is a 409 naming the allowed ones.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { orderRoutes } from '../manifest.js';
import { orderVisibleTo } from '../order-access.js';
import { changeStatus, moverOf } from '../orders.js';

export const handler = route(orderRoutes.changeOrderStatus, async ({ actor, params, body: change, once }) => {
  const viewer = await viewerOf(actor);
  const order = await orderVisibleTo(viewer, params.orderId, true);
  const moved = await once({ orderId: order.orderId, ...change }, (record) =>
    changeStatus(order, change, moverOf(viewer), record),
  );
  return json(200, moved);
});
