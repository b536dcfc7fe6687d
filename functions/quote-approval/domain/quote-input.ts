// What staff send to create and edit a quote. Amounts never come from the caller: prices come from
// the price list, costs and tax rates from the catalogue.

import { languages } from '../../../shared/language.js';
import * as z from '../../../shared/schema.js';
import { isoDateSchema } from '../../../shared/time.js';
import { recipeChoicesSchema } from '../../recipes/public.js';

const bp = z.int().check(z.gte(0), z.lte(10_000));
/** An integer from `min` to `max`, both included. */
const intFrom = (min: number, max: number) => z.int().check(z.gte(min), z.lte(max));
const notes = z.text(4000);
/** Where, when and how the goods are handed over (Incoterms, lead time, site): printed on the quote. */
const deliveryTerms = z.text(1000);
/** Why an approver rejects a quote, through the API or the approval page alike. */
export const rejectionReasonSchema = z
  .text(2000)
  .check(z.minLength(1, z.said({ en: 'Say why the quote is rejected.', tr: 'Teklifin neden reddedildiğini yazın.' })));
const seq = z.int().check(z.positive());
const language = z.enum(languages);

export const lineInputSchema = z.strictObject({
  sku: z.requiredLine(64),
  quantity: intFrom(1, 1_000_000),
  discountBp: z._default(bp, 0),
  /** For a product with a recipe: optional components left out and components replaced on this quote. */
  components: z.optional(recipeChoicesSchema),
});

export const paymentTermsSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('instalments'),
    count: intFrom(1, 360),
    firstDueDate: isoDateSchema,
    intervalMonths: z.optional(intFrom(1, 12)),
  }),
  z.strictObject({
    type: z.literal('shares'),
    parts: z
      .array(z.strictObject({ dueDate: isoDateSchema, shareBp: bp.check(z.gte(1)) }))
      .check(z.minLength(1), z.maxLength(360)),
  }),
]);

/** A quote has 1 to 200 lines. */
const lines = z.array(lineInputSchema).check(z.minLength(1), z.maxLength(200));

export const createQuoteSchema = z.strictObject({
  customerId: z.requiredLine(64),
  priceListId: z.requiredLine(100),
  /** Defaults to the customer's language. */
  language: z.optional(language),
  /** Defaults to 30 days after the quote date, or the price list's last day if sooner. */
  validUntil: z.optional(isoDateSchema),
  notes: z.optional(notes),
  deliveryTerms: z.optional(deliveryTerms),
  /** A discount on the whole quote, in basis points, taken after each line's own discount. */
  quoteDiscountBp: z.optional(bp),
  paymentTerms: z.optional(paymentTermsSchema),
  lines,
});
export type CreateQuoteInput = z.infer<typeof createQuoteSchema>;

/** Any subset; `null` clears notes, delivery terms or payment terms. Lines, when given, replace all lines. */
export const editQuoteSchema = z.strictObject({
  /** The seq the caller saw: an edit based on a stale read is refused. */
  seq: z.optional(seq),
  priceListId: z.optional(z.requiredLine(100)),
  language: z.optional(language),
  validUntil: z.optional(isoDateSchema),
  notes: z.optional(z.nullable(notes)),
  deliveryTerms: z.optional(z.nullable(deliveryTerms)),
  /** 0 removes the quote discount. */
  quoteDiscountBp: z.optional(bp),
  paymentTerms: z.optional(z.nullable(paymentTermsSchema)),
  lines: z.optional(lines),
});
export type EditQuoteInput = z.infer<typeof editQuoteSchema>;
