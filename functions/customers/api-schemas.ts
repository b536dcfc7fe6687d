// The customer routes' request and response schemas: the manifest declares them on the routes, the
// handlers get their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';

/** Path ids are checked by the access module (an unknown or foreign id is a 404), so any string passes here. */
export const customerParams = z.strictObject({ customerId: z.string() });

/** Exactly one of `phone` (any common Turkish or international form) and `email`. */
export const lookupQuery = z
  .strictObject({
    phone: z.optional(z.requiredLine(40)),
    email: z.optional(z.requiredLine(254)),
  })
  .check(
    z.refine((q) => (q.phone === undefined) !== (q.email === undefined), {
      message: 'Send exactly one of `phone` and `email`.',
      path: ['phone'],
    }),
  );

// ---- responses: what the handlers answer (checked against real answers by the local stack) ------

const money = z.looseObject({ amount: z.number(), currency: z.string() });

const profile = z.looseObject({
  customerId: z.string(),
  name: z.string(),
  email: z.optional(z.string()),
  phone: z.optional(z.string()),
  company: z.optional(z.string()),
  sector: z.optional(z.string()),
  city: z.optional(z.string()),
  region: z.optional(z.string()),
  preferredDealerId: z.optional(z.string()),
  language: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});

/** Whom the customer belongs to: the people (and dealers) assigned their leads and requests, and their teams. */
const owners = z.strictObject({ ownerIds: z.array(z.string()), teamIds: z.array(z.string()) });

/** The newest decision per channel, address and topic. */
const consent = z.strictObject({
  channel: z.enum(['email', 'sms', 'phone']),
  address: z.string(),
  topic: z.string(),
  state: z.enum(['requested', 'granted', 'withdrawn']),
  via: z.string(),
  at: z.string(),
});

const leadSummary = z.strictObject({
  leadId: z.string(),
  status: z.string(),
  ownerId: z.optional(z.string()),
  productInterest: z.optional(z.string()),
  source: z.optional(z.string()),
  createdAt: z.string(),
});

const quoteSummary = z.strictObject({
  quoteId: z.string(),
  status: z.string(),
  version: z.int(),
  ownerId: z.string(),
  grandTotal: z.optional(money),
  validUntil: z.string(),
  createdAt: z.string(),
});

const orderSummary = z.strictObject({
  orderId: z.string(),
  status: z.string(),
  channel: z.string(),
  quoteId: z.optional(z.string()),
  unitId: z.optional(z.string()),
  grandTotal: z.optional(money),
  createdAt: z.string(),
});

/** A capped list: `more` says the customer has more than these (newest first). */
const part = <S extends z.core.$ZodType>(item: S) => z.strictObject({ items: z.array(item), more: z.boolean() });

export const lookupView = z.strictObject({
  customer: profile,
  owners,
  consents: z.array(consent),
  openQuotes: part(quoteSummary),
  recentOrders: part(orderSummary),
  recentLeads: part(leadSummary),
});

export const customerRecord = z.strictObject({
  customer: profile,
  /** The id asked for, when it was merged into `customer` (merge). */
  mergedFrom: z.optional(z.string()),
  owners,
  consents: z.array(consent),
  leads: part(leadSummary),
  quotes: part(quoteSummary),
  orders: part(orderSummary),
});
