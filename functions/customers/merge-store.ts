// Merge data in the one table. The merge's own record is the duplicate's forwarding record at
// `CUSTOMER#<dup> PROFILE` (type `customer-forward`: `mergedInto`, `mergeState` moving → done, the
// marker keys to re-point while moving, running counts), with its place in the `customer-merge`
// due-time queue beside it until it is done. Every write here is guarded so that two runs of one
// merge (a retried POST, the sweep) can overlap and still move each item exactly once.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { holderClaimItem, holderKey, holderReleaseItem } from '../../shared/customer.js';
import { db, getMany, itemAbsent, itemExists, type TransactItem, tableName, transact } from '../../shared/db.js';
import type { Recorder } from '../../shared/idempotency.js';
import { outboxPut } from '../../shared/outbox.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { type Key, keys, tableKeyOf } from '../../shared/table.js';
import { defineDueQueue } from '../../shared/work-queue.js';
import { catalogue } from '../event-table.js';
import { combineItems, heldDetailsOf, planBatches, rewriteItem } from './domain/merge.js';

type Item = Record<string, unknown>;

/** Unfinished merges, due when their first run should long be over: the sweep finishes them. */
export const mergeQueue = defineDueQueue<{ keptId: string }>('customer-merge');
export const MERGE_LEASE_MS = 5 * 60 * 1000;

export interface Forward {
  customerId: string;
  mergedInto: string;
  mergeState: 'moving' | 'done';
  actorId: string;
  startedAt: string;
  mergedAt?: string;
  /** The contact markers to re-point; dropped once done (they name addresses). */
  markerKeys?: Key[];
  movedItems: number;
  combinedItems: number;
  repointedMarkers: number;
}

/**
 * What other writers set on a profile (lead capture's touch, `ownershipItem`): found on the
 * forwarding record, they say a write aimed at the duplicate landed during the merge. They are folded
 * into the kept profile, and the merge is not done while any is there.
 */
const STRAY_ATTRIBUTES = ['updatedAt', 'lastLeadAt', 'leadCount', 'ownerIds', 'teamIds'] as const;

const forwardKey = (duplicateId: string) => keys.customer(duplicateId);
const placementKey = (duplicateId: string) => keys.queueItem(forwardKey(duplicateId), mergeQueue.name);

/** The profile item as stored (owner sets included), or a forwarding record; consistent. */
export const readProfileItem = async (customerId: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.customer(customerId), ConsistentRead: true })))
    .Item;

export const isForward = (item: Item | undefined) => item?.type === 'customer-forward';

/** Every item of the duplicate's partition, for the markers its details name (before anything moves). */
export const readPartition = (customerId: string) =>
  queryAll({ partition: keys.customerPartition(customerId), consistent: true }, Number.POSITIVE_INFINITY);

const same = (name: string, value: unknown) => ({
  condition: `#${name} = :${name}`,
  names: { [`#${name}`]: name },
  values: { [`:${name}`]: value },
});

/**
 * The merge begins, all or nothing: the kept profile takes the duplicate's (kept values win, gaps
 * filled, owners united, counters summed), the duplicate's profile becomes the forwarding record in
 * state `moving` (out of the customer directory), and the sweep's placement is written. Both
 * profiles must still be live and as read.
 */
export const startMerge = async (kept: Item, duplicate: Item, markerKeys: Key[], actorId: string, now: Date) => {
  const at = now.toISOString();
  const keptId = String(kept.customerId);
  const duplicateId = String(duplicate.customerId);
  const absorbed = (item: Item) => (item.absorbedIds as string[] | undefined) ?? [];
  const absorbedIds = [...new Set([...absorbed(kept), ...absorbed(duplicate), duplicateId])].sort();
  const profile = { ...combineItems(kept, duplicate), absorbedIds, updatedAt: at };
  const forward: Forward = {
    customerId: duplicateId,
    mergedInto: keptId,
    mergeState: 'moving',
    actorId,
    startedAt: at,
    markerKeys,
    movedItems: 0,
    combinedItems: 0,
    repointedMarkers: 0,
  };
  const live = (item: Item): Omit<NonNullable<TransactItem['Put']>, 'Item' | 'TableName'> => ({
    ConditionExpression: '#type = :customer AND #updatedAt = :updatedAt',
    ExpressionAttributeNames: { '#type': 'type', '#updatedAt': 'updatedAt' },
    ExpressionAttributeValues: { ':customer': 'customer', ':updatedAt': item.updatedAt },
  });
  const due = new Date(now.getTime() + MERGE_LEASE_MS).toISOString();
  return transact([
    { Put: { TableName: tableName(), Item: profile, ...live(kept) } },
    {
      Put: {
        TableName: tableName(),
        Item: { ...forwardKey(duplicateId), type: 'customer-forward', ...forward },
        ...live(duplicate),
      },
    },
    {
      Put: { TableName: tableName(), Item: mergeQueue.at(duplicateId, due, { keptId }).item(forwardKey(duplicateId)) },
    },
  ]);
};

