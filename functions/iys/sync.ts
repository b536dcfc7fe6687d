// Keeping the consent ledger and İYS in step, both ways.
// Out: each ledger entry that gives or withdraws commercial-message consent becomes ONE push item
// (keyed by the entry, written with a condition that it is new), due at once on a sparse due-time
// index. The push schedule leases each due push (a conditional write), sends it, and records the
// outcome: sent (off the index), refused by İYS (off the index, the reason kept, listed), or İYS
// unreachable (attempts + 1, due again later). A lease is what keeps two runs from sending one twice.
// In: the pull schedule reads İYS's change list after the last id it applied, withdraws the consent
// of each refusal in the ledger (so the gate refuses), records each change with its lag against the
// law's three working days, and moves the cursor (a conditional write on the id it read).

import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { type ConsentEntry, consentAddress, withdrawConsent } from '../../shared/consent.js';
import { normalizeEmail } from '../../shared/contact.js';
import { holdersOf, profileItem } from '../../shared/customer.js';
import { db, itemAbsent, putNew, tableName, transact } from '../../shared/db.js';
import { fromItem } from '../../shared/entity.js';
import { iysHealth, recordIysContact } from '../../shared/iys-health.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { byAssignee, byState, indexKeys, keys } from '../../shared/table.js';
import {
  addConsent,
  changesAfter,
  type IysChangeRecord,
  IysRefusedError,
  IysUnavailableError,
  iysSettings,
} from './client.js';
import {
  channelOf,
  fromIysDate,
  type IysRecipientType,
  isPushed,
  iysConsentOf,
  retryAt,
  syncLag,
} from './domain/iys.js';
import { iysKeys } from './keys.js';
import { iysMetricNames } from './metrics.js';

const QUEUE = 'iys-push';
/** How long a run holds a push it is sending; past it, another run may take it up. */
const LEASE_MS = 60_000;

export type PushState = 'pending' | 'sent' | 'refused';

export interface IysPush {
  customerId: string;
  channel: ConsentEntry['channel'];
  /** The ledger entry's sort key in the customer's partition. */
  entrySk: string;
  action: 'granted' | 'withdrawn';
  via: string;
  occurredAt: string;
  state: PushState;
  attempts: number;
  dueAt?: string;
  lastError?: string;
  transactionId?: string;
  sentAt?: string;
  /** Minutes from the consent in the CRM to İYS's acknowledgement. */
  lagMinutes?: number;
  /** İYS's error code and its own words (`detail`), as it answered. */
  refusal?: { code: string; detail: string };
}

/** What leaving the due queue removes from a push: its placement's attributes on the due-time index. */
const dueQueueAttributes = [indexKeys(byState).partitionKey, indexKeys(byState).sortKey];

/** Queues a push for each entry of the customer's ledger on `channel` that İYS has not been given yet. */
export const queuePushes = async (customerId: string, channel: ConsentEntry['channel'], now = clockNow()) => {
  const [entries, known] = await Promise.all([
    queryAll(
      {
        partition: keys.customerPartition(customerId),
        range: { prefix: keys.consentEntriesPrefix(channel) },
        order: 'oldest',
        consistent: true,
      },
      Number.POSITIVE_INFINITY,
    ),
    queryAll(
      { partition: iysKeys.pushPartition(customerId), range: { prefix: keys.consentEntriesPrefix(channel) } },
      Number.POSITIVE_INFINITY,
    ),
  ]);
  const pushed = new Set(known.map((item) => String(item.sk)));
  let queued = 0;
  for (const item of entries) {
    const entry = fromItem<ConsentEntry>(item);
    const entrySk = String(item.sk);
    if (!isPushed(entry) || pushed.has(entrySk)) continue;
    const dueAt = now.toISOString();
    const push: IysPush = {
      customerId,
      channel,
      entrySk,
      action: entry.action as IysPush['action'],
      via: entry.via,
      occurredAt: entry.occurredAt,
      state: 'pending',
      attempts: 0,
      dueAt,
    };
    const key = iysKeys.push(customerId, entrySk);
    const id = `${customerId}#${entrySk}`;
    // Written once: a redelivered event, or a second event of the same ledger, finds it there.
    if ((await transact([putNew({ ...key, ...keys.dueIn(QUEUE, dueAt, id), type: 'iys-push', ...push })])).ok) queued++;
  }
  return { queued };
};

