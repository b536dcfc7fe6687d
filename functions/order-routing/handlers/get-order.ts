// GET /orders/{orderId}  orders:read — the order with its routing and its history.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { orderRoutes } from '../manifest.js';
import { orderVisibleTo } from '../order-access.js';
import { getOrderHistory } from '../order-store.js';

export const handler = route(orderRoutes.getOrder, async ({ actor, params }) => {
  const order = await orderVisibleTo(await viewerOf(actor), params.orderId);
  return json(200, { ...order, history: await getOrderHistory(order) });
});
