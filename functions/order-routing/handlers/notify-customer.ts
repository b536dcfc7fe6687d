// On OrderStatusChanged: tells the customer, in their language, when the rules say this move is one
// they hear about (by default shipped and delivered). Transactional, once per order and status.
import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { noticeFor } from '../domain/routing.js';
import { getOrder } from '../order-store.js';
import { getRoutingRules } from '../rules-store.js';
import { customerNotice } from '../templates/customer-notice.js';

export const handler = eventHandler(catalogue.OrderStatusChanged, async ({ customerId, orderId, to }) => {
  const rules = await getRoutingRules();
  if (!rules || !noticeFor(rules, to)) return;
  const [order, customer] = await Promise.all([getOrder(customerId, orderId), getCustomer(customerId)]);
  if (!order || !customer?.email) return;
  await sendOnce(onceKey('order-notice', orderId, to), () =>
    sendTransactional({
      to: customer.email!,
      customerId,
      ...customerNotice.render(customer.language, { order, customerName: customer.name, status: to }),
    }),
  );
});
