// The customer record's orders part: each order's summary, and the call center's recent orders.

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
});