const recipientTypeOf = async (customerId: string): Promise<IysRecipientType> =>
  (await profileItem(customerId))?.company ? 'TACIR' : 'BIREYSEL';

const lease = async (push: IysPush, now: Date) => {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: iysKeys.push(push.customerId, push.entrySk),
        UpdateExpression: 'SET leaseUntil = :until',
        ConditionExpression:
          '#state = :pending AND attempts = :attempts AND (attribute_not_exists(leaseUntil) OR leaseUntil < :now)',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':until': new Date(now.getTime() + LEASE_MS).toISOString(),
          ':pending': 'pending',
          ':attempts': push.attempts,
          ':now': now.toISOString(),
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

/** The outcome of one send, as a conditional update of the push it leased. */
const record = async (
  push: IysPush,
  set: Record<string, unknown>,
  remove: string[],
  extra: Record<string, string> = {},
) => {
  const names = Object.fromEntries(Object.keys(set).map((name, i) => [`#s${i}`, name]));
  const values = Object.fromEntries(Object.values(set).map((value, i) => [`:s${i}`, value]));
  const sets = Object.keys(set).map((_, i) => `#s${i} = :s${i}`);
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: iysKeys.push(push.customerId, push.entrySk),
      UpdateExpression: `SET ${sets.join(', ')} REMOVE ${['leaseUntil', ...remove].join(', ')}`,
      ConditionExpression: '#state = :pending AND attempts = :attempts',
      ExpressionAttributeNames: { ...names, '#state': 'state' },
      ExpressionAttributeValues: { ...values, ':pending': 'pending', ':attempts': push.attempts, ...extra },
    }),
  );
};

/** What a run learned of İYS: whether its last call was answered (a refusal is an answer). */
interface Contact {
  reachable?: boolean;
  error?: string;
}

/** Sends one due push, once: leased first, then sent, then its outcome recorded. */
const sendPush = async (
  push: IysPush,
  now: Date,
  contact: Contact,
): Promise<'sent' | 'refused' | 'retry' | 'skipped'> => {
  if (!(await lease(push, now))) return 'skipped';
  const settings = await iysSettings();
  const attempts = push.attempts + 1;
  const again = (error: string) => {
    const dueAt = retryAt(now, attempts);
    const id = `${push.customerId}#${push.entrySk}`;
    return record(push, { attempts, lastError: error, dueAt, ...keys.dueIn(QUEUE, dueAt, id) }, []);
  };
  if (!settings) {
    await again('İYS is not configured');
    return 'retry';
  }
  const entryItem = (
    await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: { pk: keys.customerPartition(push.customerId), sk: push.entrySk },
        ConsistentRead: true,
      }),
    )
  ).Item;
  if (!entryItem) {
    await record(
      push,
      { state: 'refused', attempts, refusal: { code: 'ledger-entry-gone', detail: '' } },
      dueQueueAttributes,
    );
    return 'refused';
  }
  const entry = fromItem<ConsentEntry>(entryItem);
  try {
    const consent = iysConsentOf(entry, await recipientTypeOf(push.customerId));
    const answer = await addConsent(settings, consent);
    contact.reachable = true;
    const sentAt = now.toISOString();
    await record(
      push,
      {
        state: 'sent',
        attempts,
        sentAt,
        transactionId: answer.transactionId,
        lagMinutes: Math.max(0, Math.round((now.getTime() - Date.parse(push.occurredAt)) / 60_000)),
      },
      [...dueQueueAttributes, 'dueAt', 'lastError'],
    );
    return 'sent';
  } catch (error) {
    if (error instanceof IysRefusedError) {
      contact.reachable = true;
      const listed = iysKeys.refusedPush(now.toISOString(), push.customerId, push.entrySk);
      await record(
        push,
        { state: 'refused', attempts, refusal: { code: error.code, detail: error.message }, ...listed },
        [...dueQueueAttributes, 'dueAt'],
      );
      return 'refused';
    }
    if (error instanceof IysUnavailableError) {
      Object.assign(contact, { reachable: false, error: error.message });
      await again(error.message);
      return 'retry';
    }
    throw error;
  }
};

