// The keys of opportunities in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: CUSTOMER#<id> OPPORTUNITY#<id> (history beside it) and OPPORTUNITY_FROM_LEAD#<leadId>
// (the lead it came from, once). Indexes: gsi1 OWNER#<id>#OPPORTUNITIES, gsi2 PIPELINE#<stage>#<shard>
// by expected close date, gsi3 OPPORTUNITY#<id>.
import { allShards, type Key, sharded, timeOrdered } from '../../shared/table.js';

export const opportunitiesKeys = {
  opportunity: (customerId: string, opportunityId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `OPPORTUNITY#${opportunityId}`,
  }),
  opportunitiesPrefix: () => 'OPPORTUNITY#',
  opportunityById: (opportunityId: string) => ({ gsi3pk: `OPPORTUNITY#${opportunityId}`, gsi3sk: 'OPPORTUNITY' }),
  /** An owner's opportunities, newest first: one person's list, written at their pace, unsharded. */
  opportunitiesByOwner: (ownerId: string, createdAt: string, opportunityId: string) => ({
    gsi1pk: `OWNER#${ownerId}#OPPORTUNITIES`,
    gsi1sk: timeOrdered(createdAt, opportunityId),
  }),
  opportunitiesByOwnerPartition: (ownerId: string) => `OWNER#${ownerId}#OPPORTUNITIES`,
  /** The pipeline: every opportunity by stage, by expected close date (sharded: every lead converting lands here). */
  opportunitiesByStage: (stage: string, expectedCloseDate: string, opportunityId: string) => ({
    gsi2pk: sharded(`PIPELINE#${stage}`, opportunityId),
    gsi2sk: timeOrdered(expectedCloseDate, opportunityId),
  }),
  opportunitiesByStagePartitions: (stage: string) => allShards(`PIPELINE#${stage}`),
  /** Which opportunity a converted lead became: put only if absent, so a lead becomes one opportunity. */
  opportunityFromLead: (customerId: string, leadId: string): Key => ({
    pk: `CUSTOMER#${customerId}`,
    sk: `OPPORTUNITY_FROM_LEAD#${leadId}`,
  }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    opportunity: true;
    'opportunity-source': true;
  }
}
