// Call lists: a segment's customers for agents to call, each entry assigned to an agent in turn.
// A commercial list passes the gate when it is made (phone consent for the customer's number,
// suppression, the cross-channel frequency cap) and waits out the quiet hours when an agent takes
// the next call. An entry moves open → claimed → done by conditional writes only, so two agents
// racing for one entry never both call it; a call's outcome is logged on the customer's timeline as
// a call activity.
import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { customers, getCustomer } from '../../shared/customer.js';
import { db, itemExists, tableName, transact } from '../../shared/db.js';
import { inQuietHours, marketingGate, quietHoursEnd } from '../../shared/gate.js';
import type { Actor } from '../../shared/http.js';
import { noRecord } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { byState, type ItemType, keys } from '../../shared/table.js';
import { type CallOutcome, callOutcomes, logActivity } from '../activities/public.js';
import { getSegment, segmentMembers } from '../campaigns/public.js';
import { callListsKeys } from './keys.js';

/** A call's outcomes are the timeline's: what the agent records is what the call activity logs. */
export const entryOutcomes = callOutcomes;
export type EntryOutcome = CallOutcome;
/** Outcomes after which the customer is called again later (the entry goes back to the list). */
const retried: readonly EntryOutcome[] = ['no-answer', 'busy'];
/** How many attempts an entry gets before a no-answer closes it. */
export const MAX_ATTEMPTS = 3;
/** The most customers one list holds: a day's work for a team, not a campaign's audience. */
export const MAX_ENTRIES = 2000;

export interface CallList {
  listId: string;
  name: string;
  segmentId: string;
  purpose: 'commercial' | 'transactional';
  topic: string;
  script: string;
  agentIds: string[];
  skipped: Record<string, number>;
  /** Entries made, and those not yet done: the list is `done` when none remain. */
  total: number;
  remaining: number;
  createdBy: string;
  createdAt: string;
}

/** Open while an entry is left to call, done when every entry is. */
export const callListStatuses = ['open', 'done'] as const;
export type CallListStatus = (typeof callListStatuses)[number];
export const statusOf = (list: CallList): CallListStatus => (list.remaining > 0 ? 'open' : 'done');

export interface CallEntry {
  listId: string;
  customerId: string;
  name: string;
  phone: string;
  agentId: string;
  state: 'open' | 'claimed' | 'done';
  attempts: number;
  claimedBy?: string;
  outcome?: EntryOutcome;
  activityId?: string;
  updatedAt: string;
}

const listRecord = { en: 'The call list', tr: 'Arama listesi' };

const strip = <T>(item: Record<string, unknown> | undefined) => {
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, gsi2pk: _l1, gsi2sk: _l2, ...rest } = item;
  return rest as T;
};

export interface NewCallList {
  name: string;
  segmentId: string;
  purpose: CallList['purpose'];
  topic?: string;
  script: string;
  agentIds: string[];
}

/** Why a customer is not on a commercial list, or undefined when they are. */
const refusal = async (list: CallList, customerId: string, phone: string | undefined, now: Date) => {
  if (!phone) return 'no-phone';
  if (list.purpose !== 'commercial') return undefined;
  // made at night, the list is judged as at the end of the quiet hours: calls wait, they are not dropped
  const at = quietHoursEnd(now);
  return await marketingGate(
    { customerId, channel: 'phone', address: phone, topic: list.topic, campaignId: list.listId },
    at,
  );
};

