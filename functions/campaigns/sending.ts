// Sending a run. Recipients are materialised ONCE into send records (a conditional put each, so a
// repeated page writes nothing new), sharded by customer. Each shard has one worker chain: a
// CampaignBatchReady event whose handler sends one batch, paced to its share of the account's SES
// rate, then takes the chain's next turn and emits the next event in one transaction (a stale or
// duplicate event finds the turn taken and does nothing). Each recipient is claimed with one
// conditional write (pending → sending, with a lease) and settled with one more (sent, skipped or
// failed): a worker that dies leaves at most its in-flight claims, which another takes over once
// their lease lapses — nobody is mailed twice by two live workers, and nobody is missed. The one
// duplicate left is SES accepting a message and the worker dying before it writes `sent`.

import { PutCommand, QueryCommand, TransactWriteCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { db, itemAbsent, type TransactItem, tableName, transact } from '../../shared/db.js';
import { fromItem } from '../../shared/entity.js';
import { CommercialWaitError, inQuietHours } from '../../shared/gate.js';
import { waitingForIys } from '../../shared/iys-health.js';
import type { Language } from '../../shared/language.js';
import {
  type Mail,
  type MarketingScope,
  mailLogItems,
  type SendOutcome,
  sendMarketing,
  unsubscribeUrl,
} from '../../shared/mail.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { type CommercialSmsScope, commercialText, type Sms, sendCommercialSms, smsLength } from '../../shared/sms.js';
import { SHARDS, tableSchema } from '../../shared/table.js';
import {
  batchEvent,
  type CampaignRun,
  chainTurn,
  emptyTally,
  finishRunIfDone,
  getRun,
  getShards,
  type Tally,
} from './campaigns.js';
import { achievedRate, backoffMs, pacer, sendIntervalMs } from './domain/pacing.js';
import { renderCampaignMail, renderCampaignText, type TemplateVars } from './domain/template-render.js';
import { campaignsKeys } from './keys.js';
import { countInto } from './reports.js';
import { directoryPage, matchingItems } from './segments.js';
import { customerVars, ownerNames } from './templates.js';

export type RecordStatus = 'pending' | 'sending' | 'sent' | 'skipped' | 'failed';

/** What sending one recipient needs, and nothing more; it expires by TTL after the campaign. */
export interface SendRecord {
  customerId: string;
  email: string;
  /** A text campaign's number (E.164). */
  phone?: string;
  language: Language;
  vars: TemplateVars;
  status: RecordStatus;
  leaseUntil?: number;
  claim?: string;
  attempts?: number;
  sentAt?: string;
  messageId?: string;
  /** A sent text's segments. */
  textSegments?: number;
  reason?: string;
  expiresAt: number;
}

export type Sender = (mail: Mail, scope: MarketingScope) => Promise<SendOutcome>;
export type TextSender = (message: Sms, scope: CommercialSmsScope) => Promise<SendOutcome>;

export interface WorkOptions {
  /** The time leases are judged by (tests move it past a lease). */
  clock?: () => Date;
  send?: Sender;
  sendText?: TextSender;
  /** The account's SES rate (or, for a text campaign, SMS segments per second), shared by the shards. */
  ratePerSecond?: number;
  /** A batch stops taking recipients after this long, well inside the function's timeout. */
  budgetMs?: number;
  /** Customers read per materialising turn. */
  pageSize?: number;
}

const MATERIALISE_PAGE = 500;
/** Longer than one send takes, throttling retries included. */
export const LEASE_MS = 60_000;
const BATCH = 200;
const BATCH_BUDGET_MS = 40_000;
/** Sends in flight per worker: enough to hide SES latency at the paced rate. */
const CONCURRENCY = 4;
const MAX_ATTEMPTS = 5;
const CANCEL_CHECK_EVERY = 5;
const THROTTLE_RETRIES = 5;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

type RunRef = { campaignId: string; runId: string };

// ---- materialising -------------------------------------------------------------------------------

const recordPut = (run: CampaignRun, record: SendRecord) =>
  db()
    .send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...campaignsKeys.campaignRecipient(run.campaignId, run.runId, record.customerId),
          type: 'campaign-recipient',
          ...record,
        },
        ConditionExpression: itemAbsent,
      }),
    )
    .then(
      () => 1,
      (error: Error) => {
        if (error.name === 'ConditionalCheckFailedException') return 0;
        throw error;
      },
    );

