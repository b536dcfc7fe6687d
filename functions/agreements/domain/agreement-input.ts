// What staff send to draft an agreement, place an order under it, or move it. Rules across fields
// (validity, the schedule's start) are in agreement.ts and refuse with the field they concern.
import { currencySchema } from '../../../shared/money.js';
import * as z from '../../../shared/schema.js';
import { isoDateSchema } from '../../../shared/time.js';
import { agreementKinds } from './agreement.js';

const sku = z.requiredLine(64);
const quantity = z.int().check(z.gte(1), z.lte(1_000_000));

const agreedPrice = z
  .strictObject({
    sku: z.optional(sku),
    category: z.optional(z.requiredLine(100)),
    /** An agreed unit price in minor units, in `currency`; or a discount on the list price. */
    unitPrice: z.optional(z.int().check(z.gte(0))),
    currency: z.optional(currencySchema),
    discountBp: z.optional(z.int().check(z.gte(1), z.lte(10_000))),
  })
  .check(
    z.refine((p) => Boolean(p.sku) !== Boolean(p.category), {
      path: ['sku'],
      ...z.said({
        en: 'Name a product (sku) or a category, not both.',
        tr: 'Bir ürün (sku) ya da bir kategori yazın, ikisini değil.',
      }),
    }),
    z.refine((p) => (p.unitPrice === undefined) !== (p.discountBp === undefined), {
      path: ['unitPrice'],
      ...z.said({
        en: 'Give a unit price or a discount, not both.',
        tr: 'Birim fiyat ya da indirim verin, ikisini değil.',
      }),
    }),
    z.refine((p) => p.unitPrice === undefined || Boolean(p.sku), {
      path: ['category'],
      ...z.said({
        en: 'A category takes a discount, not a unit price.',
        tr: 'Kategoriye birim fiyat değil indirim verilir.',
      }),
    }),
  );

const commitment = z.strictObject({ sku: z.optional(sku), category: z.optional(z.requiredLine(100)), quantity }).check(
  z.refine((c) => Boolean(c.sku) !== Boolean(c.category), {
    path: ['sku'],
    ...z.said({
      en: 'Name a product (sku) or a category, not both.',
      tr: 'Bir ürün (sku) ya da bir kategori yazın, ikisini değil.',
    }),
  }),
);

const orderLines = z.array(z.strictObject({ sku, quantity })).check(z.minLength(1), z.maxLength(100));

export const createAgreementSchema = z.strictObject({
  kind: z.enum(agreementKinds),
  title: z.requiredLine(200),
  /** From an accepted quote: its lines become the agreed prices and the committed volume. */
  quoteId: z.optional(z.string()),
  terms: z.text(20_000),
  validFrom: isoDateSchema,
  validUntil: isoDateSchema,
  /** The agreement's currency (an agreed price's, unless it names its own); from the quote if one is named. */
  currency: z.optional(currencySchema),
  priceListId: z.optional(z.requiredLine(100)),
  prices: z.optional(z.array(agreedPrice).check(z.maxLength(500))),
  commitments: z.optional(z.array(commitment).check(z.maxLength(500))),
  reminderWorkingDays: z.optional(z.int().check(z.gte(0), z.lte(120))),
  schedule: z.optional(
    z.strictObject({ dayOfMonth: z.int().check(z.gte(1), z.lte(28)), startsOn: isoDateSchema, lines: orderLines }),
  ),
});
export type CreateAgreement = z.infer<typeof createAgreementSchema>;

export const orderUnderSchema = z.strictObject({
  currency: currencySchema,
  lines: orderLines,
  requestedDate: z.optional(isoDateSchema),
});
export type OrderUnder = z.infer<typeof orderUnderSchema>;

export const seqBody = z.strictObject({ seq: z.int().check(z.positive()) });
export const skipBody = z.strictObject({
  seq: z.int().check(z.positive()),
  period: z.string().check(z.regex(/^\d{4}-(0[1-9]|1[0-2])$/)),
});

/** A standing order without an agreement: its monthly lines, each at its own unit price or the price list's. */
export const createStandingOrderSchema = z.strictObject({
  currency: currencySchema,
  priceListId: z.optional(z.requiredLine(100)),
  dayOfMonth: z.int().check(z.gte(1), z.lte(28)),
  startsOn: isoDateSchema,
  endsOn: z.optional(isoDateSchema),
  lines: z
    .array(z.strictObject({ sku, quantity, unitPrice: z.optional(z.int().check(z.gte(0))) }))
    .check(z.minLength(1), z.maxLength(100)),
});
export type CreateStandingOrder = z.infer<typeof createStandingOrderSchema>;
