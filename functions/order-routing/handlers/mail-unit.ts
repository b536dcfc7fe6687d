// On OrderRouted and OrderRerouted: mails the unit the order, in its language, with its acknowledge
// link. Once per order and routing step, whatever redeliveries.

import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { getUnit } from '../../../shared/directory.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { istanbulDateTime } from '../../../shared/time.js';
import { catalogue, type EventDetail } from '../../event-table.js';
import { ackLink } from '../links.js';
import { getOrder } from '../order-store.js';
import { unitOrderMail } from '../templates/unit-order.js';

export const mailUnit = async ({
  customerId,
  orderId,
  unitId,
  step,
}: EventDetail<'OrderRouted'> | EventDetail<'OrderRerouted'>) => {
  const order = await getOrder(customerId, orderId);
  // Acknowledged, re-routed or cancelled since: nothing to ask for.
  const routing = order?.routing;
  if (!order || !routing || order.status !== 'routed' || routing.step !== step || order.unitId !== unitId) return;
  // The unit works with the contact the order carries (older orders: the profile's), no more of the record.
  const [unit, customer] = await Promise.all([getUnit(unitId), order.contact ?? getCustomer(customerId)]);
  if (!unit) {
    logger.warn('order routed to a unit that does not exist', { orderId, unitId });
    return;
  }
  await sendOnce(onceKey('order-unit', orderId, step), async () =>
    sendTransactional({
      to: unit.email,
      ...unitOrderMail.render(unit.language, {
        order,
        customerName: customer?.company ?? customer?.name ?? customerId,
        customerContact: [customer?.phone, customer?.email].filter(Boolean).join(' · ') || undefined,
        ackUrl: await ackLink.url({ customerId, orderId, unitId, step }),
        ackBy: routing.ackDueAt ? istanbulDateTime(routing.ackDueAt, unit.language) : undefined,
        rerouted: step > 1,
      }),
    }),
  );
};

export const handler = eventHandler(catalogue.OrderRouted, mailUnit);
