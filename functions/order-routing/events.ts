// The events order routing publishes: ids, the unit and rule, statuses, reasons and amounts (integer
// minor units with their currency); never the delivery address.
import { defineEvents, envelope, minor, nonNegativeInt, positiveInt } from '../../events/event.js';
import * as z from '../../shared/schema.js';
import { orderStatuses } from './domain/lifecycle.js';

const orderLine = z.object({
  sku: z.string(),
  quantity: positiveInt,
  unitPrice: minor,
  discount: minor,
  net: minor,
  tax: minor,
  total: minor,
});
const orderRef = { orderId: z.string(), customerId: z.string() };
const orderStatus = z.enum(orderStatuses);
/** Where a routing sent the order: the unit, the rule that fired, and which routing of the order it is (1, 2). */
const routedTo = { unitId: z.string(), ruleId: z.string(), fallback: z.boolean(), step: positiveInt };

export const events = defineEvents('crm.orders', {
  OrderCreated: z.object({
    ...envelope,
    orderId: z.string(),
    /** Present for an order made from an accepted quote. */
    quoteId: z.optional(z.string()),
    quoteVersion: z.optional(positiveInt),
    /** Where it came from: `quote`, or the intake's channel (`web-shop`, `erp`, `call-center`…). */
    channel: z.optional(z.string()),
    customerId: z.string(),
    ownerId: z.string(),
    currency: z.string(),
    lines: z.array(orderLine).check(z.minLength(1)),
    totals: z.object({ subtotal: minor, discountTotal: minor, netTotal: minor, taxTotal: minor, grandTotal: minor }),
    grandTotalTry: minor,
  }),
  OrderRouted: z.object({ ...envelope, ...orderRef, ...routedTo, rulesSeq: nonNegativeInt, skipped: nonNegativeInt }),
  OrderRerouted: z.object({
    ...envelope,
    ...orderRef,
    ...routedTo,
    fromUnitId: z.string(),
    reason: z.enum(['ack-sla-missed']),
  }),
  OrderStatusChanged: z.object({
    ...envelope,
    ...orderRef,
    from: orderStatus,
    to: orderStatus,
    actorId: z.string(),
    via: z.enum(['api', 'link', 'sweep', 'event']),
    unitId: z.optional(z.string()),
  }),
});
