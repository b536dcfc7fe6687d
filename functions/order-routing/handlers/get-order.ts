// GET /orders/{orderId}  orders:read — the order with its routing, its history and the moves the
// caller may make.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { orderMoves } from '../domain/lifecycle.js';
import { orderRoutes } from '../manifest.js';
import { orderVisibleTo } from '../order-access.js';
import { getOrderHistory } from '../order-store.js';
import { orderNumber } from '../templates/order-view.js';

export const handler = route(orderRoutes.getOrder, async ({ actor, params }) => {
  const order = await orderVisibleTo(await viewerOf(actor), params.orderId);
  return json(200, {
    ...order,
    history: await getOrderHistory(order),
    number: orderNumber(order),
    allowedMoves: orderMoves(order.status, actor.role),
  });
});
