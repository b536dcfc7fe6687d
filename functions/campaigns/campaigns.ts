// Campaigns: segment + template + topic + schedule, moved along their lifecycle with history. One
// fixed schedule (every minute) sweeps two due-time queues: `campaign-run` (a campaign whose next
// run is due: its run starts, and a recurring campaign's following run is queued in the same
// transaction) and `campaign-watch` (a run in progress whose worker chain may have stalled).

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { advance, defineEntity, fromItem, type HistoryEntry, type Movable, refuseStale } from '../../shared/entity.js';
import { newId } from '../../shared/ids.js';
import { type Language, languages } from '../../shared/language.js';
import { changedReload, records } from '../../shared/messages.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, NotFoundError, ProblemError, ValidationError } from '../../shared/problems.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { commercialText } from '../../shared/sms.js';
import { byState, keys, SHARDS } from '../../shared/table.js';
import { defineDueQueue, sweep } from '../../shared/work-queue.js';
import { refuseLongSms } from '../channels/public.js';
import { catalogue } from '../event-table.js';
import { type CampaignStatus, campaignLifecycle } from './domain/campaign-lifecycle.js';
import { type CampaignSchedule, cronProblem, isRecurring, nextRunAfter } from './domain/campaign-schedule.js';
import type { SegmentFilter } from './domain/segment-filter.js';
import { renderCampaignText, smsSample, type TemplateParts } from './domain/template-render.js';
import { campaignsKeys } from './keys.js';
import { accountReputation } from './reports.js';
import { segmentForCampaign } from './segments.js';
import { templateForCampaign } from './templates.js';

