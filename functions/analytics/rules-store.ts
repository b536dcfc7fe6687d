// The analytics rules admins set: commission rates and the A/B/C shares. Each is one item with a
// seq (a stale write is a 409); absent, the defaults here apply.

import { clockNow } from '../../shared/clock.js';
import { ConflictError } from '../../shared/problems.js';
import { type RuleDocument, readRules, replaceRules } from '../../shared/rule-document.js';
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

const documentOf = <K extends RulesKind>(kind: K): RuleDocument<AnalyticsRules[K]> => ({
  key: analyticsKeys.analyticsRules(itemKey[kind]),
  type: 'analytics-rules',
  defaults: defaults[kind],
  stale: () =>
    new ConflictError('analytics-rules-changed', {
      en: 'The rules were changed meanwhile; read them again.',
      tr: 'Kurallar bu arada değiştirildi; yeniden yükleyin.',
    }),
  // Rules saved when the net basis was called `revenue` (it was then paid on the KDV-inclusive total).
  upgrade: (stored) =>
    kind === 'commission' && (stored as { basis?: string }).basis === 'revenue' ? { ...stored, basis: 'net' } : stored,
});

/** The rules in force: the stored ones, or the defaults at seq 0. */
export const getRules = <K extends RulesKind>(kind: K): Promise<Stored<K>> => readRules(documentOf(kind));

/** Replaces the rules if they are still at `seq` (0: never set). */
export const setRules = <K extends RulesKind>(
  kind: K,
  rules: AnalyticsRules[K],
  seq: number,
  actorId: string,
  now = clockNow(),
): Promise<Stored<K>> => replaceRules(documentOf(kind), rules, seq, actorId, now);
