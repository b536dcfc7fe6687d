// Campaign reports from the STATS counters in each campaign's partition: this module adds
// recipients, sent, skipped and failed as runs finish; SES events (delivered, bounced, complained,
// opened, clicked, unsubscribed) are counted into the same items by the subscriptions part.
import { queryAll } from '../../shared/query.js';
import { byState, keys } from '../../shared/table.js';
import { campaignFunnel, type Funnel, reputation, type StatCounter } from './domain/report.js';

const RECENT_MS = 30 * 24 * 3600 * 1000;
/** The account's reputation reads at most this many of the newest campaigns. */
const RECENT_CAMPAIGNS = 100;

export const campaignCounters = async (campaignId: string): Promise<StatCounter[]> =>
  (await queryAll({ partition: keys.campaignPartition(campaignId), range: { prefix: keys.campaignStatsPrefix() }, consistent: true })).map((item) => {
    const [, eventType = '', , hour] = String(item.sk).split('#');
    return { eventType, hour, count: Number(item.count ?? 0) };
  });

export const campaignReport = async (campaignId: string) => campaignFunnel(await campaignCounters(campaignId));

/**
 * Bounce and complaint rates over the campaigns that ran in the last 30 days, against SES's review
 * thresholds: at or above either, no campaign may start.
 */
export const accountReputation = async (now = new Date()) => {
  const recent = (await queryAll({ index: byState, partition: keys.campaignListPartition() }, RECENT_CAMPAIGNS)).filter(
    (item) => typeof item.updatedAt === 'string' && now.getTime() - Date.parse(item.updatedAt) <= RECENT_MS && Number(item.runCount ?? 0) > 0,
  );
  const totals = { sent: 0, bounced: 0, complained: 0 };
  for (const item of recent) {
    const { funnel } = await campaignReport(String(item.campaignId));
    totals.sent += funnel.sent;
    totals.bounced += funnel.bounced;
    totals.complained += funnel.complained;
  }
  return reputation(totals);
};

const add = (into: Funnel, from: Funnel) => {
  for (const key of Object.keys(into) as (keyof Funnel)[]) into[key] += from[key];
};

/** Funnels summed per segment and per template over the given campaigns. */
export const reportsByGroup = async (list: { campaignId: string; segmentId: string; templateId: string }[]) => {
  const bySegment = new Map<string, Funnel>();
  const byTemplate = new Map<string, Funnel>();
  for (const campaign of list) {
    const { funnel } = await campaignReport(campaign.campaignId);
    for (const [map, id] of [
      [bySegment, campaign.segmentId],
      [byTemplate, campaign.templateId],
    ] as const) {
      const sum = map.get(id) ?? campaignFunnel([]).funnel;
      add(sum, funnel);
      map.set(id, sum);
    }
  }
  return { bySegment, byTemplate };
};