export interface Campaign extends Movable {
  campaignId: string;
  name: string;
  segmentId: string;
  templateId: string;
  /** The subscription topic: consent and unsubscribing are per topic. */
  topic: string;
  /** For recipients whose language is not known. */
  language: Language;
  schedule: CampaignSchedule;
  /** The `offer.*` template variables. */
  offer: Record<string, string>;
  /** How it reaches people: e-mail (absent on older campaigns), or texts from the template's text part. */
  channel?: CampaignChannel;
  status: CampaignStatus;
  nextRunAt?: string;
  currentRunId?: string;
  runCount: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export type RunStatus = 'materialising' | 'sending' | 'done' | 'cancelled';

/** One run of a campaign, with what it sends frozen at its start: later edits do not reach it. */
export interface CampaignRun {
  campaignId: string;
  runId: string;
  status: RunStatus;
  startedAt: string;
  finishedAt?: string;
  filter: SegmentFilter;
  parts: TemplateParts;
  topic: string;
  language: Language;
  offer: Record<string, string>;
  channel: CampaignChannel;
  /** Where materialising stands in the customer directory; absent before the first page. */
  cursor?: string;
  /** The materialising chain's turn (see CampaignBatchReady). */
  chain: number;
  heartbeatAt: string;
  recipients: number;
  /** When the send records expire (epoch seconds). */
  recordsExpireAt: number;
}

/** What a shard's recipients came to: counted per batch while sending, recounted when the shard is done. */
export interface Tally {
  sent: number;
  failed: number;
  skipped: number;
  skippedBy: Record<string, number>;
}

export const emptyTally = (): Tally => ({ sent: 0, failed: 0, skipped: 0, skippedBy: {} });

/** One shard of a run: its worker chain's turn and its counters. */
export interface RunShard extends Tally {
  campaignId: string;
  runId: string;
  shard: number;
  chain: number;
  heartbeatAt: string;
  done: boolean;
  recipients: number;
}

export const campaigns = defineEntity<Campaign>({
  type: 'campaign',
  key: (c) => campaignsKeys.campaign(c.campaignId),
  indexes: (c) => campaignsKeys.campaignList(c.createdAt, c.campaignId),
});

export const runQueue = defineDueQueue<{ campaignId: string }>('campaign-run');
export const watchQueue = defineDueQueue<{ campaignId: string; runId: string }>('campaign-watch');

/** A chain that has not moved for this long is taken over by the watch sweep. */
export const STALL_MS = 2 * 60 * 1000;
/** Send records outlive the campaign run by this long, then TTL removes them. */
const RECORD_RETENTION_SECONDS = 30 * 24 * 3600;

export const getCampaign = (campaignId: string) => campaigns.get(campaignsKeys.campaign(campaignId));

export const campaignOr404 = async (campaignId: string) => {
  const found = await getCampaign(campaignId);
  if (!found) throw new NotFoundError(records.campaign);
  return found;
};

const refuseStaleCampaign = (campaign: Campaign, seq?: number) => {
  refuseStale(campaign, seq, 'campaign-changed', records.campaign);
};

const moved = async (
  before: Campaign,
  after: Campaign,
  effects: Parameters<typeof campaigns.moveItems>[2],
  also: TransactItem[] = [],
) => {
  const result = await transact([...campaigns.moveItems(before, after, effects), ...also]);
  if (!result.ok) throw new ConflictError('campaign-changed', changedReload(records.campaign));
  return after;
};

export type CampaignInput = Pick<Campaign, 'name' | 'segmentId' | 'templateId' | 'topic' | 'language' | 'schedule'> & {
  offer?: Record<string, string>;
  channel?: CampaignChannel;
};

export type CampaignChannel = 'email' | 'sms';

/** A text campaign's template: each language's text part within the segment limit, as sent with the sample. */
const refuseLongTexts = (parts: TemplateParts, offer: Record<string, string> = {}) => {
  for (const language of languages)
    refuseLongSms(commercialText(renderCampaignText(parts[language], { ...smsSample, offer }), language), 'templateId');
};

/**
 * A cron schedule is checked here, not in the request schema: the schemas are imported by the
 * authorizer (every route's scopes), which should not carry the cron parser into every cold start.
 */
const refuseBadCron = (schedule: CampaignSchedule | undefined) => {
  const problem = schedule && 'cron' in schedule ? cronProblem(schedule.cron) : undefined;
  if (!problem) return;
  throw new ValidationError([
    {
      path: 'schedule.cron',
      message: {
        en: `Not a cron expression (minute hour day-of-month month day-of-week): ${problem}`,
        tr: `Cron ifadesi değil (dakika saat ayın-günü ay haftanın-günü): ${problem}`,
      },
    },
  ]);
};

export const createCampaign = async (input: CampaignInput, by: string, now = clockNow()) => {
  refuseBadCron(input.schedule);
  const [, template] = await Promise.all([segmentForCampaign(input.segmentId), templateForCampaign(input.templateId)]);
  if (input.channel === 'sms') refuseLongTexts(template.parts, input.offer);
  const at = now.toISOString();
  const campaign: Campaign = {
    ...input,
    offer: input.offer ?? {},
    campaignId: newId(),
    status: 'draft',
    seq: 1,
    runCount: 0,
    createdBy: by,
    createdAt: at,
    updatedAt: at,
  };
  await transact(campaigns.createItems(campaign));
  return campaign;
};

export const editCampaign = async (before: Campaign, changes: Partial<CampaignInput>, by: string, seq?: number) => {
  refuseStaleCampaign(before, seq);
  if (before.status !== 'draft') {
    throw new ConflictError('illegal-transition', {
      en: `A ${before.status} campaign cannot be edited; only a draft can.`,
      tr: `"${campaignLifecycle.tr.states[before.status]}" durumundaki kampanya düzenlenemez; yalnızca taslak düzenlenebilir.`,
    });
  }
  refuseBadCron(changes.schedule);
  if (changes.segmentId) await segmentForCampaign(changes.segmentId);
  if (changes.templateId) {
    const template = await templateForCampaign(changes.templateId);
    if (before.channel === 'sms') refuseLongTexts(template.parts, changes.offer ?? before.offer);
  }
  const after = advance(before, { ...changes, updatedAt: clockNow().toISOString() });
  return moved(before, after, { history: { actorId: by, action: 'edit', via: 'api' } });
};

/** Draft → scheduled, refused while the account's reputation pauses sending. */
export const scheduleCampaign = async (before: Campaign, by: string, seq?: number, now = clockNow()) => {
  refuseStaleCampaign(before, seq);
  const status = campaignLifecycle.apply(before.status, 'schedule');
  const health = await accountReputation(now);
  if (health.paused) {
    throw new ConflictError('sending-paused-reputation', {
      en: `${health.gate.reason.en} Clean the list before scheduling.`,
      tr: `${health.gate.reason.tr} Zamanlamadan önce listeyi temizleyin.`,
    });
  }
  const next = nextRunAfter(before.schedule, now);
  if (!next) {
    throw new ProblemError(
      422,
      'schedule-in-past',
      { en: 'The campaign would never run: its time has passed.', tr: 'Kampanya hiç çalışmayacak: zamanı geçti.' },
      [{ path: 'schedule.at', message: { en: 'In the past.', tr: 'Geçmişte.' } }],
    );
  }
  const nextRunAt = next.toISOString();
  const after = advance(before, { status, nextRunAt, updatedAt: now.toISOString() });
  return moved(before, after, {
    history: { actorId: by, action: 'schedule', via: 'api', note: `next run ${nextRunAt}` },
    enqueue: [runQueue.at(before.campaignId, nextRunAt, { campaignId: before.campaignId })],
  });
};

const read = async <T>(key: { pk: string; sk: string }) => {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
  return found.Item ? fromItem<T>(found.Item) : undefined;
};

export const getRun = (campaignId: string, runId: string) =>
  read<CampaignRun>(campaignsKeys.campaignRun(campaignId, runId));

export const getShards = async (campaignId: string, runId: string) =>
  (
    await queryAll({
      partition: campaignsKeys.campaignPartition(campaignId),
      range: { prefix: campaignsKeys.campaignRunShardsPrefix(runId) },
      consistent: true,
    })
  )
    .map((item) => fromItem<RunShard>(item))
    .sort((a, b) => a.shard - b.shard);

export const listCampaigns = async (limit: number, cursor?: string) => {
  const page = await queryPage({ index: byState, partition: campaignsKeys.campaignListPartition(), limit, cursor });
  return { items: page.items.map((item) => campaigns.read(item)), next: page.next };
};

/** Campaigns created in [from, to], for the reports. */
export const campaignsCreatedBetween = async (from: string, to: string) =>
  (
    await queryAll(
      { index: byState, partition: campaignsKeys.campaignListPartition(), range: { from, to }, order: 'oldest' },
      5000,
    )
  ).map((item) => campaigns.read(item));

export const campaignHistory = async (campaign: Campaign) =>
  (
    await queryAll({
      partition: campaignsKeys.campaignPartition(campaign.campaignId),
      range: { prefix: keys.historyPrefix(campaigns.key(campaign)) },
      order: 'oldest',
    })
  ).map((item) => fromItem<HistoryEntry & { at: string; from: string; to: string }>(item));

/** A batch event for a run's materialising (shard 0) or one shard's sending, at the chain's turn. */
export const batchEvent = (
  run: { campaignId: string; runId: string },
  phase: 'materialise' | 'send',
  shard: number,
  chain: number,
  now: Date,
) =>
  outboxPut(catalogue.CampaignBatchReady, { campaignId: run.campaignId, runId: run.runId, phase, shard, chain }, now);

/** Takes a chain's turn: the update holds only while the chain is still at `chain`. */
export const chainTurn = (
  key: { pk: string; sk: string },
  chain: number,
  now: Date,
  extra?: {
    set?: string;
    add?: string;
    names?: Record<string, string>;
    values?: Record<string, unknown>;
    condition?: string;
  },
): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: key,
    UpdateExpression: [
      `SET chain = :next, heartbeatAt = :now${extra?.set ? `, ${extra.set}` : ''}`,
      extra?.add ? `ADD ${extra.add}` : '',
    ]
      .join(' ')
      .trim(),
    ConditionExpression: `chain = :chain${extra?.condition ? ` AND ${extra.condition}` : ''}`,
    ExpressionAttributeNames: extra?.names,
    ExpressionAttributeValues: { ':chain': chain, ':next': chain + 1, ':now': now.toISOString(), ...extra?.values },
  },
});

