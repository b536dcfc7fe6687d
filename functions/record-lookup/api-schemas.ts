// GET /numbers/{number}: what it takes and answers. The OpenAPI document and the console's types come from here.
import * as z from '../../shared/schema.js';

export const numberedKinds = ['quote', 'order', 'request', 'lead', 'customer'] as const;

export const numberParams = z.strictObject({
  /** A number as people say it: `Q-FT7H82FA`, `SP-…`, `TL-…`, `L-…`, `M-…` (any letter case). */
  number: z.string(),
});

export const foundRecord = z.strictObject({
  kind: z.enum(numberedKinds),
  id: z.string(),
  /** The number as the firm prints it. */
  number: z.string(),
  customerId: z.string(),
});
