// The events campaigns publish: ids and counters only.
import { defineEvents, envelope } from '../../events/event.js';
import * as z from '../../shared/schema.js';

export const events = defineEvents('crm.campaigns', {
  /**
   * A campaign run has work for a worker: `materialise` the recipients, or `send` one shard's next
   * batch. `chain` is the shard's (or the run's) turn: a worker acts only on the current one, so one
   * chain of events works each shard and a stale or duplicate event does nothing.
   */
  CampaignBatchReady: z.object({
    ...envelope,
    campaignId: z.string(),
    runId: z.string(),
    phase: z.enum(['materialise', 'send']),
    shard: z.int().check(z.gte(0)),
    chain: z.int().check(z.gte(0)),
  }),
  CampaignRunFinished: z.object({
    ...envelope,
    campaignId: z.string(),
    runId: z.string(),
    status: z.enum(['done', 'cancelled']),
  }),
});