export const createCallList = async (input: NewCallList, by: string) => {
  const segment = await getSegment(input.segmentId);
  if (!segment)
    throw new ProblemError(
      422,
      'call-list-invalid',
      { en: 'There is no such segment.', tr: 'Böyle bir segment yok.' },
      [{ path: 'segmentId', message: { en: 'No such segment.', tr: 'Böyle bir segment yok.' } }],
    );
  const now = clockNow();
  const list: CallList = {
    listId: newId(),
    name: input.name,
    segmentId: input.segmentId,
    purpose: input.purpose,
    topic: input.topic ?? 'all',
    script: input.script,
    agentIds: [...new Set(input.agentIds)],
    skipped: {},
    total: 0,
    remaining: 0,
    createdBy: by,
    createdAt: now.toISOString(),
  };
  let turn = 0;
  for await (const customerId of segmentMembers(segment.filter, 500, true)) {
    if (turn >= MAX_ENTRIES) break;
    const customer = await getCustomer(customerId);
    if (!customer) continue;
    const why = await refusal(list, customerId, customer.phone, now);
    if (why) {
      list.skipped[why] = (list.skipped[why] ?? 0) + 1;
      continue;
    }
    const entry: CallEntry = {
      listId: list.listId,
      customerId,
      name: customer.name,
      phone: customer.phone!,
      agentId: list.agentIds[turn % list.agentIds.length]!,
      state: 'open',
      attempts: 0,
      updatedAt: list.createdAt,
    };
    turn++;
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...callListsKeys.callEntry(list.listId, customerId), type: 'call-entry' satisfies ItemType, ...entry },
        ConditionExpression: 'attribute_not_exists(pk)',
      }),
    );
  }
  list.total = turn;
  list.remaining = turn;
  await db().send(
    new PutCommand({
      TableName: tableName(),
      // the list and its place in the list of lists: one conditional write, so listed once
      Item: {
        ...callListsKeys.callList(list.listId),
        ...callListsKeys.callListList(list.createdAt, list.listId),
        type: 'call-list' satisfies ItemType,
        ...list,
      },
      ConditionExpression: 'attribute_not_exists(pk)',
    }),
  );
  return { ...list, status: statusOf(list) };
};

/** Lists newest first, a page at a time, only those `open` or `done` when a status is given. */
export const listCallLists = async (query: { status?: CallListStatus; limit: number; cursor?: string }) => {
  const filters = {
    open: 'remaining > :none',
    done: 'remaining = :none',
  } satisfies Record<CallListStatus, string>;
  const page = await queryPage({
    index: byState,
    partition: callListsKeys.callListListPartition(),
    limit: query.limit,
    cursor: query.cursor,
    ...(query.status ? { filter: { expression: filters[query.status], values: { ':none': 0 } } } : {}),
  });
  return {
    items: page.items.map((item) => {
      const list = strip<CallList>(item)!;
      return { ...list, status: statusOf(list) };
    }),
    next: page.next,
  };
};

export const listOr404 = async (listId: string) => {
  const list = strip<CallList>(
    (
      await db().send(
        new GetCommand({ TableName: tableName(), Key: callListsKeys.callList(listId), ConsistentRead: true }),
      )
    ).Item,
  );
  if (!list) throw new NotFoundError(listRecord);
  return list;
};

export const entriesOf = async (listId: string) =>
  (
    await queryAll(
      {
        partition: callListsKeys.callListPartition(listId),
        range: { prefix: callListsKeys.entryPrefix() },
        order: 'oldest',
        consistent: true,
      },
      MAX_ENTRIES,
    )
  ).map((item) => strip<CallEntry>(item)!);

/** The list's progress: entries by state, outcomes counted, per agent. */
export const progressOf = async (list: CallList) => {
  const entries = await entriesOf(list.listId);
  const count = (values: string[]) => {
    const counts: Record<string, number> = {};
    for (const v of values) counts[v] = (counts[v] ?? 0) + 1;
    return counts;
  };
  return {
    ...list,
    status: statusOf(list),
    total: entries.length,
    states: { open: 0, claimed: 0, done: 0, ...count(entries.map((e) => e.state)) },
    outcomes: count(entries.filter((e) => e.state === 'done' && e.outcome).map((e) => e.outcome!)),
    agents: list.agentIds.map((agentId) => {
      const mine = entries.filter((e) => e.agentId === agentId);
      return { agentId, total: mine.length, done: mine.filter((e) => e.state === 'done').length };
    }),
  };
};

const taken = () =>
  new ConflictError('call-entry-taken', {
    en: 'Another agent took this call meanwhile.',
    tr: 'Bu aramayı başka bir temsilci bu arada aldı.',
  });

