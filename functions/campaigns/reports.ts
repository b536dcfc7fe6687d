// Campaign reports from the STATS counters in each campaign's partition. One writer and one reader
// serve every counter: finished run shards add recipients, sent, skipped and failed; SES events
// (delivered, bounced, complained, opened, clicked) and unsubscribe links add theirs, each in the
// transaction whose guard makes it count once.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditActor, auditItem, auditTrail } from '../../shared/audit.js';
import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { db, itemAbsent, type TransactItem, tableName, transact } from '../../shared/db.js';
import { fromItem } from '../../shared/entity.js';
import { ConflictError } from '../../shared/problems.js';
import { queryAll } from '../../shared/query.js';
import { byState, type ItemType } from '../../shared/table.js';
import { campaignFunnel, type Funnel, type GateLift, reputation, type StatCounter } from './domain/report.js';
import type { CampaignStat } from './domain/ses-events.js';
import { campaignsKeys } from './keys.js';

export type StatName = keyof Funnel | CampaignStat;

/** Adds `n` to a campaign's counter (of one hour, `2026-11-30T09`, when given), as part of a transaction. */
export const countInto = (campaignId: string, stat: StatName, n = 1, hour?: string): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: campaignsKeys.campaignStats(campaignId, stat, hour),
    UpdateExpression: `SET #type = :type, campaignId = :campaign, stat = :stat${hour ? ', #hour = :hour' : ''} ADD #count :n`,
    ExpressionAttributeNames: { '#type': 'type', '#count': 'count', ...(hour ? { '#hour': 'hour' } : {}) },
    ExpressionAttributeValues: {
      ':type': 'campaign-stats' satisfies ItemType,
      ':campaign': campaignId,
      ':stat': stat,
      ':n': n,
      ...(hour ? { ':hour': hour } : {}),
    },
  },
});

const RECENT_MS = 30 * 24 * 3600 * 1000;
/** The account's reputation reads at most this many of the newest campaigns. */
const RECENT_CAMPAIGNS = 100;

/** Every counter of a campaign, totals and hours. */
export const campaignCounters = async (campaignId: string): Promise<StatCounter[]> =>
  (
    await queryAll(
      {
        partition: campaignsKeys.campaignPartition(campaignId),
        range: { prefix: campaignsKeys.campaignStatsPrefix() },
        order: 'oldest',
        consistent: true,
      },
      Number.POSITIVE_INFINITY,
    )
  ).map((item) => ({
    stat: String(item.stat),
    ...(typeof item.hour === 'string' ? { hour: item.hour } : {}),
    count: Number(item.count ?? 0),
  }));

/** The named totals of a campaign, zero where nothing was counted. */
export const campaignTotals = async <S extends StatName>(campaignId: string, stats: readonly S[]) => {
  const counts = Object.fromEntries(stats.map((stat) => [stat, 0])) as Record<S, number>;
  for (const { stat, hour, count } of await campaignCounters(campaignId)) {
    if (hour === undefined && stat in counts) counts[stat as S] = count;
  }
  return counts;
};

export const campaignReport = async (campaignId: string) => campaignFunnel(await campaignCounters(campaignId));

/**
 * Bounce and complaint rates over the campaigns that ran in the last 30 days, against SES's review
 * thresholds: at or above either, no campaign may start.
 */
export const accountReputation = async (now = clockNow()) => {
  const recent = (
    await queryAll({ index: byState, partition: campaignsKeys.campaignListPartition() }, RECENT_CAMPAIGNS)
  ).filter(
    (item) =>
      typeof item.updatedAt === 'string' &&
      now.getTime() - Date.parse(item.updatedAt) <= RECENT_MS &&
      Number(item.runCount ?? 0) > 0,
  );
  const totals = { sent: 0, bounced: 0, complained: 0 };
  for (const item of recent) {
    const { funnel } = await campaignReport(String(item.campaignId));
    totals.sent += funnel.sent;
    totals.bounced += funnel.bounced;
    totals.complained += funnel.complained;
  }
  const gate = await readGate();
  return { ...reputation(totals, config.reputationMinimumSends(), gate?.lift), seq: gate?.seq ?? 0 };
};

// ---- lifting the gate -----------------------------------------------------------------------------

interface GateItem {
  seq: number;
  lift?: GateLift;
}

const readGate = async () => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: campaignsKeys.reputationGate(), ConsistentRead: true }),
  );
  return found.Item ? fromItem<GateItem>(found.Item) : undefined;
};

/** The gate's changes, newest first: each lift with who and why, from the audit items beside it. */
export const gateHistory = () => auditTrail(campaignsKeys.reputationGate());

/**
 * An admin opens a paused gate, with a reason kept in the audit trail. Only a paused gate can be
 * lifted: lifting one that is not paused (already lifted, open, or still learning) is a 409, and so is
 * a lift that lost a race with another (the write is conditional on the gate's seq as read).
 */
export const liftGate = async (by: AuditActor, reason: string, now = clockNow()) => {
  const health = await accountReputation(now);
  if (!health.paused) {
    throw new ConflictError('reputation-gate-not-paused', {
      en: `The gate is not paused (${health.gate.state}): there is nothing to lift.`,
      tr: `Kapı durdurulmuş değil (${health.gate.state}): kaldırılacak bir şey yok.`,
    });
  }
  const at = now.toISOString();
  const lift: GateLift = {
    at,
    by: by.actorId,
    reason,
    baseline: { sent: health.sent, bounced: health.bounced, complained: health.complained },
  };
  const saved = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: {
          ...campaignsKeys.reputationGate(),
          type: 'reputation-gate' satisfies ItemType,
          seq: health.seq + 1,
          lift,
        },
        ...(health.seq === 0
          ? { ConditionExpression: itemAbsent }
          : {
              ConditionExpression: '#seq = :seq',
              ExpressionAttributeNames: { '#seq': 'seq' },
              ExpressionAttributeValues: { ':seq': health.seq },
            }),
      },
    },
    auditItem(campaignsKeys.reputationGate(), by, 'lifted', reason, at),
  ]);
  if (!saved.ok) {
    throw new ConflictError('reputation-gate-changed', {
      en: 'The gate was changed meanwhile (lifted by someone else?); read it again.',
      tr: 'Kapı bu arada değişti (başkası mı kaldırdı?); yeniden okuyun.',
    });
  }
  return accountReputation(now);
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
