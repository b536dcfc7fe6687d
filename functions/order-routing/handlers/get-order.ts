// GET /orders/{orderId}  orders:read — the order with its routing and its history.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { orderVisibleTo, staff } from '../order-access.js';
import { getOrderHistory } from '../order-store.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'orders:read');
  const order = await orderVisibleTo(viewer, event.pathParameters?.orderId);
  return json(200, { ...order, history: await getOrderHistory(order) });
});
