// What staff send to create and edit a quote. Amounts never come from the caller: prices come from
// the price list, costs and tax rates from the catalogue.
import { z } from 'zod';
import { isoDateSchema } from './quote-expiry.js';

const bp = z.number().int().min(0).max(10_000);

export const lineInputSchema = z.strictObject({
  sku: z.string().trim().min(1).max(64),
  quantity: z.number().int().min(1).max(1_000_000),
  discountBp: bp.default(0),
});

export const paymentTermsSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('instalments'),
    count: z.number().int().min(1).max(360),
    firstDueDate: isoDateSchema,
    intervalMonths: z.number().int().min(1).max(12).optional(),
  }),
  z.strictObject({
    type: z.literal('shares'),
    parts: z.array(z.strictObject({ dueDate: isoDateSchema, shareBp: bp.min(1) })).min(1).max(360),
  }),
]);

export const createQuoteSchema = z.strictObject({
  customerId: z.string().trim().min(1).max(64),
  priceListId: z.string().trim().min(1).max(100),
  /** Defaults to the customer's language. */
  language: z.enum(['tr', 'en']).optional(),
  /** Defaults to 30 days after the quote date, or the price list's last day if sooner. */
  validUntil: isoDateSchema.optional(),
  notes: z.string().trim().max(4000).optional(),
  paymentTerms: paymentTermsSchema.optional(),
  lines: z.array(lineInputSchema).min(1).max(200),
});
export type CreateQuoteInput = z.infer<typeof createQuoteSchema>;

/** Any subset; `null` clears notes or payment terms. Lines, when given, replace all lines. */
export const editQuoteSchema = z.strictObject({
  /** The seq the caller saw: an edit based on a stale read is refused. */
  seq: z.number().int().positive().optional(),
  priceListId: z.string().trim().min(1).max(100).optional(),
  language: z.enum(['tr', 'en']).optional(),
  validUntil: isoDateSchema.optional(),
  notes: z.string().trim().max(4000).nullable().optional(),
  paymentTerms: paymentTermsSchema.nullable().optional(),
  lines: z.array(lineInputSchema).min(1).max(200).optional(),
});
export type EditQuoteInput = z.infer<typeof editQuoteSchema>;
