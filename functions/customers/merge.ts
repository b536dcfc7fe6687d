// Merging two customers found to be one: `POST /customers/{id}/merge` and the sweep that finishes
// merges a run left unfinished. The order is what keeps every write:
//  1. start (one transaction): the kept profile absorbs the duplicate's, and the duplicate's profile
//     becomes the forwarding record (`moving`): from here getCustomer and customerVisibleTo of the
//     old id give the kept customer, and the directory lists only the kept one;
//  2. markers: the duplicate's e-mail and phone markers name the kept customer, BEFORE anything
//     moves: a lead captured from now on lands on the kept customer, not in the partition being
//     emptied;
//  3. fold: a writer that read an old marker before step 2 wrote its lead into the old partition and
//     touched the forwarding record (`leadCount`, owners); the touch is folded into the kept profile;
//  4. move: the duplicate's partition, page by page, each item's copy and delete in one transaction;
//  5. finish: `done` and `CustomersMerged`, only while no touch is on the forwarding record — a
//     straggler that wrote after step 3 makes it fail, and the next round moves its lead (3 → 4 → 5).
// Every step is guarded, so a run that stops anywhere is finished by the next (a second POST, or
// the sweep after the lease): nothing is lost or moved twice, and the event is written once.

import type { Viewer } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { customerItemVisibleTo, noSuchCustomer } from '../../shared/customer.js';
import { tableName, transact } from '../../shared/db.js';
import { noRecord, type Recorder } from '../../shared/idempotency.js';
import { records } from '../../shared/messages.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { sweep } from '../../shared/work-queue.js';
import { markerKeysOf } from './domain/merge.js';
import {
  doneForward,
  type Forward,
  finishItems,
  foldStrays,
  isForward,
  MERGE_LEASE_MS,
  mergeQueue,
  mergeResult,
  moveNextPage,
  readPartition,
  readProfileItem,
  repointMarker,
  startMerge,
} from './merge-store.js';

export type MergeResult = ReturnType<typeof mergeResult>;

/** Where a run stops: at a deadline (a Lambda's time) or after so many move transactions (tests). */
export interface RunLimits {
  deadline?: number;
  maxTransactions?: number;
}

/** Rounds of fold → move → finish, and re-reads after another run's conflicting batch, before giving up. */
const MAX_ROUNDS = 5;
const MAX_CONFLICTS = 20;

const contended = () =>
  new ConflictError('merge-contended', {
    en: 'These customers are being changed by other requests; try again.',
    tr: 'Bu müşteriler şu an başka isteklerle değiştiriliyor; yeniden deneyin.',
  });

const readForward = async (duplicateId: string) => (await readProfileItem(duplicateId)) as unknown as Forward;

/**
 * Steps 2–4 for a merge that has started: markers, fold, move until the partition is empty or the
 * limits stop it. `complete`: everything moved, ready to finish.
 */
const advance = async (duplicateId: string, keptId: string, limits: RunLimits, now: Date) => {
  const started = await readForward(duplicateId);
  if (started.mergeState === 'done') return { forward: started, complete: true };
  for (const marker of started.markerKeys ?? []) await repointMarker(duplicateId, keptId, marker);
  let folded = false;
  for (let attempt = 0; attempt < MAX_ROUNDS && !folded; attempt++) folded = await foldStrays(duplicateId, keptId, now);
  if (!folded) throw contended();
  let transactions = 0;
  let conflicts = 0;
  const spent = () =>
    transactions >= (limits.maxTransactions ?? Number.POSITIVE_INFINITY) ||
    Date.now() >= (limits.deadline ?? Number.POSITIVE_INFINITY);
  for (;;) {
    if (spent()) return { forward: await readForward(duplicateId), complete: false };
    const outcome = await moveNextPage(
      duplicateId,
      keptId,
      (limits.maxTransactions ?? Number.POSITIVE_INFINITY) - transactions,
    );
    if (outcome === 'conflict') {
      if (++conflicts > MAX_CONFLICTS) throw contended();
      continue;
    }
    if (!outcome.moved) return { forward: await readForward(duplicateId), complete: true };
    transactions += outcome.transactions;
  }
};

