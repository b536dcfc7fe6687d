// The agreement routes' request and response schemas: the manifest declares them, the handlers get
// their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { agreementStatuses } from './domain/agreement.js';
import { standingOrderStatuses } from './domain/standing-order.js';

/** Path ids are checked by the access rule (an unknown or foreign id is a 404), so any string passes here. */
export const customerParams = z.strictObject({ customerId: z.string() });
export const agreementParams = z.strictObject({ agreementId: z.string() });
export const standingOrderParams = z.strictObject({ standingOrderId: z.string() });
export const linkQuery = z.looseObject({ token: z.optional(z.string()) });
export const linkForm = z.looseObject({ token: z.optional(z.string()), name: z.optional(z.string()) });

const money = z.looseObject({ amount: z.int(), currency: z.string() });

export const agreement = z.looseObject({
  agreementId: z.string(),
  customerId: z.string(),
  status: z.enum(agreementStatuses),
  seq: z.int(),
  validFrom: z.string(),
  validUntil: z.string(),
});

const period = z.strictObject({ period: z.string(), dueOn: z.string(), skipped: z.boolean() });

export const agreementPage = z.extend(agreement, {
  number: z.string(),
  /** Each commitment with what orders under the agreement have bought against it. */
  volume: z.array(
    z.looseObject({ quantity: z.int(), ordered: z.int(), remaining: z.int(), sku: z.optional(z.string()) }),
  ),
  orders: z.array(z.looseObject({ orderId: z.string(), at: z.string(), period: z.optional(z.string()) })),
  /** The schedule's months already ordered, and the next ones ahead (skippable until placed). */
  placedPeriods: z.array(z.looseObject({ period: z.string(), orderId: z.string() })),
  upcomingPeriods: z.array(period),
  renewalReminderOn: z.string(),
  history: z.array(z.looseObject({ at: z.string(), action: z.string() })),
});

export const orderPlaced = z.strictObject({
  orderId: z.string(),
  customerId: z.string(),
  agreementId: z.string(),
  status: z.literal('received'),
  currency: z.string(),
  lines: z.array(z.strictObject({ sku: z.string(), quantity: z.int(), unitPrice: money, total: money })),
  grandTotal: money,
});

export const standingOrder = z.looseObject({
  standingOrderId: z.string(),
  customerId: z.string(),
  status: z.enum(standingOrderStatuses),
  seq: z.int(),
  currency: z.string(),
  schedule: z.looseObject({
    dayOfMonth: z.int(),
    startsOn: z.string(),
    lines: z.array(z.looseObject({ sku: z.string(), quantity: z.int() })),
    skipped: z.array(z.string()),
  }),
  validUntil: z.optional(z.string()),
});

export const standingOrderPage = z.extend(standingOrder, {
  /** The months already ordered (each with its order), and the next ones ahead (skippable until placed). */
  placedPeriods: z.array(z.looseObject({ period: z.string(), orderId: z.string() })),
  upcomingPeriods: z.array(period),
  history: z.array(z.looseObject({ at: z.string(), action: z.string() })),
});
