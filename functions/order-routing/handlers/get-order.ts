// GET /orders/{orderId}  orders:read — the order with its routing, its history and the moves the
// caller may make.
import { viewerOf } from '../../../shared/access.js';
import { json, type Role, route } from '../../../shared/http.js';
import { type OrderStatus, orderLifecycle, requestableStatuses } from '../domain/lifecycle.js';
import { orderRoutes } from '../manifest.js';
import { orderVisibleTo } from '../order-access.js';
import { getOrderHistory } from '../order-store.js';

/** The moves the caller's role may ask for through the API (routing is the system's). */
const allowedMoves = (status: OrderStatus, role: Role) =>
  orderLifecycle.movesFor(status, role).filter((move) => (requestableStatuses as readonly string[]).includes(move.to));

export const handler = route(orderRoutes.getOrder, async ({ actor, params }) => {
  const order = await orderVisibleTo(await viewerOf(actor), params.orderId);
  return json(200, {
    ...order,
    history: await getOrderHistory(order),
    allowedMoves: allowedMoves(order.status, actor.role),
  });
});