const stillMoving = (duplicateId: string, keptId: string) => ({
  Key: forwardKey(duplicateId),
  ConditionExpression: 'mergeState = :moving AND mergedInto = :kept',
  ExpressionAttributeValues: { ':moving': 'moving', ':kept': keptId },
});

/** One marker now names the kept customer, and the count says so; nothing if it names someone else. */
export const repointMarker = async (duplicateId: string, keptId: string, marker: Key) => {
  const guard = stillMoving(duplicateId, keptId);
  return transact([
    {
      Update: {
        TableName: tableName(),
        Key: marker,
        UpdateExpression: 'SET customerId = :kept',
        ConditionExpression: 'customerId = :duplicate',
        ExpressionAttributeValues: { ':kept': keptId, ':duplicate': duplicateId },
      },
    },
    {
      Update: {
        TableName: tableName(),
        ...guard,
        UpdateExpression: 'SET repointedMarkers = repointedMarkers + :one',
        ExpressionAttributeValues: { ...guard.ExpressionAttributeValues, ':one': 1 },
      },
    },
  ]);
};

const keyName = (key: Key) => `${key.pk} ${key.sk}`;

/** The items at these keys that exist, by `keyName`; consistent. */
const readKeys = async (wanted: Key[]) =>
  new Map((await getMany(wanted, { consistent: true })).map((item) => [keyName(tableKeyOf(item)), item]));

/**
 * A moving contact person's holder items, in the transaction that moves them: the duplicate's is
 * let go and the kept customer's claimed, so a lookup of the detail finds the kept customer; when
 * one of the kept customer's own contact people holds the detail already, theirs stays (checked).
 */
const holderMoves = (item: Item, duplicateId: string, keptId: string, held: Map<string, Item>): TransactItem[] =>
  heldDetailsOf(item).flatMap((detail): TransactItem[] => {
    const contactId = String(item.contactId);
    if (held.get(keyName(holderKey(detail, duplicateId)))?.contactId !== contactId) return [];
    const keptHolder = holderKey(detail, keptId);
    return [
      holderReleaseItem(detail, duplicateId, contactId),
      held.has(keyName(keptHolder))
        ? { ConditionCheck: { TableName: tableName(), Key: keptHolder, ConditionExpression: itemExists } }
        : holderClaimItem(detail, keptId, contactId),
    ];
  });

/** A kept item taken as read: its numbers (seq, counters) and `updatedAt` unchanged. */
const unchanged = (item: Item) => {
  const guarded = Object.entries(item).filter(([name, value]) => typeof value === 'number' || name === 'updatedAt');
  return {
    ConditionExpression: [itemExists, ...guarded.map((_, i) => `#g${i} = :g${i}`)].join(' AND '),
    ExpressionAttributeNames: guarded.length
      ? Object.fromEntries(guarded.map(([name], i) => [`#g${i}`, name]))
      : undefined,
    ExpressionAttributeValues: guarded.length
      ? Object.fromEntries(guarded.map(([, value], i) => [`:g${i}`, value]))
      : undefined,
  };
};

export type BatchOutcome = { moved: number; transactions: number } | 'conflict';

/**
 * Moves the next page of the duplicate's partition (all but the forwarding record and its
 * placement), a transaction per batch: each item's copy and the delete of its original together,
 * with the forwarding record's counts. An item whose key the kept customer has already (a ledger or
 * counter item with a fixed key) is combined into the kept one instead. `conflict`: another run
 * moved some of them first; read again.
 */
export const moveNextPage = async (
  duplicateId: string,
  keptId: string,
  maxTransactions: number,
): Promise<BatchOutcome> => {
  const skip = new Set([forwardKey(duplicateId).sk, placementKey(duplicateId).sk]);
  const page = await queryPage({
    partition: keys.customerPartition(duplicateId),
    order: 'oldest',
    limit: 100,
    consistent: true,
  });
  const items = page.items.filter((item) => !skip.has(tableKeyOf(item).sk));
  if (!items.length) return { moved: 0, transactions: 0 };
  const kept = (sk: string) => ({ ...keys.customer(keptId), sk });
  const holders = items.flatMap((item) =>
    heldDetailsOf(item).flatMap((detail) => [holderKey(detail, duplicateId), holderKey(detail, keptId)]),
  );
  const existing = await readKeys([...items.map((item) => kept(tableKeyOf(item).sk)), ...holders]);
  const alongside = new Map(items.map((item) => [item, holderMoves(item, duplicateId, keptId, existing)]));
  let moved = 0;
  let transactions = 0;
  for (const batch of planBatches(items, 1, undefined, (item) => 2 + alongside.get(item)!.length).slice(
    0,
    maxTransactions,
  )) {
    let combined = 0;
    const writes = batch.flatMap((item): TransactItem[] => {
      const { sk } = tableKeyOf(item);
      const copy = rewriteItem(item, duplicateId, keptId);
      const theirs = existing.get(keyName(kept(sk)));
      if (theirs) combined++;
      const put: TransactItem = theirs
        ? { Put: { TableName: tableName(), Item: combineItems(theirs, copy), ...unchanged(theirs) } }
        : { Put: { TableName: tableName(), Item: copy, ConditionExpression: itemAbsent } };
      return [
        put,
        { Delete: { TableName: tableName(), Key: tableKeyOf(item), ConditionExpression: itemExists } },
        ...alongside.get(item)!,
      ];
    });
    const guard = stillMoving(duplicateId, keptId);
    const counts: TransactItem = {
      Update: {
        TableName: tableName(),
        ...guard,
        UpdateExpression: 'SET movedItems = movedItems + :moved, combinedItems = combinedItems + :combined',
        ExpressionAttributeValues: {
          ...guard.ExpressionAttributeValues,
          ':moved': batch.length,
          ':combined': combined,
        },
      },
    };
    if (!(await transact([...writes, counts])).ok) return 'conflict';
    moved += batch.length;
    transactions++;
  }
  return { moved, transactions };
};

