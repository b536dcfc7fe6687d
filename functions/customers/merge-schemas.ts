// The merge route's request and answer schemas (the manifest declares them; OpenAPI is generated from them).
import * as z from '../../shared/schema.js';

export const mergeParams = z.strictObject({ customerId: z.string() });

/** The customer to absorb into the one in the path. */
export const mergeBody = z.strictObject({ duplicateId: z.requiredLine(40) });

export const mergeResult = z.strictObject({
  keptId: z.string(),
  duplicateId: z.string(),
  /** `moving`: the run ran out of time; the `finish-merges` sweep finishes it (or POST again). */
  state: z.enum(['moving', 'done']),
  movedItems: z.int(),
  combinedItems: z.int(),
  repointedMarkers: z.int(),
  mergedAt: z.optional(z.string()),
});
