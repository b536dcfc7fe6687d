// POST /orders  orders:write — an order from a web shop, an ERP or the call center. Idempotency-Key
// is required: a retry gets the first answer, and the order exists once.
import { header, json, route } from '../../../shared/http.js';
import { ValidationError } from '../../../shared/problems.js';
import { orderRoutes } from '../manifest.js';
import { intakeOrder } from '../orders.js';

export const handler = route(orderRoutes.intakeOrder, async ({ actor, body }, event) => {
  const key = header(event, 'idempotency-key');
  if (!key) throw new ValidationError([{ path: 'Idempotency-Key', message: { en: 'Required: a retry must not make a second order.', tr: 'Zorunlu: yeniden deneme ikinci bir sipariş oluşturmamalı.' } }]);
  const received = await intakeOrder(body, actor, key);
  return json(201, received, { location: `/orders/${received.orderId}` });
});