/**
 * Writes aimed at the duplicate that landed on its forwarding record during the merge (a lead
 * captured by a writer that read the old marker): folded into the kept profile and removed from the
 * forwarding record, both only as read. `false` when someone wrote meanwhile: read again.
 */
export const foldStrays = async (duplicateId: string, keptId: string, now: Date) => {
  const forward = await readProfileItem(duplicateId);
  const strays = STRAY_ATTRIBUTES.filter((name) => forward?.[name] !== undefined);
  if (!forward || !strays.length) return true;
  const kept = await readProfileItem(keptId);
  if (!kept) return false;
  const { updatedAt: _, ...folded } = Object.fromEntries(strays.map((name) => [name, forward[name]]));
  const asRead = strays.map((name, i) => {
    const value = forward[name];
    return value instanceof Set
      ? { condition: `size(#s${i}) = :s${i}`, name, value: value.size }
      : { condition: `#s${i} = :s${i}`, name, value };
  });
  return (
    await transact([
      {
        Put: {
          TableName: tableName(),
          Item: { ...combineItems(kept, folded), updatedAt: now.toISOString() },
          ...unchanged(kept),
        },
      },
      {
        Update: {
          TableName: tableName(),
          Key: forwardKey(duplicateId),
          UpdateExpression: `REMOVE ${asRead.map((_, i) => `#s${i}`).join(', ')}`,
          ConditionExpression: asRead.map((s) => s.condition).join(' AND '),
          ExpressionAttributeNames: Object.fromEntries(asRead.map((s, i) => [`#s${i}`, s.name])),
          ExpressionAttributeValues: Object.fromEntries(asRead.map((s, i) => [`:s${i}`, s.value])),
        },
      },
    ])
  ).ok;
};

/** The answer a finished merge gives, whoever finished it. */
export const mergeResult = (forward: Forward) => ({
  keptId: forward.mergedInto,
  duplicateId: forward.customerId,
  state: forward.mergeState,
  movedItems: forward.movedItems,
  combinedItems: forward.combinedItems,
  repointedMarkers: forward.repointedMarkers,
  ...(forward.mergedAt ? { mergedAt: forward.mergedAt } : {}),
});

/** The forwarding record as finishing it leaves it. */
export const doneForward = (forward: Forward, now: Date) => ({
  ...forward,
  mergeState: 'done' as const,
  mergedAt: now.toISOString(),
});

/**
 * The writes that finish a merge: done, its counts as read, no stray write on the forwarding record,
 * the placement gone, `CustomersMerged` in the outbox and the caller's stored answer. Any other run
 * that got here first leaves the state `done`, so the event is written once.
 */
export const finishItems = (forward: Forward, now: Date, record: Recorder): TransactItem[] => {
  const done = doneForward(forward, now);
  const at = done.mergedAt;
  const conditions = [
    same('mergeState', 'moving'),
    same('movedItems', forward.movedItems),
    same('combinedItems', forward.combinedItems),
  ];
  const strayNames = Object.fromEntries(STRAY_ATTRIBUTES.map((name, i) => [`#x${i}`, name]));
  return [
    {
      Update: {
        TableName: tableName(),
        Key: forwardKey(forward.customerId),
        UpdateExpression: 'SET mergeState = :done, mergedAt = :at REMOVE markerKeys',
        ConditionExpression: [
          ...conditions.map((c) => c.condition),
          ...Object.keys(strayNames).map((name) => `attribute_not_exists(${name})`),
        ].join(' AND '),
        ExpressionAttributeNames: { ...Object.assign({}, ...conditions.map((c) => c.names)), ...strayNames },
        ExpressionAttributeValues: {
          ...Object.assign({}, ...conditions.map((c) => c.values)),
          ':done': 'done',
          ':at': at,
        },
      },
    },
    { Delete: { TableName: tableName(), Key: placementKey(forward.customerId) } },
    outboxPut(
      catalogue.CustomersMerged,
      {
        keptId: forward.mergedInto,
        duplicateId: forward.customerId,
        movedItems: forward.movedItems,
        combinedItems: forward.combinedItems,
        repointedMarkers: forward.repointedMarkers,
      },
      now,
    ),
    ...record(mergeResult(done)),
  ];
};