/** Claims an open entry for the agent: one conditional write, so of two racing agents one wins. */
export const claimEntry = async (listId: string, customerId: string, agentId: string) => {
  try {
    const { Attributes } = await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: callListsKeys.callEntry(listId, customerId),
        UpdateExpression: 'SET #state = :claimed, claimedBy = :agent, updatedAt = :at',
        ConditionExpression: '#state = :open',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':claimed': 'claimed',
          ':open': 'open',
          ':agent': agentId,
          ':at': clockNow().toISOString(),
        },
        ReturnValues: 'ALL_NEW',
      }),
    );
    return strip<CallEntry>(Attributes)!;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw taken();
    throw error;
  }
};

/**
 * The agent's next call: the first open entry assigned to them, else one assigned to a colleague
 * (helping out); a commercial list gives none in the quiet hours. Undefined when the list is worked.
 */
export const nextCall = async (listId: string, agentId: string) => {
  const list = await listOr404(listId);
  if (list.purpose === 'commercial' && inQuietHours(clockNow()))
    throw new ConflictError('call-list-quiet-hours', {
      en: 'Commercial calls wait for the end of the quiet hours.',
      tr: 'Ticari aramalar sessiz saatlerin bitmesini bekler.',
    });
  const open = (await entriesOf(listId)).filter((e) => e.state === 'open');
  const ordered = [...open.filter((e) => e.agentId === agentId), ...open.filter((e) => e.agentId !== agentId)];
  for (const entry of ordered) {
    try {
      return { list, entry: await claimEntry(listId, entry.customerId, agentId) };
    } catch (error) {
      if (!(error instanceof ConflictError)) throw error;
    }
  }
  return { list, entry: undefined };
};

export interface CallResult {
  outcome: EntryOutcome;
  startedAt: string;
  endedAt: string;
  callbackAt?: string;
  notes?: string;
}

/**
 * Records the call the agent claimed: the entry moves on (back to the list for a retry, or done) only
 * from claimed-by-this-agent, then the call is logged on the customer's timeline.
 */
export const recordOutcome = async (actor: Actor, listId: string, customerId: string, result: CallResult) => {
  const entryKey = callListsKeys.callEntry(listId, customerId);
  const before = strip<CallEntry>(
    (await db().send(new GetCommand({ TableName: tableName(), Key: entryKey, ConsistentRead: true }))).Item,
  );
  if (!before) throw new NotFoundError({ en: 'The call list entry', tr: 'Arama listesi kaydı' });
  const again = retried.includes(result.outcome) && before.attempts + 1 < MAX_ATTEMPTS;
  const moved = await transact([
    {
      Update: {
        TableName: tableName(),
        Key: entryKey,
        UpdateExpression: 'SET #state = :next, outcome = :outcome, updatedAt = :at ADD attempts :one',
        ConditionExpression: '#state = :claimed AND claimedBy = :agent',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':next': again ? 'open' : 'done',
          ':outcome': result.outcome,
          ':at': clockNow().toISOString(),
          ':one': 1,
          ':claimed': 'claimed',
          ':agent': actor.userId,
        },
      },
    },
    // an entry done is one fewer left on the list, counted in the move itself: once
    ...(again
      ? []
      : [
          {
            Update: {
              TableName: tableName(),
              Key: callListsKeys.callList(listId),
              UpdateExpression: 'ADD remaining :less',
              ConditionExpression: itemExists,
              ExpressionAttributeValues: { ':less': -1 },
            },
          },
        ]),
  ]);
  if (!moved.ok) throw taken();
  const customer = (await customers.get(keys.customer(customerId))) as Record<string, unknown> | undefined;
  if (!customer) throw new NotFoundError({ en: 'The customer', tr: 'Müşteri' });
  const { activity } = await logActivity(
    actor,
    customer,
    { kind: 'call', direction: 'out', agentId: actor.userId, ...result },
    noRecord,
  );
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: entryKey,
      UpdateExpression: 'SET activityId = :id',
      ExpressionAttributeValues: { ':id': activity.activityId },
    }),
  );
  return { ...before, state: again ? 'open' : 'done', outcome: result.outcome, activityId: activity.activityId };
};