const countShard = async (run: RunRef, shard: number) => {
  let count = 0;
  let start: Record<string, unknown> | undefined;
  do {
    const page = await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: '#pk = :pk',
        ExpressionAttributeNames: { '#pk': tableSchema.partitionKey },
        ExpressionAttributeValues: { ':pk': campaignsKeys.campaignRecipientShard(run.campaignId, run.runId, shard) },
        Select: 'COUNT',
        ConsistentRead: true,
        ExclusiveStartKey: start,
      }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
};

/**
 * One materialising turn: a page of the directory becomes send records; then the run moves on to
 * the next page, or — after the last — to sending, with each shard's recipients counted exactly.
 */
export const materialiseStep = async (ref: RunRef, chain: number, options: WorkOptions = {}) => {
  const now = (options.clock ?? (() => clockNow()))();
  const run = await getRun(ref.campaignId, ref.runId);
  if (run?.status !== 'materialising' || run.chain !== chain) return { acted: false, written: 0 };
  const page = await directoryPage(options.pageSize ?? MATERIALISE_PAGE, run.cursor);
  const owner = ownerNames();
  const matching = await matchingItems(run.filter, page.items);
  let written = 0;
  for (let i = 0; i < matching.length; i += 25) {
    const slice = matching.slice(i, i + 25);
    const records = await Promise.all(
      slice.map(async (item): Promise<SendRecord> => {
        const phone = run.channel === 'sms' && item.phone ? { phone: String(item.phone) } : {};
        // A text campaign's recipient without a mobile number is settled at once: nothing to claim.
        const unreachable = run.channel === 'sms' && !item.phone;
        return {
          customerId: String(item.customerId),
          email: String(item.email),
          ...phone,
          language: (item.language as Language | undefined) ?? run.language,
          vars: await customerVars(item, owner),
          status: unreachable ? 'skipped' : 'pending',
          ...(unreachable ? { reason: 'no-address' } : {}),
          expiresAt: run.recordsExpireAt,
        };
      }),
    );
    written += (await Promise.all(records.map((record) => recordPut(run, record)))).reduce((a, b) => a + b, 0);
  }
  const key = campaignsKeys.campaignRun(run.campaignId, run.runId);
  let writes: TransactItem[];
  if (page.next) {
    writes = [
      chainTurn(key, chain, now, {
        set: '#cursor = :cursor',
        add: 'recipients :written',
        names: { '#cursor': 'cursor' },
        values: { ':cursor': page.next, ':written': written },
      }),
      batchEvent(run, 'materialise', 0, chain + 1, now),
    ];
  } else {
    const counts = await Promise.all(Array.from({ length: SHARDS }, (_, shard) => countShard(run, shard)));
    writes = [
      chainTurn(key, chain, now, {
        set: '#status = :sending, recipients = :total',
        names: { '#status': 'status' },
        values: {
          ':sending': 'sending',
          ':total': counts.reduce((a, b) => a + b, 0),
          ':materialising': 'materialising',
        },
        condition: '#status = :materialising',
      }),
      ...counts.flatMap((recipients, shard): TransactItem[] => [
        {
          Update: {
            TableName: tableName(),
            Key: campaignsKeys.campaignRunShard(run.campaignId, run.runId, shard),
            UpdateExpression: 'SET recipients = :n, heartbeatAt = :now',
            ExpressionAttributeValues: { ':n': recipients, ':now': now.toISOString() },
          },
        },
        batchEvent(run, 'send', shard, 0, now),
      ]),
    ];
  }
  return { acted: (await transact(writes)).ok, written };
};

// ---- sending -------------------------------------------------------------------------------------