// ---- starting runs ------------------------------------------------------------------------------

const SWEEP_BATCH = 25;
const sweeper = (action: string, note?: string): HistoryEntry => ({ actorId: 'system', action, via: 'sweep', note });
/** While the account's reputation pauses sending, a due run is looked at again this much later. */
const PAUSE_RETRY_MS = 60 * 60 * 1000;

const startRunItems = async (campaign: Campaign, now: Date): Promise<TransactItem[]> => {
  const [segment, template] = await Promise.all([
    segmentForCampaign(campaign.segmentId),
    templateForCampaign(campaign.templateId),
  ]);
  const runId = newId();
  const at = now.toISOString();
  const following = isRecurring(campaign.schedule) ? nextRunAfter(campaign.schedule, now)?.toISOString() : undefined;
  const after = advance(campaign, {
    status: campaignLifecycle.apply(campaign.status, 'start'),
    currentRunId: runId,
    runCount: campaign.runCount + 1,
    nextRunAt: following,
    updatedAt: at,
  });
  const run: CampaignRun = {
    campaignId: campaign.campaignId,
    runId,
    status: 'materialising',
    startedAt: at,
    filter: segment.filter,
    parts: template.parts,
    topic: campaign.topic,
    language: campaign.language,
    offer: campaign.offer,
    channel: campaign.channel ?? 'email',
    chain: 0,
    heartbeatAt: at,
    recipients: 0,
    recordsExpireAt: Math.floor(now.getTime() / 1000) + RECORD_RETENTION_SECONDS,
  };
  const shards = Array.from(
    { length: SHARDS },
    (_, shard): RunShard => ({
      campaignId: campaign.campaignId,
      runId,
      shard,
      chain: 0,
      heartbeatAt: at,
      done: false,
      recipients: 0,
      ...emptyTally(),
    }),
  );
  const watchAt = new Date(now.getTime() + STALL_MS).toISOString();
  return [
    ...campaigns.moveItems(campaign, after, {
      history: sweeper('start', `run ${runId}`),
      enqueue: [
        ...(following ? [runQueue.at(campaign.campaignId, following, { campaignId: campaign.campaignId })] : []),
        watchQueue.at(campaign.campaignId, watchAt, { campaignId: campaign.campaignId, runId }),
      ],
      dequeue: following ? [] : [runQueue.name],
    }),
    putNew({ ...runKey(run), type: 'campaign-run', ...run }),
    ...shards.map((shard) =>
      putNew({
        ...campaignsKeys.campaignRunShard(campaign.campaignId, runId, shard.shard),
        type: 'campaign-run-shard',
        ...shard,
      }),
    ),
    batchEvent(run, 'materialise', 0, 0, now),
  ];
};

