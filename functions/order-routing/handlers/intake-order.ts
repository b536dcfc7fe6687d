// POST /orders  orders:write — an order from a web shop, an ERP or the call center. Idempotency-Key
// is required: a retry gets the first answer, and the order exists once. The customer's id is in the
// answer only for a caller who may see that customer: to anyone else it would tell a known customer
// (matched by the e-mail or phone sent) from a new one.
import { customerItemVisibleTo, profileItem } from '../../../shared/customer.js';
import { json, route } from '../../../shared/http.js';
import { customerViewerOf } from '../../customers/public.js';
import { orderRoutes } from '../manifest.js';
import { intakeOrder } from '../orders.js';

export const handler = route(orderRoutes.intakeOrder, async ({ actor, body, idempotency }) => {
  // The route requires the key: a retry must not make a second order.
  const { customerId, ...received } = await intakeOrder(body, actor, idempotency.key!);
  const shown = customerItemVisibleTo(await customerViewerOf(actor), (await profileItem(customerId)) ?? {});
  return json(201, shown ? { ...received, customerId } : received, { location: `/orders/${received.orderId}` });
});