const claimable = async (run: RunRef, shard: number, now: Date) =>
  (
    await queryPage({
      partition: campaignsKeys.campaignRecipientShard(run.campaignId, run.runId, shard),
      order: 'oldest',
      limit: BATCH,
      consistent: true,
      filter: {
        expression: '#s = :pending OR (#s = :sending AND leaseUntil < :now)',
        names: { '#s': 'status' },
        values: { ':pending': 'pending', ':sending': 'sending', ':now': now.getTime() },
      },
    })
  ).items.map((item) => fromItem<SendRecord>(item));

/** Claims a recipient: one conditional write; undefined when another worker has it or it is settled. */
const claim = async (run: RunRef, record: SendRecord, now: Date) => {
  const token = `${now.getTime()}-${Math.random().toString(36).slice(2)}`;
  try {
    const updated = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: campaignsKeys.campaignRecipient(run.campaignId, run.runId, record.customerId),
        UpdateExpression: 'SET #s = :sending, leaseUntil = :lease, claim = :claim ADD attempts :one',
        ConditionExpression: '#s = :pending OR (#s = :sending AND leaseUntil < :now)',
        ExpressionAttributeNames: { '#s': 'status' },
        ExpressionAttributeValues: {
          ':sending': 'sending',
          ':pending': 'pending',
          ':lease': now.getTime() + LEASE_MS,
          ':claim': token,
          ':now': now.getTime(),
          ':one': 1,
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return fromItem<SendRecord>(updated.Attributes ?? {});
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return undefined;
    throw error;
  }
};

/** Settles a claimed recipient; only the claim's holder can. */
/** A claimed record's outcome, only while this worker still holds the claim. */
const settleItem = (run: RunRef, record: SendRecord, status: RecordStatus, fields: Record<string, unknown>) => ({
  TableName: tableName(),
  Key: campaignsKeys.campaignRecipient(run.campaignId, run.runId, record.customerId),
  UpdateExpression: `SET #s = :status${Object.keys(fields)
    .map((name) => `, ${name} = :${name}`)
    .join('')} REMOVE leaseUntil, claim`,
  ConditionExpression: 'claim = :claim',
  ExpressionAttributeNames: { '#s': 'status' },
  ExpressionAttributeValues: {
    ':status': status,
    ':claim': record.claim,
    ...Object.fromEntries(Object.entries(fields).map(([k, v]) => [`:${k}`, v])),
  },
});

const settle = (
  run: RunRef,
  record: SendRecord,
  status: RecordStatus,
  fields: Record<string, unknown>,
  also: TransactItem[] = [],
) =>
  also.length
    ? db().send(
        new TransactWriteCommand({ TransactItems: [{ Update: settleItem(run, record, status, fields) }, ...also] }),
      )
    : db().send(new UpdateCommand(settleItem(run, record, status, fields)));

const throttled = (error: unknown) =>
  error instanceof Error && /throttl|rate exceeded/i.test(`${error.name} ${error.message}`);

/** SES (and the SMS service) drop a throttled message: it is sent again after a growing, jittered wait. */
const sendWithBackoff = async (send: () => Promise<SendOutcome>) => {
  for (let attempt = 0; ; attempt++) {
    try {
      return await send();
    } catch (error) {
      if (!throttled(error) || attempt >= THROTTLE_RETRIES) throw error;
      await sleep(backoffMs(attempt, Math.random()));
    }
  }
};

/** A recipient's campaign text (before the refusal instruction) and the segments it goes as. */
const campaignText = (run: CampaignRun, record: SendRecord) => {
  const text = renderCampaignText(run.parts[record.language], { ...record.vars, offer: run.offer });
  return { text, segments: smsLength(commercialText(text, record.language)).segments };
};

/** What a send takes of the rate: a mail 1, a text its segments (none when too long to be sent). */
const rateUnits = (run: CampaignRun, record: SendRecord) => {
  if (run.channel !== 'sms') return 1;
  const { segments } = campaignText(run, record);
  return segments > config.smsMaxSegments() ? 0 : segments;
};

/** A text campaign's recipient: the template's text part, through the gate, once per record claim. */
const sendText = async (run: CampaignRun, claimed: SendRecord, send: TextSender) => {
  const { text, segments } = campaignText(run, claimed);
  // A name long enough to push the text past the limit: that recipient is skipped, not overcharged.
  if (segments > config.smsMaxSegments()) return { outcome: { status: 'skipped', reason: 'too-long' } as const };
  const scope = {
    customerId: claimed.customerId,
    topic: run.topic,
    language: claimed.language,
    campaignId: run.campaignId,
  };
  // The run and customer come back on the text's delivery events: its record's status is set by them.
  const context = { run: run.runId, customer: claimed.customerId };
  const outcome = await sendWithBackoff(() => send({ to: claimed.phone ?? '', text, context }, scope));
  return { outcome, segments };
};

const sendOne = async (run: CampaignRun, claimed: SendRecord, send: Sender, tally: Tally, text: TextSender) => {
  if ((claimed.attempts ?? 0) > MAX_ATTEMPTS) {
    await settle(run, claimed, 'failed', { reason: 'too-many-attempts' });
    tally.failed++;
    return;
  }
  if (run.channel === 'sms') {
    let sent: Awaited<ReturnType<typeof sendText>>;
    try {
      sent = await sendText(run, claimed, text);
    } catch (error) {
      // Quiet hours began, the service throttled past the retries, or it failed: back to pending for later.
      await settle(run, claimed, 'pending', {});
      throw error;
    }
    await settleOutcome(run, claimed, sent.outcome, tally, sent.segments ? { textSegments: sent.segments } : {});
    return;
  }
  const scope: MarketingScope = {
    customerId: claimed.customerId,
    channel: 'email',
    topic: run.topic,
    campaignId: run.campaignId,
  };
  const unsubscribe = await unsubscribeUrl(claimed.email, scope);
  const rendered = renderCampaignMail(
    claimed.language,
    run.parts[claimed.language],
    { ...claimed.vars, offer: run.offer },
    unsubscribe,
  );
  let outcome: SendOutcome;
  try {
    outcome = await sendWithBackoff(() =>
      send({ to: claimed.email, ...rendered, template: `campaign:${run.campaignId}` }, scope),
    );
  } catch (error) {
    const name = (error as Error).name;
    if (name === 'MessageRejected') {
      await settle(run, claimed, 'failed', { reason: name });
      tally.failed++;
      return;
    }
    // Transient: give the recipient back at once for this or another worker, and stop this batch.
    await settle(run, claimed, 'pending', {});
    throw error;
  }
  await settleOutcome(run, claimed, outcome, tally);
};

const settleOutcome = async (
  run: CampaignRun,
  claimed: SendRecord,
  outcome: SendOutcome | { status: 'skipped'; reason: string },
  tally: Tally,
  fields: Record<string, unknown> = {},
) => {
  if (outcome.status === 'sent') {
    // The mail (or text) goes on the customer's timeline, like every message the CRM sends them.
    const sentAt = outcome.log?.sentAt ?? clockNow().toISOString();
    const logged = outcome.log ? mailLogItems(outcome.log, outcome.messageId) : [];
    await settle(run, claimed, 'sent', { sentAt, messageId: outcome.messageId, ...fields }, logged);
    tally.sent++;
  } else {
    await settle(run, claimed, 'skipped', { reason: outcome.reason });
    tally.skipped++;
    tally.skippedBy[outcome.reason] = (tally.skippedBy[outcome.reason] ?? 0) + 1;
  }
};

const tallyAdds = (tally: Tally) => {
  const names: Record<string, string> = {};
  const values: Record<string, number> = { ':sent': tally.sent, ':failed': tally.failed, ':skipped': tally.skipped };
  const reasons = Object.entries(tally.skippedBy).map(([reason, n], i) => {
    names[`#r${i}`] = reason;
    values[`:r${i}`] = n;
    return `skippedBy.#r${i} :r${i}`;
  });
  return {
    add: ['sent :sent', 'failed :failed', 'skipped :skipped', ...reasons].join(', '),
    names: reasons.length ? names : undefined,
    values,
  };
};

/**
 * A shard with nothing left to send: its counters are recounted from the records (exact, whatever
 * crashed on the way) and added to the campaign's report in the one transaction that marks it done.
 */
export const completeShard = async (run: CampaignRun, shard: number, now: Date) => {
  const records = (
    await queryAll(
      {
        partition: campaignsKeys.campaignRecipientShard(run.campaignId, run.runId, shard),
        consistent: true,
        order: 'oldest',
      },
      Number.POSITIVE_INFINITY,
    )
  ).map((item) => fromItem<SendRecord>(item));
  if (records.some((r) => r.status === 'pending' || r.status === 'sending')) return false;
  const tally = emptyTally();
  const byHour = new Map<string, number>();
  for (const r of records) {
    if (r.status === 'sent') {
      tally.sent++;
      const hour = (r.sentAt ?? now.toISOString()).slice(0, 13);
      byHour.set(hour, (byHour.get(hour) ?? 0) + 1);
    } else if (r.status === 'failed') tally.failed++;
    else {
      tally.skipped++;
      tally.skippedBy[r.reason ?? 'unknown'] = (tally.skippedBy[r.reason ?? 'unknown'] ?? 0) + 1;
    }
  }
  const done = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: campaignsKeys.campaignRunShard(run.campaignId, run.runId, shard),
        UpdateExpression:
          'SET done = :yes, recipients = :recipients, sent = :sent, failed = :failed, skipped = :skipped, skippedBy = :by, heartbeatAt = :now',
        ConditionExpression: 'done = :no',
        ExpressionAttributeValues: {
          ':yes': true,
          ':no': false,
          ':recipients': records.length,
          ':sent': tally.sent,
          ':failed': tally.failed,
          ':skipped': tally.skipped,
          ':by': tally.skippedBy,
          ':now': now.toISOString(),
        },
      },
    },
    countInto(run.campaignId, 'recipients', records.length),
    countInto(run.campaignId, 'sent', tally.sent),
    countInto(run.campaignId, 'skipped', tally.skipped),
    countInto(run.campaignId, 'failed', tally.failed),
    // A transaction holds 100 items: a run's hours beyond 90 are counted in the totals only.
    ...[...byHour].slice(0, 90).map(([hour, n]) => countInto(run.campaignId, 'sent', n, hour)),
  ]);
  if (done.ok) await finishRunIfDone(run, now);
  return done.ok;
};

