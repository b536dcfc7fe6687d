// The customer record's orders part: each order's summary, the call center's recent orders, and what
// erasing the person does to an order.

import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import { orderRoutingKeys } from './keys.js';

import type { Order } from './order-store.js';

const money = z.object({ amount: z.number(), currency: z.string() });

export const ordersRecordPart = recordPart({
  prefix: orderRoutingKeys.ordersPrefix(),
  type: 'order',
  schema: z.strictObject({
    orderId: z.string(),
    status: z.string(),
    channel: z.string(),
    quoteId: z.optional(z.string()),
    unitId: z.optional(z.string()),
    grandTotal: z.optional(money),
    createdAt: z.string(),
  }),
  summary: (order: Order) => ({
    orderId: order.orderId,
    status: order.status,
    channel: order.channel,
    quoteId: order.quoteId,
    unitId: order.unitId,
    grandTotal: order.totals?.grandTotal,
    createdAt: order.createdAt,
  }),
  lookup: { name: 'recentOrders' },
  // An order on its way still needs whom to deliver to (performing the contract, KVKK art. 5/2-c);
  // a finished one is a commercial record kept for years (TTK art. 82): its amounts, lines and
  // dates stay for the reports, who it was for and where it went do not.
  erase: (order: Order) =>
    finishedStatuses.includes(order.status)
      ? { keep: withoutPerson(order) }
      : {
          refuse: {
            en: `Order ${order.orderId} is ${order.status}: erase after it is delivered or cancelled.`,
            tr: `${order.orderId} siparişi ${order.status} durumunda: teslim edildikten ya da iptal edildikten sonra silin.`,
          },
        },
});

/** Orders whose work is over: what an erasure keeps, anonymised. */
const finishedStatuses: readonly Order['status'][] = ['delivered', 'returned', 'cancelled'];

/** An order without the person: no contact, no street address (the city and region stay for the reports). */
const withoutPerson = (order: Order): Order => {
  const { contact: _, delivery, ...rest } = order;
  const region = delivery?.region === undefined ? {} : { region: delivery.region };
  return { ...rest, ...(delivery ? { delivery: { address: '', city: delivery.city, ...region } } : {}) };
};

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { orders: ordersRecordPart };
