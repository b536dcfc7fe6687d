// What the call center sends when it records a customer's request for their dealer, and what the
// dealer sends to answer it. Free text follows the text rule (shared/schema.ts).
import * as z from '../../../shared/schema.js';

export const requestKinds = ['test-drive', 'service', 'appraisal', 'information', 'quote'] as const;
export type RequestKind = (typeof requestKinds)[number];

/** The kinds booked at a time at the dealer. */
export const bookable: readonly RequestKind[] = ['test-drive', 'service', 'appraisal'];

/** How the customer wants to be contacted about it. */
export const contactChannels = ['phone', 'email', 'sms', 'whatsapp'] as const;
export type ContactChannel = (typeof contactChannels)[number];

const instant = z.iso.datetime({
  offset: true,
  ...z.said({
    en: 'Not a date-time like 2026-12-01T10:00:00+03:00.',
    tr: '2026-12-01T10:00:00+03:00 gibi bir tarih-saat değil.',
  }),
});

export const requestDetailsSchema = z.strictObject({
  /** The model the customer asks about (test drive, information, quote). */
  model: z.optional(z.requiredLine(100)),
  /** The customer's own vehicle: plate, chassis number or description (service, appraisal). */
  vehicle: z.optional(z.requiredLine(100)),
  /** A catalogue product: a quote request is priced from it. */
  sku: z.optional(z.requiredLine(64)),
  quantity: z.optional(z.int().check(z.gte(1), z.lte(1000))),
  /** The price list a quote request's draft is priced from; default: the first TRY list that prices the product. */
  priceListId: z.optional(z.requiredLine(100)),
  /** When the customer could come, best first. */
  preferredTimes: z.optional(z.array(instant).check(z.minLength(1), z.maxLength(5))),
  notes: z.optional(z.text(2000)),
});

export const createRequestSchema = z
  .strictObject({
    kind: z.enum(requestKinds),
    details: z._default(requestDetailsSchema, {}),
    channel: z.enum(contactChannels),
    /**
     * A booked test drive, service appointment or appraisal: when the customer comes to the dealer.
     * Must fall inside the chosen dealer's working hours (refused naming this field otherwise).
     */
    appointmentAt: z.optional(instant),
  })
  .check(
    z.refine((r) => r.appointmentAt === undefined || bookable.includes(r.kind), {
      ...z.said({
        en: 'Only a test drive, service or appraisal request is booked at a time.',
        tr: 'Yalnızca test sürüşü, servis ve ekspertiz talebi bir saate randevu alır.',
      }),
      path: ['appointmentAt'],
    }),
    z.refine((r) => r.kind !== 'quote' || r.details.sku !== undefined, {
      ...z.said({
        en: 'A quote request names the product (its SKU) to price.',
        tr: 'Teklif talebi fiyatlanacak ürünü (SKU’sunu) belirtir.',
      }),
      path: ['details', 'sku'],
    }),
  );
export type CreateRequestInput = z.infer<typeof createRequestSchema>;

/** What came of a request the dealer reports done: the words a dealer's day report counts. */
export const requestOutcomes = ['completed', 'sold', 'follow-up', 'not-interested', 'no-show'] as const;
export type RequestOutcome = (typeof requestOutcomes)[number];

/** The body of `POST /requests/{requestId}/{action}`: `at` for schedule, `reason` for decline, `outcome` for done. */
export const requestActionSchema = z.strictObject({
  /** The seq the caller saw: a move based on a stale screen is refused. */
  seq: z.optional(z.int().check(z.positive())),
  at: z.optional(instant),
  reason: z.optional(z.text(1000).check(z.minLength(1, z.required))),
  outcome: z.optional(z.enum(requestOutcomes)),
  note: z.optional(z.text(1000)),
});
export type RequestActionInput = z.infer<typeof requestActionSchema>;