/**
 * One batch of one shard at the chain's turn `chain`. Returns what it did; a transient SES failure
 * throws (the event is retried) after giving its recipient back.
 */
export const sendStep = async (ref: RunRef & { shard: number }, chain: number, options: WorkOptions = {}) => {
  const clock = options.clock ?? (() => clockNow());
  const send = options.send ?? sendMarketing;
  const text = options.sendText ?? sendCommercialSms;
  const budget = options.budgetMs ?? BATCH_BUDGET_MS;
  const [run, shards] = await Promise.all([getRun(ref.campaignId, ref.runId), getShards(ref.campaignId, ref.runId)]);
  const shard = shards.find((s) => s.shard === ref.shard);
  if (run?.status !== 'sending' || !shard || shard.done || shard.chain !== chain) return { acted: false, sent: 0 };
  const rate = options.ratePerSecond ?? (run.channel === 'sms' ? config.smsMaxSendRate() : config.sesMaxSendRate());
  const interval = sendIntervalMs(rate, SHARDS);
  // No commercial text at night: the chain is left untaken, and the watch sweep offers it again (every
  // few minutes) until the quiet hours end.
  if (run.channel === 'sms' && inQuietHours(clock())) return { acted: false, sent: 0, waiting: true };
  // Nor any commercial message while İYS cannot be reached (a refusal made there may not be pulled yet):
  // offered again the same way until a contact with İYS succeeds.
  if (await waitingForIys()) return { acted: false, sent: 0, waiting: true };
  const batch = await claimable(run, ref.shard, clock());
  if (!batch.length) {
    await completeShard(run, ref.shard, clock());
    return { acted: true, sent: 0 };
  }
  const tally = emptyTally();
  const started = Date.now();
  const slot = pacer(started, interval);
  const inFlight = new Set<Promise<void>>();
  let failure: unknown;
  let index = 0;
  for (const record of batch) {
    if (failure !== undefined || Date.now() - started > budget) break;
    // Cancel stops a run at the worker's next look, every few recipients: a read, not a write per claim.
    if (
      index > 0 &&
      index % CANCEL_CHECK_EVERY === 0 &&
      (await getRun(run.campaignId, run.runId))?.status !== 'sending'
    )
      break;
    const wait = slot(rateUnits(run, record)) - Date.now();
    if (wait > 0) await sleep(wait);
    index++;
    const claimed = await claim(run, record, clock());
    if (!claimed) continue;
    const task: Promise<void> = sendOne(run, claimed, send, tally, text)
      .catch((error: unknown) => {
        failure ??= error;
      })
      .finally(() => inFlight.delete(task));
    inFlight.add(task);
    if (inFlight.size >= CONCURRENCY) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);
  const { add, names, values } = tallyAdds(tally);
  // The counters and the next turn in one write: a duplicate worker's turn fails and adds nothing.
  const next = await transact([
    chainTurn(campaignsKeys.campaignRunShard(run.campaignId, run.runId, ref.shard), chain, clock(), {
      add,
      names,
      values,
    }),
    batchEvent(run, 'send', ref.shard, chain + 1, clock()),
  ]);
  // İYS became unreachable mid-batch: that recipient is pending again, and the run waits as above.
  if (failure instanceof CommercialWaitError) return { acted: next.ok, sent: tally.sent, waiting: true };
  if (failure !== undefined) throw failure;
  return { acted: next.ok, sent: tally.sent };
};