const runKey = (r: { campaignId: string; runId: string }) => campaignsKeys.campaignRun(r.campaignId, r.runId);

/** The minute sweep: starts the runs that are due, and takes over chains that stalled. */
export const sweepCampaigns = async (now = clockNow()) => {
  const health = await accountReputation(now);
  const started = await sweep(runQueue, now, SWEEP_BATCH, async ({ data }) => {
    const campaign = await getCampaign(data.campaignId);
    if (!campaign || (campaign.status !== 'scheduled' && campaign.status !== 'sending')) return 'drop';
    const later = (at: Date | undefined) =>
      at
        ? {
            writes: [
              campaigns.unchangedCheck(campaign),
              {
                Put: {
                  TableName: tableName(),
                  Item: runQueue.at(campaign.campaignId, at.toISOString(), data).item(campaigns.key(campaign)),
                },
              },
            ],
          }
        : ('drop' as const);
    // The last run is still sending: this occurrence is skipped, the next one queued.
    if (campaign.status === 'sending') return later(nextRunAfter(campaign.schedule, now));
    if (health.paused) return later(new Date(now.getTime() + PAUSE_RETRY_MS));
    return { writes: await startRunItems(campaign, now) };
  });
  const watched = await sweep(watchQueue, now, SWEEP_BATCH, async ({ data }) => {
    const [campaign, run] = await Promise.all([getCampaign(data.campaignId), getRun(data.campaignId, data.runId)]);
    if (!campaign || !run || run.status === 'done' || run.status === 'cancelled') return 'drop';
    const stale = (heartbeatAt: string) => now.getTime() - Date.parse(heartbeatAt) >= STALL_MS;
    const again = watchQueue
      .at(campaign.campaignId, new Date(now.getTime() + STALL_MS).toISOString(), data)
      .item(campaigns.key(campaign));
    const writes: TransactItem[] = [{ Put: { TableName: tableName(), Item: again } }];
    if (run.status === 'materialising' && stale(run.heartbeatAt)) {
      writes.push(chainTurn(runKey(run), run.chain, now), batchEvent(run, 'materialise', 0, run.chain + 1, now));
    }
    if (run.status === 'sending') {
      const shards = await getShards(run.campaignId, run.runId);
      if (shards.every((s) => s.done)) {
        await finishRunIfDone(run, now);
        return 'drop';
      }
      for (const shard of shards.filter((s) => !s.done && stale(s.heartbeatAt))) {
        writes.push(
          chainTurn(campaignsKeys.campaignRunShard(run.campaignId, run.runId, shard.shard), shard.chain, now),
          batchEvent(run, 'send', shard.shard, shard.chain + 1, now),
        );
      }
    }
    return { writes };
  });
  return { due: started.due, started: started.acted, watched: watched.acted };
};

