// POST /orders  orders:write — an order from a web shop, an ERP or the call center. Idempotency-Key
// is required: a retry gets the first answer, and the order exists once.
import { header, type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { ValidationError } from '../../../shared/problems.js';
import { orderIntakeSchema } from '../domain/order-input.js';
import { bodyOf, staff } from '../order-access.js';
import { intakeOrder } from '../orders.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'orders:write');
  const key = header(event, 'idempotency-key');
  if (!key) throw new ValidationError([{ path: 'Idempotency-Key', message: 'Required: a retry must not make a second order.' }]);
  const intake = bodyOf(event, orderIntakeSchema);
  const received = await intakeOrder(intake, viewer.actor, key);
  return json(201, received, { location: `/orders/${received.orderId}` });
});
