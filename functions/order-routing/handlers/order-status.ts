// POST /orders/{orderId}/status {status, note?, seq?}  orders:write — a unit acknowledges, starts,
// ships, delivers; staff cancel or record a return. An out-of-order move is a 409 naming the allowed ones.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { statusChangeSchema } from '../domain/order-input.js';
import { bodyOf, oncePerKey, orderVisibleTo, staff } from '../order-access.js';
import { changeStatus, moverOf } from '../orders.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'orders:write');
  const order = await orderVisibleTo(viewer, event.pathParameters?.orderId);
  const change = bodyOf(event, statusChangeSchema);
  return json(200, await oncePerKey(event, { orderId: order.orderId, ...change }, (record) => changeStatus(order, change, moverOf(viewer), record)));
});