/** The pushes due by `now` (oldest first), sent one after another; what is left waits for the next run. */
export const pushDue = async (now = clockNow(), limit = 200) => {
  const due = await queryAll(
    { index: byState, partition: keys.dueInPartitions(QUEUE), range: { to: now.toISOString() }, order: 'oldest' },
    limit,
  );
  const outcome = { due: due.length, sent: 0, refused: 0, retry: 0, skipped: 0 };
  const contact: Contact = {};
  for (const item of due) outcome[await sendPush(fromItem<IysPush>(item), now, contact)]++;
  // Nothing sent while İYS was last unreachable: one read of its change list says whether it is back, so
  // commercial sends waiting for it go within a minute, not at the next pull.
  if (contact.reachable === undefined && (await iysHealth())?.reachable === false) await probe(contact);
  if (contact.reachable !== undefined) await recordIysContact(contact.reachable, now, contact.error);
  return { ...outcome, ...(contact.reachable !== undefined ? { reachable: contact.reachable ? 1 : 0 } : {}) };
};

/** One read of İYS (the change list, one entry, nothing applied). */
const probe = async (contact: Contact) => {
  const settings = await iysSettings();
  if (!settings) return;
  try {
    await changesAfter(settings, (await readCursor())?.after ?? 0, 1);
    contact.reachable = true;
  } catch (error) {
    if (!(error instanceof IysUnavailableError)) throw error;
    Object.assign(contact, { reachable: false, error: error.message });
  }
};

// ---- in: the change list ---------------------------------------------------------------------------

export interface IysChange {
  changeId: string;
  /** İYS's type: MESAJ, ARAMA or EPOSTA. */
  iysType: string;
  status: string;
  /** When the person made the change at İYS, and when the CRM applied it. */
  changedAt: string;
  appliedAt: string;
  lagMinutes: number;
  withinDeadline: boolean;
  deadline: string;
  outcome: 'withdrawn' | 'already-withdrawn' | 'no-customer' | 'noted';
  customerIds: string[];
}

const readCursor = async () =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: iysKeys.pullCursor(), ConsistentRead: true }))).Item as
    | { after: number; pulledAt?: string }
    | undefined;

/** Withdraws a refusal made at İYS from every customer the address is theirs; an approval is only noted. */
const applyChange = async (change: IysChangeRecord, now: Date): Promise<Pick<IysChange, 'outcome' | 'customerIds'>> => {
  const channel = channelOf(change.type);
  if (!channel) return { outcome: 'noted', customerIds: [] };
  const holders = await holdersOf(
    channel === 'email' ? { emailKey: normalizeEmail(change.recipient) } : { phone: change.recipient },
  );
  const customerIds = [...new Set(holders.filter((h) => !h.contactId).map((h) => h.customerId))];
  if (!customerIds.length) return { outcome: 'no-customer', customerIds };
  // An approval at İYS restores nothing here: the CRM grants only with its own evidence.
  if (change.status !== 'RET') return { outcome: 'noted', customerIds };
  let withdrawn = false;
  for (const customerId of customerIds) {
    const topics = (
      await queryAll(
        { partition: keys.customerPartition(customerId), range: { prefix: keys.consentEntriesPrefix(channel) } },
        Number.POSITIVE_INFINITY,
      )
    )
      .map((item) => fromItem<ConsentEntry>(item))
      .filter((entry) => entry.address === consentAddress(channel, change.recipient))
      .map((entry) => entry.topic);
    const result = await withdrawConsent(
      { customerId, channel, address: change.recipient, topic: 'all', via: 'iys' },
      [...new Set(topics)],
      [],
      now,
    );
    withdrawn ||= result.withdrawn;
  }
  return { outcome: withdrawn ? 'withdrawn' : 'already-withdrawn', customerIds };
};

