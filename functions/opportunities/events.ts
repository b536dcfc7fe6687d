// The events opportunities publish: ids, stages, amounts and probabilities; never the name.
import { defineEvents, envelope, minor } from '../../events/event.js';
import * as z from '../../shared/schema.js';

const opportunityRef = { opportunityId: z.string(), customerId: z.string() };
const opportunityStage = z.enum(['prospecting', 'needs-analysis', 'proposal', 'negotiation', 'won', 'lost']);

export const events = defineEvents('crm.opportunities', {
  OpportunityOpened: z.object({
    ...envelope,
    ...opportunityRef,
    ownerId: z.string(),
    stage: opportunityStage,
    amount: minor,
    currency: z.string(),
    /** The lead it was converted from, when it was. */
    leadId: z.optional(z.string()),
  }),
  OpportunityStageChanged: z.object({
    ...envelope,
    ...opportunityRef,
    ownerId: z.string(),
    from: opportunityStage,
    to: opportunityStage,
    amount: minor,
    currency: z.string(),
    probability: z.int().check(z.gte(0), z.lte(100)),
    actorId: z.string(),
    via: z.enum(['api', 'event']),
    /** The accepted quote (or its order) that won it. */
    quoteId: z.optional(z.string()),
  }),
});
