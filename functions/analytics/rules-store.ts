// The analytics rules admins set: commission rates and the A/B/C shares. Each is one item with a
// seq (a stale write is a 409); absent, the defaults here apply.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, itemAbsent, tableName, transact } from '../../shared/db.js';
import { fromItem } from '../../shared/entity.js';
import { ConflictError } from '../../shared/problems.js';
import { type CommissionRules, defaultCommissionRules } from './domain/performance.js';
import { defaultSegmentRules, type SegmentRules } from './domain/segments.js';
import { analyticsKeys } from './keys.js';

export interface AnalyticsRules {
  commission: CommissionRules;
  segments: SegmentRules;
}
export type RulesKind = keyof AnalyticsRules;

const itemKey = { commission: 'COMMISSION_RULES', segments: 'SEGMENT_RULES' } as const;
const defaults: AnalyticsRules = { commission: defaultCommissionRules, segments: defaultSegmentRules };

export type Stored<K extends RulesKind> = AnalyticsRules[K] & { seq: number; updatedBy?: string; updatedAt?: string };

/** The rules in force: the stored ones, or the defaults at seq 0. */
export const getRules = async <K extends RulesKind>(kind: K): Promise<Stored<K>> => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: analyticsKeys.analyticsRules(itemKey[kind]), ConsistentRead: true }),
  );
  if (!found.Item) return { ...defaults[kind], seq: 0 };
  const stored = fromItem<Stored<K>>(found.Item);
  // Rules saved when the net basis was called `revenue` (it was then paid on the KDV-inclusive total).
  if (kind === 'commission' && (stored as { basis?: string }).basis === 'revenue')
    return { ...stored, basis: 'net' } as unknown as Stored<K>;
  return stored;
};

/** Replaces the rules if they are still at `seq` (0: never set). */
export const setRules = async <K extends RulesKind>(
  kind: K,
  rules: AnalyticsRules[K],
  seq: number,
  actorId: string,
  now = clockNow(),
) => {
  const stored: Stored<K> = { ...rules, seq: seq + 1, updatedBy: actorId, updatedAt: now.toISOString() };
  const saved = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...analyticsKeys.analyticsRules(itemKey[kind]), type: 'analytics-rules', ...stored },
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
  if (!saved.ok) {
    throw new ConflictError('analytics-rules-changed', {
      en: 'The rules were changed meanwhile; read them again.',
      tr: 'Kurallar bu arada değiştirildi; yeniden yükleyin.',
    });
  }
  return stored;
};