/** Pulls the changes made at İYS since the last one applied, applies each and moves the cursor. */
export const pullChanges = async (now = clockNow(), pages = 20, pageSize = 100) => {
  const settings = await iysSettings();
  if (!settings) return { pulled: 0, withdrawn: 0, configured: 0, reachable: 0 };
  const cursor = await readCursor();
  let after = cursor?.after ?? 0;
  let pulled = 0;
  let withdrawn = 0;
  for (let page = 0; page < pages; page++) {
    let list: IysChangeRecord[];
    try {
      ({ list } = await changesAfter(settings, after, pageSize));
    } catch (error) {
      if (!(error instanceof IysUnavailableError)) throw error;
      // Recorded, not thrown: commercial sends wait on it, and the next pull takes up from the cursor.
      await recordIysContact(false, now, error.message);
      return { pulled, withdrawn, configured: 1, reachable: 0 };
    }
    if (page === 0) await recordIysContact(true, now);
    if (!list.length) break;
    for (const change of list) {
      const applied = await applyChange(change, now);
      const changedAt = fromIysDate(change.creationDate ?? change.consentDate);
      const appliedAt = now.toISOString();
      const entry: IysChange = {
        changeId: String(change.id),
        iysType: change.type,
        status: change.status,
        changedAt,
        appliedAt,
        ...syncLag(changedAt, appliedAt),
        ...applied,
      };
      // Recorded once: a run that stopped after applying and before moving the cursor applies again
      // (a withdrawal is idempotent) and finds the record there.
      await transact([
        putNew({
          ...iysKeys.change(entry.changeId),
          ...iysKeys.changeList(appliedAt, entry.changeId),
          type: 'iys-change',
          ...entry,
        }),
      ]);
      if (applied.outcome === 'withdrawn') withdrawn++;
      pulled++;
    }
    const next = list.at(-1)!.id;
    const moved = await transact([
      {
        Put: {
          TableName: tableName(),
          Item: { ...iysKeys.pullCursor(), type: 'iys-pull', after: next, pulledAt: now.toISOString() },
          ConditionExpression: after === (cursor?.after ?? 0) && !cursor ? itemAbsent : '#after = :after',
          ...(cursor || after !== 0
            ? { ExpressionAttributeNames: { '#after': 'after' }, ExpressionAttributeValues: { ':after': after } }
            : {}),
        },
      },
    ]);
    // Another run moved it first: it applied the same changes; stop here.
    if (!moved.ok) break;
    after = next;
  }
  return { pulled, withdrawn, configured: 1, reachable: 1 };
};

// ---- reading the sync's state -----------------------------------------------------------------------

/** One customer's pushes, newest entry first. */
export const pushesOf = async (customerId: string) =>
  (await queryAll({ partition: iysKeys.pushPartition(customerId), order: 'newest', consistent: true }, 500)).map(
    (item) => {
      const { leaseUntil: _, ...push } = fromItem<IysPush & { leaseUntil?: string }>(item);
      return push;
    },
  );

/** The pushes waiting (at most 10,000 counted) and the oldest one's consent time and age in minutes. */
const waitingPushes = async (now: Date) => {
  const pending = await queryAll({ index: byState, partition: keys.dueInPartitions(QUEUE), order: 'oldest' }, 10_000);
  const oldest = pending.map((item) => String(item.occurredAt)).sort()[0];
  return {
    pending: pending.length,
    oldest,
    oldestMinutes: oldest ? Math.max(0, Math.round((now.getTime() - Date.parse(oldest)) / 60_000)) : 0,
  };
};

/** The figures a push run publishes (names in metrics.ts): the lag, the pushes waiting, the run's refusals. */
export const syncFigures = async (now: Date, refusedInRun: number) => {
  const waiting = await waitingPushes(now);
  return {
    [iysMetricNames.lag]: waiting.oldestMinutes,
    [iysMetricNames.waiting]: waiting.pending,
    [iysMetricNames.refused]: refusedInRun,
  };
};

/** What waits, what İYS refused, the last pull and the recent changes with their lag. */
export const syncStatus = async (now = clockNow()) => {
  const [waiting, refused, changes, cursor] = await Promise.all([
    waitingPushes(now),
    queryAll({ index: byAssignee, partition: iysKeys.refusedPushPartition(), order: 'newest' }, 100),
    queryPage({ index: byState, partition: iysKeys.changeListPartition(), order: 'newest', limit: 20 }),
    readCursor(),
  ]);
  const recent = changes.items.map((item) => fromItem<IysChange>(item));
  return {
    pushes: {
      pending: waiting.pending,
      ...(waiting.oldest ? { oldestPendingSince: waiting.oldest } : {}),
      oldestPendingMinutes: waiting.oldestMinutes,
      refused: refused.map((item) => {
        const push = fromItem<IysPush>(item);
        return {
          customerId: push.customerId,
          channel: push.channel,
          refusal: push.refusal ?? { code: '', detail: '' },
        };
      }),
    },
    pull: { after: cursor?.after ?? 0, ...(cursor?.pulledAt ? { pulledAt: cursor.pulledAt } : {}) },
    changes: recent,
    maxLagMinutes: Math.max(0, ...recent.map((c) => c.lagMinutes)),
    allWithinDeadline: recent.every((c) => c.withinDeadline),
  };
};
