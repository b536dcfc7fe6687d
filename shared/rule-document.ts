// Rules staff set (commission rates, segment shares, earning rules): one item per document, replaced
// whole and versioned by `seq`, so a save based on a stale read is refused and two admins saving at
// once leave one version, not a mix. Absent, the module's defaults apply at seq 0.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from './clock.js';
import { db, itemAbsent, tableName, transact } from './db.js';
import type { ProblemError } from './problems.js';
import { fromItem, type ItemType, type Key } from './table.js';

export type StoredRules<T> = T & { seq: number; updatedBy?: string; updatedAt?: string };

export interface RuleDocument<T> {
  key: Key;
  type: ItemType;
  defaults: T;
  /** The 409 a stale save answers with: each module names its own code. */
  stale: () => ProblemError;
  /** Reads a stored document written under an older shape. */
  upgrade?: (stored: StoredRules<T>) => StoredRules<T>;
}

/** The rules in force: the stored ones, or the defaults at seq 0. */
export const readRules = async <T extends object>(doc: RuleDocument<T>): Promise<StoredRules<T>> => {
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: doc.key, ConsistentRead: true }));
  if (!found.Item) return { ...doc.defaults, seq: 0 };
  const stored = fromItem<StoredRules<T>>(found.Item);
  return doc.upgrade ? doc.upgrade(stored) : stored;
};

/** Replaces the rules if they are still at `seq` (0: never set); otherwise the document's 409. */
export const replaceRules = async <T extends object>(
  doc: RuleDocument<T>,
  rules: T,
  seq: number,
  actorId: string,
  now = clockNow(),
): Promise<StoredRules<T>> => {
  const stored: StoredRules<T> = { ...rules, seq: seq + 1, updatedBy: actorId, updatedAt: now.toISOString() };
  const saved = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...doc.key, type: doc.type, ...stored },
        ...(seq === 0
          ? { ConditionExpression: itemAbsent }
          : {
              ConditionExpression: '#seq = :seq',
              ExpressionAttributeNames: { '#seq': 'seq' },
              ExpressionAttributeValues: { ':seq': seq },
            }),
      },
    },
  ]);
  if (!saved.ok) throw doc.stale();
  return stored;
};
