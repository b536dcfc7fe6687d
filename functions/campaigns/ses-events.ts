// SES sending events → suppression and campaign stats. A hard bounce or a complaint suppresses the
// address for every later mail, transactional too (shared/suppression.ts); each event counts once
// into its campaign's stats: a marker keyed by the event's id and type is written in the same
// transaction as the increment, so a redelivery or a replay within the marker's life counts nothing.
import { putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { queryAll } from '../../shared/query.js';
import { suppress } from '../../shared/suppression.js';
import { type ItemType, keys } from '../../shared/table.js';
import { DAY_MS } from '../../shared/time.js';
import type { CampaignStat, SesEventFacts } from './domain/ses-events.js';

/** Longer than EventBridge's 24 h of redelivery; an archive replay of older events would count them again. */
const MARKER_TTL_MS = 30 * DAY_MS;

/** One more in a campaign's counter, to write in the transaction whose guard makes it count once. */
export const countInto = (campaignId: string, stat: CampaignStat): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: keys.campaignStats(campaignId, stat),
    UpdateExpression: 'SET #type = :type, campaignId = :campaign, stat = :stat ADD #count :one',
    ExpressionAttributeNames: { '#type': 'type', '#count': 'count' },
    ExpressionAttributeValues: { ':type': 'campaign-stats' satisfies ItemType, ':campaign': campaignId, ':stat': stat, ':one': 1 },
  },
});

export const recordSesEvent = async (facts: SesEventFacts, now = new Date()) => {
  for (const { address, reason } of facts.suppress) await suppress(address, reason, now);
  if (!facts.campaignId || !facts.stat) return { counted: false, suppressed: facts.suppress.length };
  const counted = await transact([
    putNew({
      ...keys.sesEventMarker(facts.eventId, facts.eventType),
      type: 'ses-event-marker' satisfies ItemType,
      campaignId: facts.campaignId,
      expiresAt: Math.floor((now.getTime() + MARKER_TTL_MS) / 1000),
    }),
    countInto(facts.campaignId, facts.stat),
  ]);
  return { counted: counted.ok, suppressed: facts.suppress.length };
};

/** A campaign's counters, zero where nothing was counted. */
export const readCampaignStats = async (campaignId: string, stats: readonly CampaignStat[]) => {
  const items = await queryAll(
    { partition: keys.campaignPartition(campaignId), range: { prefix: keys.campaignStatsPrefix() }, order: 'oldest', consistent: true },
    Number.POSITIVE_INFINITY,
  );
  const counts = Object.fromEntries(stats.map((stat) => [stat, 0])) as Record<CampaignStat, number>;
  for (const item of items) {
    const stat = item.stat as CampaignStat;
    if (stat in counts) counts[stat] = Number(item.count ?? 0);
  }
  return counts;
};