/** Runs a started merge as far as the limits allow, finishing it if it gets there. */
const run = async (
  duplicateId: string,
  keptId: string,
  record: Recorder,
  limits: RunLimits,
  now: Date,
): Promise<MergeResult> => {
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const { forward, complete } = await advance(duplicateId, keptId, limits, now);
    if (forward.mergeState === 'done' || !complete) return mergeResult(forward);
    if ((await transact(finishItems(forward, now, record))).ok) return mergeResult(doneForward(forward, now));
  }
  throw contended();
};

const sameCustomer = () =>
  new ProblemError(
    422,
    'merge-same-customer',
    { en: 'A customer cannot be merged into itself.', tr: 'Bir müşteri kendisiyle birleştirilemez.' },
    [
      {
        path: 'duplicateId',
        message: {
          en: 'Name another customer than the one in the path.',
          tr: 'Adresteki müşteriden başka bir müşteri belirtin.',
        },
      },
    ],
  );

const mergedAlready = (path: 'customerId' | 'duplicateId', into: string) =>
  new ProblemError(
    409,
    'customer-merged',
    { en: 'This customer was merged into another.', tr: 'Bu müşteri başka bir müşteriyle birleştirildi.' },
    [
      {
        path,
        message: {
          en: `Merged into ${into}; use that customer.`,
          tr: `${into} ile birleştirildi; o müşteriyi kullanın.`,
        },
      },
    ],
  );

export interface MergeRequest {
  viewer: Viewer;
  keptId: string;
  duplicateId: string;
}

/**
 * Keeps `keptId` and absorbs `duplicateId`: starts the merge (or takes up the one that started)
 * and runs it within the limits. The viewer must see both; a customer they may not see is not found.
 */
export const mergeCustomers = async (
  { viewer, keptId, duplicateId }: MergeRequest,
  record: Recorder = noRecord,
  limits: RunLimits = {},
  now = clockNow(),
): Promise<MergeResult> => {
  if (keptId === duplicateId) throw sameCustomer();
  for (let attempt = 0; attempt < MAX_ROUNDS; attempt++) {
    const [kept, duplicate] = await Promise.all([readProfileItem(keptId), readProfileItem(duplicateId)]);
    if (isForward(kept)) {
      const into = String(kept!.mergedInto);
      const target = await readProfileItem(into);
      if (!target || !customerItemVisibleTo(viewer, target)) throw new NotFoundError(records.customer);
      throw mergedAlready('customerId', into);
    }
    if (!kept || !customerItemVisibleTo(viewer, kept)) throw new NotFoundError(records.customer);
    if (isForward(duplicate)) {
      if (duplicate!.mergedInto !== keptId) throw mergedAlready('duplicateId', String(duplicate!.mergedInto));
      return run(duplicateId, keptId, record, limits, now);
    }
    if (!duplicate || !customerItemVisibleTo(viewer, duplicate)) throw noSuchCustomer('duplicateId');
    const markers = markerKeysOf(await readPartition(duplicateId));
    if ((await startMerge(kept, duplicate, markers, viewer.actor.userId, now)).ok)
      return run(duplicateId, keptId, record, limits, now);
  }
  throw contended();
};

/** How many unfinished merges one sweep takes on; each may run until the sweep's deadline. */
const SWEEP_BATCH = 5;

/**
 * The sweep: merges whose lease has passed (their run stopped or is long over) are run on; one that
 * finishes ends its placement with the claim, one that runs out of time is placed again.
 */
export const finishDueMerges = async (now: Date, deadline: number) => {
  const { due, acted, dropped } = await sweep(mergeQueue, now, SWEEP_BATCH, async (entry) => {
    const duplicateId = entry.entityId;
    const forward = await readProfileItem(duplicateId);
    if (!isForward(forward) || forward!.mergeState === 'done') return 'drop';
    const placedAgain = () => {
      const later = new Date(clockNow().getTime() + MERGE_LEASE_MS).toISOString();
      return {
        writes: [
          { Put: { TableName: tableName(), Item: mergeQueue.at(duplicateId, later, entry.data).item(entry.entity) } },
        ],
      };
    };
    try {
      const { forward: advanced, complete } = await advance(duplicateId, entry.data.keptId, { deadline }, now);
      if (advanced.mergeState === 'done') return 'drop';
      return complete ? { writes: finishItems(advanced, now, noRecord) } : placedAgain();
    } catch (error) {
      // Contended by another run: it or a later sweep finishes; the others due now still get their turn.
      if (error instanceof ConflictError) return placedAgain();
      throw error;
    }
  });
  return { due, acted, dropped };
};
