// POST /orders  orders:write — an order from a web shop, an ERP or the call center. Idempotency-Key
// is required: a retry gets the first answer, and the order exists once. The customer's id is in the
// answer only for a caller who may see that customer: to anyone else it would tell a known customer
// (matched by the e-mail or phone sent) from a new one.
import { customerItemVisibleTo, profileItem } from '../../../shared/customer.js';
import { header, json, route } from '../../../shared/http.js';
import { ValidationError } from '../../../shared/problems.js';
import { customerViewerOf } from '../../customers/public.js';
import { orderRoutes } from '../manifest.js';
import { intakeOrder } from '../orders.js';

export const handler = route(orderRoutes.intakeOrder, async ({ actor, body }, event) => {
  const key = header(event, 'idempotency-key');
  if (!key)
    throw new ValidationError([
      {
        path: 'Idempotency-Key',
        message: {
          en: 'Required: a retry must not make a second order.',
          tr: 'Zorunlu: yeniden deneme ikinci bir sipariş oluşturmamalı.',
        },
      },
    ]);
  const { customerId, ...received } = await intakeOrder(body, actor, key);
  const shown = customerItemVisibleTo(await customerViewerOf(actor), (await profileItem(customerId)) ?? {});
  return json(201, shown ? { ...received, customerId } : received, { location: `/orders/${received.orderId}` });
});
