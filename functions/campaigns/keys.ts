// The keys of segments, templates, campaigns and their runs, counts and recipients in the one table (its shape and the platform's keys: shared/table.ts).
// Partitions: SEGMENT#, TEMPLATE#, CAMPAIGN#<id> (the campaign, its runs and run shards, STATS#<eventType>
// SES event counts, UNSUBSCRIBED#<customerId>, recipients); SES_EVENT#<eventId> (counted-once marker, TTL).
import { type Key, sharded, timeOrdered } from '../../shared/table.js';

export const campaignsKeys = {
  // SEGMENT#<id> / TEMPLATE#<id> / CAMPAIGN#<id> hold one item each, listed newest first through gsi2
  // (SEGMENTS, TEMPLATES, CAMPAIGNS: written at the pace marketers work, unsharded). The campaign's
  // partition also holds its runs (RUN#<runId>), each run's shard progress (RUN#<runId>#SHARD#<n>) and
  // the report counters (STATS#<eventType>, STATS#<eventType>#H#<yyyy-mm-ddThh>). A run's recipients are
  // send records in CAMPAIGN#<id>#RUN#<runId>#R#<shard>, one per customer, expiring by TTL.
  segment: (segmentId: string): Key => ({ pk: `SEGMENT#${segmentId}`, sk: 'SEGMENT' }),
  segmentList: (createdAt: string, segmentId: string) => ({
    gsi2pk: 'SEGMENTS',
    gsi2sk: timeOrdered(createdAt, segmentId),
  }),
  segmentListPartition: () => 'SEGMENTS',
  campaignTemplate: (templateId: string): Key => ({ pk: `TEMPLATE#${templateId}`, sk: 'TEMPLATE' }),
  campaignTemplateList: (createdAt: string, templateId: string) => ({
    gsi2pk: 'TEMPLATES',
    gsi2sk: timeOrdered(createdAt, templateId),
  }),
  campaignTemplateListPartition: () => 'TEMPLATES',
  campaign: (campaignId: string): Key => ({ pk: `CAMPAIGN#${campaignId}`, sk: 'CAMPAIGN' }),
  campaignPartition: (campaignId: string) => `CAMPAIGN#${campaignId}`,
  campaignList: (createdAt: string, campaignId: string) => ({
    gsi2pk: 'CAMPAIGNS',
    gsi2sk: timeOrdered(createdAt, campaignId),
  }),
  campaignListPartition: () => 'CAMPAIGNS',
  /** The account's campaign reputation gate: an admin's lift, with its audit history beside it. */
  reputationGate: (): Key => ({ pk: 'REPUTATION_GATE', sk: 'CURRENT' }),
  campaignRun: (campaignId: string, runId: string): Key => ({ pk: `CAMPAIGN#${campaignId}`, sk: `RUN#${runId}` }),
  campaignRunShard: (campaignId: string, runId: string, shard: number): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `RUN#${runId}#SHARD#${shard}`,
  }),
  campaignRunShardsPrefix: (runId: string) => `RUN#${runId}#SHARD#`,
  /** A counter the reports read: `sent`, `delivered`, `bounced`…, optionally for one hour (`2026-11-30T09`). */
  campaignStats: (campaignId: string, eventType: string, hour?: string): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: hour ? `STATS#${eventType}#H#${hour}` : `STATS#${eventType}`,
  }),
  campaignStatsPrefix: () => 'STATS#',
  /** A recipient's send record: sharded by customer, so no partition takes a whole campaign's writes. */
  campaignRecipient: (campaignId: string, runId: string, customerId: string): Key => ({
    pk: sharded(`CAMPAIGN#${campaignId}#RUN#${runId}#R`, customerId),
    sk: customerId,
  }),
  campaignRecipientShard: (campaignId: string, runId: string, shard: number) =>
    `CAMPAIGN#${campaignId}#RUN#${runId}#R#${shard}`,
  /** One SES sending event counted into a campaign's stats: a marker, so a redelivery counts nothing. */
  sesEventMarker: (eventId: string, eventType: string): Key => ({ pk: `SES_EVENT#${eventId}`, sk: eventType }),
  /** A customer counted once as unsubscribed by the campaign whose mail carried the link. */
  campaignUnsubscribe: (campaignId: string, customerId: string): Key => ({
    pk: `CAMPAIGN#${campaignId}`,
    sk: `UNSUBSCRIBED#${customerId}`,
  }),
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    segment: true;
    'campaign-template': true;
    campaign: true;
    'campaign-run': true;
    'campaign-run-shard': true;
    'campaign-stats': true;
    'reputation-gate': true;
    'campaign-recipient': true;
    'ses-event-marker': true;
    'campaign-unsubscribe': true;
  }
}