// ---- ending runs ---------------------------------------------------------------------------------

const endRunItem = (run: CampaignRun, status: 'done' | 'cancelled', now: Date): TransactItem => ({
  Update: {
    TableName: tableName(),
    Key: runKey(run),
    UpdateExpression: 'SET #status = :to, finishedAt = :now',
    ConditionExpression: '#status IN (:materialising, :sending)',
    ExpressionAttributeNames: { '#status': 'status' },
    ExpressionAttributeValues: {
      ':to': status,
      ':now': now.toISOString(),
      ':materialising': 'materialising',
      ':sending': 'sending',
    },
  },
});

/** Once every shard is done: the run ends, and the campaign is sent (or, recurring, scheduled again). */
export const finishRunIfDone = async (run: CampaignRun, now = clockNow()) => {
  const shards = await getShards(run.campaignId, run.runId);
  if (!shards.every((s) => s.done)) return false;
  const campaign = await getCampaign(run.campaignId);
  if (campaign?.status !== 'sending' || campaign.currentRunId !== run.runId) return false;
  const action = campaign.nextRunAt ? 'rearm' : 'finish';
  const after = advance(campaign, {
    status: campaignLifecycle.apply(campaign.status, action),
    updatedAt: now.toISOString(),
  });
  const result = await transact([
    ...campaigns.moveItems(campaign, after, {
      history: sweeper(action, `run ${run.runId}`),
      dequeue: [watchQueue.name],
    }),
    endRunItem(run, 'done', now),
    outboxPut(catalogue.CampaignRunFinished, { campaignId: run.campaignId, runId: run.runId, status: 'done' }, now),
  ]);
  return result.ok;
};

/** Cancels a campaign; a run in progress stops at its workers' next look at the run. */
export const cancelCampaign = async (before: Campaign, by: string, seq?: number, now = clockNow()) => {
  refuseStaleCampaign(before, seq);
  const after = advance(before, {
    status: campaignLifecycle.apply(before.status, 'cancel'),
    nextRunAt: undefined,
    updatedAt: now.toISOString(),
  });
  const run = before.currentRunId ? await getRun(before.campaignId, before.currentRunId) : undefined;
  const live = run && (run.status === 'materialising' || run.status === 'sending');
  return moved(
    before,
    after,
    { history: { actorId: by, action: 'cancel', via: 'api' }, dequeue: [runQueue.name, watchQueue.name] },
    live
      ? [
          endRunItem(run, 'cancelled', now),
          outboxPut(
            catalogue.CampaignRunFinished,
            { campaignId: run.campaignId, runId: run.runId, status: 'cancelled' },
            now,
          ),
        ]
      : [],
  );
};
