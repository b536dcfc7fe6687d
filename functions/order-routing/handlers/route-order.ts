// On OrderCreated: routes the order by the rules (OrderRouted). Idempotent by its move: an order
// that is no longer `received` is left alone.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { getOrder } from '../order-store.js';
import { routeOrder } from '../orders.js';

export const handler = eventHandler(catalogue.OrderCreated, async ({ customerId, orderId }) => {
  const order = await getOrder(customerId, orderId);
  if (order) await routeOrder(order);
});
