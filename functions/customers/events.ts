// The events the customer record publishes: which fields changed, never their values; merges by ids
// and counts only.
import { defineEvents, envelope, nonNegativeInt, positiveInt } from '../../events/event.js';
import * as z from '../../shared/schema.js';

export const events = defineEvents('crm.customers', {
  CustomerCreated: z.object({ ...envelope, customerId: z.string(), ownerId: z.string(), actorId: z.string() }),
  CustomerProfileChanged: z.object({
    ...envelope,
    customerId: z.string(),
    seq: positiveInt,
    fields: z.array(z.string()),
    actorId: z.string(),
  }),
  /** The duplicate's partition is now the kept customer's; the old id forwards to the kept one. */
  CustomersMerged: z.object({
    ...envelope,
    keptId: z.string(),
    duplicateId: z.string(),
    movedItems: nonNegativeInt,
    combinedItems: nonNegativeInt,
    repointedMarkers: nonNegativeInt,
  }),
});
