// The events analytics publishes: the nightly A/B/C job, only when a customer's segment changes.
import { defineEvents, envelope, minor } from '../../events/event.js';
import * as z from '../../shared/schema.js';

export const events = defineEvents('crm.analytics', {
  CustomerSegmentChanged: z.object({
    ...envelope,
    customerId: z.string(),
    /** Absent the first time the customer gets a segment. */
    from: z.optional(z.enum(['A', 'B', 'C'])),
    to: z.enum(['A', 'B', 'C']),
    /** The last 12 months' revenue in TRY minor units the segment was computed from. */
    revenueTry: minor,
    /** The Istanbul date the job ran as of. */
    asOf: z.iso.date(),
  }),
});
