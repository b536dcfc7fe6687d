// Entities: an item type's keys and index memberships declared once, next to the key builders;
// building an item, reading it back without key attributes, and a guarded move that writes the new
// state, one history item, work-queue changes and outbox events in ONE transaction, on the condition
// that the stored item is still in the status and at the `seq` it was read in.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from './clock.js';
import { db, putNew, type TransactItem, tableName, transact } from './db.js';
import { newId } from './ids.js';
import { type Named, staleAt } from './messages.js';
import { type ConflictCode, ConflictError } from './problems.js';
import { queryAll } from './query.js';
import { type NumberHolder, numberItem } from './record-numbers.js';
import { fromItem, type ItemType, type Key, keys } from './table.js';
import type { QueuePlacement } from './work-queue.js';

type Item = Record<string, unknown>;

export { fromItem } from './table.js';

/** What every entity that moves through a lifecycle carries: its status and its stale-write token. */
export interface Movable {
  status: string;
  /** Counts every change: a write based on a stale read is refused. One name everywhere. */
  seq: number;
}

export interface HistoryEntry {
  /** Who moved it: a user id, or `system` for sweeps and consumers. */
  actorId: string;
  action: string;
  via?: 'api' | 'link' | 'sweep' | 'event' | 'import';
  note?: string;
}

/** One history item as read back: the move's entry, when it was made, and the statuses it moved between. */
export type HistoryMove<S extends string = string> = HistoryEntry & { at: string; from: S; to: S };

export interface MoveEffects {
  history?: HistoryEntry;
  /** Placements in work queues, written (or replaced) with the move. */
  enqueue?: QueuePlacement[];
  /** Queues the entity leaves with the move (a queue it is also placed in stays). */
  dequeue?: string[];
  events?: TransactItem[];
  /** Anything else that belongs to the same change (a report line, a frozen version, a stored answer). */
  also?: TransactItem[];
}

export interface EntitySpec<T> {
  type: ItemType;
  key: (value: T) => Key;
  /** The sparse indexes the item is in, computed from its current state. */
  indexes?: (value: T) => Record<string, string>;
  /** The number people speak for it (shared/record-numbers.ts), indexed when it is created. */
  number?: (value: T) => NumberHolder;
}

export const defineEntity = <T extends object>(spec: EntitySpec<T>) => {
  const item = (value: T): Item => ({ ...value, ...spec.key(value), ...spec.indexes?.(value), type: spec.type });

  const sideItems = (value: T, effects: MoveEffects): TransactItem[] => {
    const entityKey = spec.key(value);
    const staying = new Set((effects.enqueue ?? []).map((placement) => placement.queue));
    return [
      ...(effects.dequeue ?? [])
        .filter((queue) => !staying.has(queue))
        .map((queue): TransactItem => ({ Delete: { TableName: tableName(), Key: keys.queueItem(entityKey, queue) } })),
      ...(effects.enqueue ?? []).map(
        (placement): TransactItem => ({ Put: { TableName: tableName(), Item: placement.item(entityKey) } }),
      ),
      ...(effects.events ?? []),
      ...(effects.also ?? []),
    ];
  };

  const numberItems = (value: T): TransactItem[] => (spec.number ? [numberItem(spec.number(value))] : []);

  const historyItem = (before: T & Movable, after: T & Movable, entry: HistoryEntry): TransactItem => {
    const at = clockNow().toISOString();
    return putNew({
      ...keys.history(spec.key(after), at, newId()),
      type: 'history',
      entityType: spec.type,
      at,
      from: before.status,
      to: after.status,
      ...entry,
    });
  };

  return {
    type: spec.type,
    key: spec.key,
    item,
    read: (raw: Item) => fromItem<T>(raw),

    async get(key: Key, consistent = true): Promise<T | undefined> {
      const found = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: consistent }));
      return found.Item ? fromItem<T>(found.Item) : undefined;
    },

    /** The writes that create the entity (only if its key is free) and what comes with it. */
    createItems: (value: T, effects: Omit<MoveEffects, 'history'> = {}): TransactItem[] => [
      putNew(item(value)),
      ...sideItems(value, effects),
      // Last, so a caller reading a failed transaction's reasons by position finds its own items where they were.
      ...numberItems(value),
    ],

    /** The number item, for a creation written without `createItems` (none for an unnumbered type). */
    numberItems,

    /**
     * The writes of a guarded move: `after` replaces the stored item only while it is still in
     * `before`'s status at `before`'s seq. Index memberships follow `after`.
     */
    moveItems(before: T & Movable, after: T & Movable, effects: MoveEffects = {}): TransactItem[] {
      return [
        {
          Put: {
            TableName: tableName(),
            Item: item(after),
            ConditionExpression: '#status = :status AND #seq = :seq',
            ExpressionAttributeNames: { '#status': 'status', '#seq': 'seq' },
            ExpressionAttributeValues: { ':status': before.status, ':seq': before.seq },
          },
        },
        ...(effects.history ? [historyItem(before, after, effects.history)] : []),
        ...sideItems(after, effects),
      ];
    },

    /** A check, inside another transaction, that the stored item is still as it was read. */
    unchangedCheck: (value: T & Movable): TransactItem => ({
      ConditionCheck: {
        TableName: tableName(),
        Key: spec.key(value),
        ConditionExpression: '#status = :status AND #seq = :seq',
        ExpressionAttributeNames: { '#status': 'status', '#seq': 'seq' },
        ExpressionAttributeValues: { ':status': value.status, ':seq': value.seq },
      },
    }),

    /** Its moves, oldest first, from the history items beside it. */
    async history<S extends string = string>(value: T): Promise<HistoryMove<S>[]> {
      const key = spec.key(value);
      return (await queryAll({ partition: key.pk, range: { prefix: keys.historyPrefix(key) }, order: 'oldest' })).map(
        (raw) => {
          const { entityType: _, ...move } = fromItem<HistoryMove<S> & { entityType: string }>(raw);
          return move;
        },
      );
    },

    /** Moves it; `false` when someone else changed it first (the caller re-reads or answers 409). */
    async move(before: T & Movable, after: T & Movable, effects: MoveEffects = {}): Promise<boolean> {
      return (await transact(this.moveItems(before, after, effects))).ok;
    },
  };
};

/** The next state of a movable entity: the changes, and the seq one up. */
export const advance = <T extends Movable>(before: T, changes: Partial<T>): T => ({
  ...before,
  ...changes,
  seq: before.seq + 1,
});

/**
 * Refuses a change made from a stale read: the caller sent the `seq` it read and the stored item is at
 * another, so the answer is the module's 409 naming where the record is now. No `seq` sent: no check here
 * (the guarded write still refuses a race).
 */
export const refuseStale = (
  stored: { seq: number },
  seq: number | undefined,
  code: ConflictCode,
  record: Named,
): void => {
  if (seq !== undefined && seq !== stored.seq) throw new ConflictError(code, staleAt(record, stored.seq));
};
