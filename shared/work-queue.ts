// Work queues: an entity's place in a queue is an item beside it (`<entity sk>#QUEUE#<queue>`),
// written or deleted in the same transaction as the state change that puts it there or takes it out.
// Two kinds: due-time queues (a sparse, sharded index by due instant; a sweep reads only what is
// due) and inboxes (items waiting for someone — a role, a unit — oldest first).
// A sweep claims each due item with a conditional delete in the transaction that acts on it, so
// overlapping or repeated sweeps act once.
import { type TransactItem, tableName, transact } from './db.js';
import { newId } from './ids.js';
import { queryAll } from './query.js';
import { byAssignee, byState, fromItem, type Key, keys } from './table.js';

type Item = Record<string, unknown>;

/** A placement, ready to be written beside the entity it belongs to. */
export interface QueuePlacement {
  queue: string;
  item: (entity: Key) => Item;
}

export interface QueueEntry<D> {
  queue: string;
  /** The key of the entity the entry belongs to. */
  entity: Key;
  entityId: string;
  /** Due instant (due-time queues) or the instant it started waiting (inboxes). */
  at: string;
  /** Each placement is new: a claim of an older one finds it replaced and does nothing. */
  placementId: string;
  data: D;
}

const placement = (
  queue: string,
  entityId: string,
  at: string,
  data: unknown,
  index: Record<string, string>,
): QueuePlacement => ({
  queue,
  item: (entity) => ({
    ...keys.queueItem(entity, queue),
    ...index,
    type: 'queue-item',
    queue,
    entity: { pk: entity.pk, sk: entity.sk },
    entityId,
    at,
    placementId: newId(),
    data,
  }),
});

const entries = <D>(items: Item[]) => items.map((item) => fromItem<QueueEntry<D>>(item));

export const defineDueQueue = <D extends object>(name: string) => ({
  name,
  /** A placement due at `dueAt` (ISO UTC). */
  at: (entityId: string, dueAt: string, data: D) =>
    placement(name, entityId, dueAt, data, keys.dueIn(name, dueAt, entityId)),
  /** The entries due at or before `now`, oldest first, over every shard. */
  due: async (now: Date, limit: number) =>
    entries<D>(
      await queryAll(
        { index: byState, partition: keys.dueInPartitions(name), range: { to: now.toISOString() }, order: 'oldest' },
        limit,
      ),
    ),
});

export const defineInbox = <D extends object>(name: string) => ({
  name,
  /** A placement waiting for `who` since `since`. */
  for: (who: string, entityId: string, since: string, data: D) =>
    placement(name, entityId, since, data, keys.inbox(name, who, since, entityId)),
  waiting: async (who: string, limit: number) =>
    entries<D>(
      await queryAll({ index: byAssignee, partition: keys.inboxPartition(name, who), order: 'oldest' }, limit),
    ),
});

export type DueQueue<D extends object> = ReturnType<typeof defineDueQueue<D>>;

/**
 * What a sweep does with a due entry: the writes that act on it, drop it (its entity moved on), or
 * leave it for a later run (another sweep is acting on it right now and may still fail).
 */
export type SweepAction = { writes: TransactItem[] } | 'drop' | 'later';

const sameKey = (a: Record<string, unknown> | undefined, b: Key) => a?.pk === b.pk && a?.sk === b.sk;

/**
 * Takes on what is due by `now`, up to `limit` entries; the rest wait for the next run. Each entry
 * is claimed in the transaction that acts on it: the claim holds only while the placement is the
 * one read, so a second sweep (or a retry of this one) finds it gone or replaced and does nothing.
 * `concurrency` entries are handled at once (default one after another): where handling waits on
 * something outside (a receiver's answer), one slow entry then does not hold up the others.
 */
export const sweep = async <D extends object>(
  queue: DueQueue<D>,
  now: Date,
  limit: number,
  handle: (entry: QueueEntry<D>) => Promise<SweepAction>,
  concurrency = 1,
) => {
  const due = await queue.due(now, limit);
  let acted = 0;
  let dropped = 0;
  let next = 0;
  const worker = async () => {
    while (next < due.length) await one(due[next++]!);
  };
  const one = async (entry: QueueEntry<D>) => {
    const action = await handle(entry);
    if (action === 'later') return;
    const placementKey = keys.queueItem(entry.entity, queue.name);
    const claimed = {
      ConditionExpression: 'placementId = :placement',
      ExpressionAttributeValues: { ':placement': entry.placementId },
    };
    if (action === 'drop') {
      if ((await transact([{ Delete: { TableName: tableName(), Key: placementKey, ...claimed } }])).ok) dropped++;
      return;
    }
    // The acting writes may delete or re-place the entry itself: then they carry the claim.
    const replaces = action.writes.some((w) => sameKey(w.Put?.Item, placementKey));
    const writes = action.writes
      .filter((w) => !sameKey(w.Delete?.Key, placementKey))
      .map((w) => (sameKey(w.Put?.Item, placementKey) ? { Put: { ...w.Put!, ...claimed } } : w));
    const claim: TransactItem[] = replaces
      ? []
      : [{ Delete: { TableName: tableName(), Key: placementKey, ...claimed } }];
    if ((await transact([...claim, ...writes])).ok) acted++;
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, due.length)) }, worker));
  return { due: due.length, acted, dropped };
};
