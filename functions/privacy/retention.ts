// The retention run: a dry run lists every person due under the rules (a rule document staff set) and
// records the list; staff review it, then ask for the run's erasure, which erases each listed person
// still due through the same erasure a person's request takes (so each is recorded as an erasure
// request too). The run moves listed → erasing → erased with conditional writes: a run is erased
// once; a person erased already (by hand meanwhile) is counted, not erased twice.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, putNew, scanType, tableName, transact } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { type RuleDocument, readRules, replaceRules } from '../../shared/rule-document.js';
import { fromItem } from '../../shared/table.js';
import { partitionItems } from './access.js';
import {
  defaultRetentionRules,
  type RetentionCandidate,
  type RetentionRules,
  retentionCandidate,
} from './domain/retention.js';
import { erasePerson } from './erasure.js';
import { privacyKeys } from './keys.js';

const rulesDocument: RuleDocument<RetentionRules> = {
  key: privacyKeys.retentionRules(),
  type: 'retention-rules',
  defaults: defaultRetentionRules,
  stale: () =>
    new ConflictError('retention-rules-changed', {
      en: 'The retention rules were changed meanwhile; read them again.',
      tr: 'Saklama kuralları bu arada değiştirildi; yeniden yükleyin.',
    }),
};

export const getRetentionRules = () => readRules(rulesDocument);
export const setRetentionRules = (rules: RetentionRules, seq: number, actorId: string) =>
  replaceRules(rulesDocument, rules, seq, actorId, clockNow());

export interface RetentionOutcome {
  customerId: string;
  outcome: 'erased' | 'no-longer-due' | 'already-erased' | 'refused';
  erasureId?: string;
}

export interface RetentionRun {
  runId: string;
  state: 'listed' | 'erasing' | 'erased';
  rules: RetentionRules;
  listedAt: string;
  listedBy: string;
  candidates: RetentionCandidate[];
  erasedAt?: string;
  erasedBy?: string;
  outcomes?: RetentionOutcome[];
}

const view = (item: Record<string, unknown>) => {
  const { type: _, ...run } = fromItem<RetentionRun & { type: string }>(item);
  return run;
};

/** Every person due under the rules in force: one Scan of the profiles, one Query of each partition. */
const dueNow = async (rules: RetentionRules, now: Date) => {
  const candidates: RetentionCandidate[] = [];
  for await (const profile of scanType('customer')) {
    const candidate = retentionCandidate(await partitionItems(String(profile.customerId)), rules, now);
    if (candidate) candidates.push(candidate);
  }
  return candidates.sort((a, b) => a.lastActivityAt.localeCompare(b.lastActivityAt));
};

/** The dry run: lists who is due and records the list for review; erases nothing. */
export const listRetention = async (actor: Actor, now = clockNow()): Promise<RetentionRun> => {
  const { seq: _, updatedAt: _at, updatedBy: _by, ...rules } = await getRetentionRules();
  const run: RetentionRun = {
    runId: newId(),
    state: 'listed',
    rules,
    listedAt: now.toISOString(),
    listedBy: actor.userId,
    candidates: await dueNow(rules, now),
  };
  await transact([putNew({ ...privacyKeys.retentionRun(run.runId), type: 'retention-run', ...run })]);
  return run;
};

const readRun = async (runId: string) => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: privacyKeys.retentionRun(runId), ConsistentRead: true }),
  );
  if (!found.Item) throw new NotFoundError({ en: 'The retention run', tr: 'Saklama çalıştırması' });
  return view(found.Item);
};

export const getRetentionRun = readRun;

const move = async (runId: string, from: RetentionRun['state'], set: Record<string, unknown>) => {
  const names = Object.fromEntries(Object.keys(set).map((k, i) => [`#f${i}`, k]));
  const values = Object.fromEntries(Object.values(set).map((v, i) => [`:f${i}`, v]));
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: privacyKeys.retentionRun(runId),
        UpdateExpression: `SET ${Object.keys(set)
          .map((_, i) => `#f${i} = :f${i}`)
          .join(', ')}`,
        ConditionExpression: '#state = :from',
        ExpressionAttributeNames: { ...names, '#state': 'state' },
        ExpressionAttributeValues: { ...values, ':from': from },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

/** Erases the run's listed people that are still due, once: the run is claimed before anyone is erased. */
export const eraseRetention = async (runId: string, actor: Actor, route: string, now = clockNow()) => {
  const run = await readRun(runId);
  if (!(await move(runId, 'listed', { state: 'erasing', erasedBy: actor.userId }))) {
    throw new ProblemError(
      409,
      'retention-run-not-listed',
      {
        en: `This run was erased already (it is ${run.state}); make a new dry run.`,
        tr: `Bu çalıştırma zaten silindi (durumu: ${run.state}); yeni bir deneme çalıştırması yapın.`,
      },
      [{ path: 'runId', message: { en: 'Not waiting for erasure.', tr: 'Silinmeyi beklemiyor.' } }],
    );
  }
  const outcomes: RetentionOutcome[] = [];
  for (const listed of run.candidates) {
    const items = await partitionItems(listed.customerId);
    if (!items.some((item) => item.type === 'customer')) {
      outcomes.push({ customerId: listed.customerId, outcome: 'already-erased' });
      continue;
    }
    // Something happened since the list was made (a new lead, an order): not due any more.
    if (!retentionCandidate(items, run.rules, now)) {
      outcomes.push({ customerId: listed.customerId, outcome: 'no-longer-due' });
      continue;
    }
    try {
      const erased = await erasePerson({ customerId: listed.customerId }, actor, route, now);
      outcomes.push({ customerId: listed.customerId, outcome: 'erased', erasureId: erased.erasureId });
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      outcomes.push({ customerId: listed.customerId, outcome: 'refused' });
    }
  }
  await move(runId, 'erasing', { state: 'erased', erasedAt: now.toISOString(), outcomes });
  return { ...run, state: 'erased' as const, erasedAt: now.toISOString(), erasedBy: actor.userId, outcomes };
};

/** Whom the scheduled job erases as: recorded on each erasure as its staff member. */
export const retentionJobActor: Actor = {
  keyId: 'retention-job',
  userId: 'retention-job',
  role: 'admin',
  scopes: ['privacy:erase'],
};

/**
 * The scheduled job: lists who is due (recorded as a run) and erases them, as staff would with the
 * two routes. A dry run lists and records only: the run stays `listed`, for review and for its erasure
 * by `POST /privacy/retention-runs/{runId}/erase`.
 */
export const runRetentionJob = async (now: Date, dryRun: boolean) => {
  const listed = await listRetention(retentionJobActor, now);
  const counts = { due: listed.candidates.length, dryRun: dryRun ? 1 : 0, erased: 0, refused: 0, skipped: 0 };
  if (dryRun || !listed.candidates.length) return { runId: listed.runId, counts };
  const run = await eraseRetention(listed.runId, retentionJobActor, 'schedule privacy.retention-job', now);
  for (const { outcome } of run.outcomes ?? []) {
    if (outcome === 'erased') counts.erased++;
    else if (outcome === 'refused') counts.refused++;
    else counts.skipped++;
  }
  return { runId: listed.runId, counts };
};