/** What a CampaignBatchReady event asks for. */
export const workOnBatch = (
  detail: RunRef & { phase: 'materialise' | 'send'; shard: number; chain: number },
  options: WorkOptions = {},
) =>
  detail.phase === 'materialise'
    ? materialiseStep(detail, detail.chain, options)
    : sendStep(detail, detail.chain, options);

// ---- progress ------------------------------------------------------------------------------------

/** Why a sending run is not sending now: a text campaign in the quiet hours, or İYS unreachable. */
const waitingFor = async (run: CampaignRun, now: Date): Promise<{ waitingFor?: 'quiet-hours' | 'iys' }> => {
  if (run.channel === 'sms' && inQuietHours(now)) return { waitingFor: 'quiet-hours' };
  return (await waitingForIys()) ? { waitingFor: 'iys' } : {};
};

export const runProgress = async (ref: RunRef, now = clockNow()) => {
  const [run, shards] = await Promise.all([getRun(ref.campaignId, ref.runId), getShards(ref.campaignId, ref.runId)]);
  if (!run) return undefined;
  const sum = (pick: (s: (typeof shards)[number]) => number) => shards.reduce((total, s) => total + pick(s), 0);
  const skippedBy: Record<string, number> = {};
  for (const s of shards)
    for (const [reason, n] of Object.entries(s.skippedBy ?? {})) skippedBy[reason] = (skippedBy[reason] ?? 0) + n;
  const sent = sum((s) => s.sent);
  const failed = sum((s) => s.failed);
  const skipped = sum((s) => s.skipped);
  const recipients = run.status === 'materialising' ? run.recipients : sum((s) => s.recipients);
  const end = run.finishedAt ? Date.parse(run.finishedAt) : now.getTime();
  return {
    runId: run.runId,
    status: run.status,
    startedAt: run.startedAt,
    ...(run.finishedAt ? { finishedAt: run.finishedAt } : {}),
    recipients,
    sent,
    skipped,
    skippedBy,
    failed,
    remaining: Math.max(0, recipients - sent - skipped - failed),
    ...(run.status === 'sending' ? await waitingFor(run, now) : {}),
    ratePerSecond: Math.round(achievedRate(sent, end - Date.parse(run.startedAt)) * 100) / 100,
    configuredRate: run.channel === 'sms' ? config.smsMaxSendRate() : config.sesMaxSendRate(),
  };
};
