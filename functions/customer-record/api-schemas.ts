// The customer record's request and response schemas: the whole record, one part's page, and the
// call center's lookup, each made of the parts the modules contribute.
import * as z from '../../shared/schema.js';
import { consent, owners, profile } from '../customers/public.js';
import { partsList } from './record-parts.js';

export { customerParams } from '../customers/public.js';
/** An unknown part is a 404, like any path that names nothing. */
export const partParams = z.strictObject({ customerId: z.string(), part: z.string() });

const limit = z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25);
const cursor = z.optional(z.string().check(z.maxLength(4000)));

export const partPageQuery = z.strictObject({ limit, cursor });

/** Exactly one of `phone` (any common Turkish or international form) and `email`. */
export const lookupQuery = z
  .strictObject({
    phone: z.optional(z.requiredLine(40)),
    email: z.optional(z.requiredLine(254)),
  })
  .check(
    z.refine((q) => (q.phone === undefined) !== (q.email === undefined), {
      ...z.said({
        en: 'Send exactly one of `phone` and `email`.',
        tr: '`phone` ve `email` alanlarından tam olarak birini gönderin.',
      }),
      path: ['phone'],
    }),
  );

const page = (item: z.core.$ZodType) => z.strictObject({ items: z.array(item), nextCursor: z.optional(z.string()) });
/** A capped list: `more` says the customer has more than these (newest first). */
const capped = (item: z.core.$ZodType) => z.strictObject({ items: z.array(item), more: z.boolean() });

export const customerRecord = z.strictObject({
  customer: profile,
  /** The number people speak, `M-…` (shared/record-numbers). */
  number: z.string(),
  /** The id asked for, when it was merged into `customer` (merge). */
  mergedFrom: z.optional(z.string()),
  owners,
  consents: z.array(consent),
  ...Object.fromEntries(partsList.map(([partName, spec]) => [partName, page(spec.schema)])),
});

export const partPage = page(z.union(partsList.map(([, spec]) => spec.schema)));

const lookupMatch = z.strictObject({
  customer: profile,
  owners,
  consents: z.array(consent),
  /** How the phone or e-mail matched: as the customer's own, and as which of their contact people's. */
  matchedBy: z.strictObject({ customer: z.boolean(), contactIds: z.array(z.string()) }),
  ...Object.fromEntries(
    partsList.flatMap(([, spec]) => (spec.lookup ? [[spec.lookup.name, capped(spec.schema)]] : [])),
  ),
});

/** Every customer the phone or e-mail belongs to (a shared office phone: several), never a guess. */
export const lookupView = z.strictObject({ matches: z.array(lookupMatch) });
