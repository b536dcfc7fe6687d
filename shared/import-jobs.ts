// Imports as background jobs, one mechanism for every importer. The route checks the whole file first
// (a refusal changes nothing), then stores the parsed rows in chunks in the run-files bucket (one file
// per chunk, under the job's id) and creates the job with its first chunk's `ImportChunkDue` in one
// transaction, with the route's stored Idempotency-Key answer: a retry finds the same job. The
// importer's consumer claims the job for one chunk (a lease, so two deliveries at once do not both apply
// it), applies it and counts it on the job in a transaction that is conditional on the job as claimed and
// also enqueues the next chunk's event; a redelivered event finds its chunk counted and does nothing. Applying must be idempotent (a chunk whose count failed is applied
// again on redelivery): puts by key, or claims by marker. The last chunk's count carries the importer's
// own closing writes (a switch to staged data), so the job is done exactly when they are made.
import type { DetailOf } from '../events/event.js';
import { importEvents } from '../events/platform.js';
import { clockNow } from './clock.js';
import { config } from './config.js';
import { type TransactItem, transact } from './db.js';
import { advance, defineEntity } from './entity.js';
import { getFile, putFile } from './files.js';
import type { Recorder } from './idempotency.js';
import type { Named, Text } from './messages.js';
import { outboxPut } from './outbox.js';
import { ConflictError, NotFoundError, ProblemError } from './problems.js';
import { queryPage } from './query.js';
import { byState, fromItem, keys } from './table.js';

export const importJobStatuses = ['queued', 'running', 'done', 'failed'] as const;
export type ImportJobStatus = (typeof importJobStatuses)[number];

export interface ImportJob<C extends object = Record<string, unknown>> {
  jobId: string;
  /** Whose job: the consumer subscribed to this importer's chunks applies them. */
  importer: string;
  /** What the file holds, in the importer's words (`products`, `orders`). */
  subject: string;
  status: ImportJobStatus;
  /** Counts every change: each progress write is conditional on it. */
  seq: number;
  rows: number;
  rowsDone: number;
  chunks: number;
  chunksDone: number;
  /** What the importer counted, summed over the chunks (`imported`, `alreadyCounted`). */
  counts: Record<string, number>;
  /** The importer's own facts about the job, set when it is created (a staged generation). */
  context: C;
  /** Why a failed job stopped, in both languages. */
  failure?: Named;
  /** While a consumer applies a chunk: until when its claim holds (0 when none does). */
  leaseUntil?: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
  finishedAt?: string;
}

/** Longer than a consumer may run (the Lambda's 15 minutes): an older claim was its dead holder's. */
const LEASE_MS = 16 * 60 * 1000;

export interface ImportJobSpec<R, C extends object> {
  /** The importer's name in the job and on its chunks' events: its subscription filters on it. */
  importer: string;
  /** Before the first chunk: may run again if that chunk is redelivered, so it must be idempotent. */
  begin?: (job: ImportJob<C>) => Promise<void>;
  /** Applies one chunk's rows (again, after a failed count: idempotently); answers counts to add. */
  apply: (rows: R[], job: ImportJob<C>) => Promise<Record<string, number>>;
  /**
   * With the last chunk: writes to make in the transaction that marks the job done, and what the job
   * fails with when one of their conditions does not hold (another import switched first).
   */
  finish?: (job: ImportJob<C>) => Promise<{ items: TransactItem[]; refused: Named }>;
  /** After the job is done or failed: tidying that may fail without harm (its errors are dropped). */
  settled?: (job: ImportJob<C>) => Promise<void>;
}

// ---- pure parts ------------------------------------------------------------------------------------

/** The rows cut into chunks of `size` (the last one shorter); no rows, no chunk. */
export const chunksOf = <R>(rows: readonly R[], size: number): R[][] => {
  const chunks: R[][] = [];
  for (let i = 0; i < rows.length; i += size) chunks.push(rows.slice(i, i + size));
  return chunks;
};

/** What a chunk's event asks of the job as it stands: apply it, or nothing (counted, finished, not yet due). */
export const dueAction = (job: Pick<ImportJob, 'status' | 'chunksDone' | 'chunks'>, chunk: number) =>
  job.status === 'done' || job.status === 'failed' || chunk !== job.chunksDone + 1 || chunk > job.chunks
    ? 'nothing'
    : 'apply';

/** Whole percent done, 100 only when done; a failed job shows how far it got. */
export const percentDone = (job: Pick<ImportJob, 'status' | 'rows' | 'rowsDone'>) =>
  job.status === 'done' ? 100 : job.rows === 0 ? 0 : Math.min(99, Math.floor((job.rowsDone * 100) / job.rows));

/** The chunk's file in the run-files bucket: under the job's id, so a retried creation writes the same. */
export const chunkFile = (jobId: string, chunk: number) =>
  `import-jobs/${jobId}/chunk-${String(chunk).padStart(6, '0')}.json`;

const named = (text: Text): Named => (typeof text === 'string' ? { en: text, tr: text } : text);

// ---- the store -------------------------------------------------------------------------------------

const jobEntity = defineEntity<ImportJob<object>>({
  type: 'import-job',
  key: (job) => keys.importJob(job.jobId),
  indexes: (job) => keys.importJobList(job.importer, job.createdBy, job.createdAt, job.jobId),
});

const readJob = async <C extends object>(jobId: string) =>
  (await jobEntity.get(keys.importJob(jobId))) as ImportJob<C> | undefined;

/** The job's progress write: guarded on where it was read, so a racing or late writer changes nothing. */
const progress = (job: ImportJob<object>, changes: Partial<ImportJob<object>>, add: Record<string, number> = {}) => {
  const counts = { ...job.counts };
  for (const [field, value] of Object.entries(add)) counts[field] = (counts[field] ?? 0) + value;
  return jobEntity.moveItems(job, advance(job, { ...changes, counts, updatedAt: clockNow().toISOString() }));
};

/** Thrown by an importer's `apply` or `begin` when the rows cannot be applied: the job fails with it. */
export class ImportJobFailed extends Error {
  constructor(readonly reason: Named) {
    super(reason.en);
  }
}

export const importJobs = <R, C extends object>(spec: ImportJobSpec<R, C>) => {
  const get = async (jobId: string) => {
    const job = await readJob<C>(jobId);
    return job?.importer === spec.importer ? job : undefined;
  };

  const fail = async (job: ImportJob<C>, reason: Named) => {
    const now = clockNow().toISOString();
    await transact(progress(job, { status: 'failed', failure: reason, finishedAt: now, leaseUntil: 0 }));
    await spec.settled?.({ ...job, status: 'failed' }).catch(() => undefined);
  };

  /** The chunk `chunk` applied and counted, unless the job already counted it; answers the job as it stands. */
  const runDue = async (due: Pick<DetailOf<typeof importEvents.ImportChunkDue>, 'jobId' | 'chunk'>) => {
    let job = await get(due.jobId);
    if (!job || dueAction(job, due.chunk) === 'nothing') return job;
    // One consumer at a time applies a chunk: two deliveries at once would each count what the other did.
    const inProgress = () => new Error(`Chunk ${due.chunk} of import ${due.jobId} is being applied`);
    const leaseUntil = clockNow().getTime() + LEASE_MS;
    if ((job.leaseUntil ?? 0) > clockNow().getTime()) throw inProgress();
    const claimed = await transact(progress(job, { status: 'running', leaseUntil }));
    if (!claimed.ok) {
      const now = await get(due.jobId);
      if (now && dueAction(now, due.chunk) === 'apply') throw inProgress();
      return now;
    }
    job = { ...job, status: 'running', seq: job.seq + 1, leaseUntil };
    const file = await getFile(chunkFile(job.jobId, due.chunk));
    if (!file) {
      await fail(job, {
        en: 'The staged rows are gone (kept for a limited time); import the file again.',
        tr: 'Hazırlanan satırlar artık yok (sınırlı süre saklanır); dosyayı yeniden içe aktarın.',
      });
      return await get(due.jobId);
    }
    const rows = JSON.parse(Buffer.from(file).toString('utf8')) as R[];
    const last = due.chunk === job.chunks;
    let counts: Record<string, number>;
    let closing: Awaited<ReturnType<NonNullable<typeof spec.finish>>> | undefined;
    try {
      if (job.chunksDone === 0) await spec.begin?.(job);
      counts = await spec.apply(rows, job);
      closing = last ? await spec.finish?.(job) : undefined;
    } catch (error) {
      if (!(error instanceof ImportJobFailed || (error instanceof ProblemError && error.status < 500))) {
        // Let the event's retry claim the chunk again at once.
        await transact(progress(job, { leaseUntil: 0 })).catch(() => undefined);
        throw error;
      }
      await fail(job, error instanceof ImportJobFailed ? error.reason : named(error.detail));
      return await get(due.jobId);
    }
    const now = clockNow();
    const counted = await transact([
      ...progress(
        job,
        {
          chunksDone: due.chunk,
          rowsDone: job.rowsDone + rows.length,
          leaseUntil: 0,
          ...(last ? { status: 'done', finishedAt: now.toISOString() } : {}),
        },
        counts,
      ),
      ...(closing?.items ?? []),
      ...(last
        ? []
        : [
            outboxPut(
              importEvents.ImportChunkDue,
              { jobId: job.jobId, importer: spec.importer, chunk: due.chunk + 1 },
              now,
            ),
          ]),
    ]);
    if (!counted.ok) {
      // The job's own condition held, so the importer's closing write was refused: the job fails with it.
      if (closing && counted.reasons[0] === undefined) await fail(job, closing.refused);
      // Otherwise another delivery counted this chunk first: nothing more to do.
      return await get(due.jobId);
    }
    const after = await get(due.jobId);
    if (last && after) await spec.settled?.(after).catch(() => undefined);
    return after;
  };

  return {
    importer: spec.importer,
    get,
    runDue,

    /**
     * Stores the rows in chunks and creates the job, queued, with its first chunk due; `record` adds the
     * route's stored answer to the same transaction. `jobId`: the same on a retry with the same key.
     */
    async create(input: {
      jobId: string;
      subject: string;
      rows: readonly R[];
      context: C;
      actorId: string;
      record: Recorder;
      answer: (job: ImportJob<C>) => unknown;
    }) {
      const chunks = chunksOf(input.rows, config.importChunkRows());
      await Promise.all(
        chunks.map((rows, i) =>
          putFile(chunkFile(input.jobId, i + 1), Buffer.from(JSON.stringify(rows)), 'application/json'),
        ),
      );
      const now = clockNow();
      // A file of no rows has nothing to apply: its job is done as it is made.
      const empty = chunks.length === 0;
      const job: ImportJob<C> = {
        jobId: input.jobId,
        importer: spec.importer,
        subject: input.subject,
        status: empty ? 'done' : 'queued',
        seq: 0,
        rows: input.rows.length,
        rowsDone: 0,
        chunks: chunks.length,
        chunksDone: 0,
        counts: {},
        context: input.context,
        createdBy: input.actorId,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        ...(empty ? { finishedAt: now.toISOString() } : {}),
      };
      const created = await transact([
        ...jobEntity.createItems(job),
        ...(empty
          ? []
          : [outboxPut(importEvents.ImportChunkDue, { jobId: job.jobId, importer: spec.importer, chunk: 1 }, now)]),
        ...input.record(input.answer(job)),
      ]);
      // The same key raced this request and won: `once` answers with its job.
      if (!created.ok) throw new Error(`Import job ${job.jobId} exists already`);
      return job;
    },

    /**
     * Queues the job's next chunk again, for a job an outage stopped (its chunk's event retried out to the
     * dead-letter queue): applying is idempotent and a chunk counted already is not counted again, so
     * resuming a job that was moving changes nothing. A finished job, or one a consumer holds now, is a 409.
     */
    async resume(jobId: string) {
      const job = await get(jobId);
      if (!job) throw notFound();
      if (job.status === 'done' || job.status === 'failed')
        throw new ConflictError('illegal-transition', {
          en: 'The import has finished: there is nothing to resume.',
          tr: 'İçe aktarma bitti: sürdürülecek bir şey yok.',
        });
      const now = clockNow();
      if ((job.leaseUntil ?? 0) > now.getTime())
        throw new ConflictError('illegal-transition', {
          en: 'A part of this import is being applied now.',
          tr: 'Bu içe aktarmanın bir bölümü şu an uygulanıyor.',
        });
      const chunk = job.chunksDone + 1;
      await transact([outboxPut(importEvents.ImportChunkDue, { jobId, importer: spec.importer, chunk }, now)]);
      return job;
    },

    /** The caller's jobs of this importer, newest first. */
    async listMine(actorId: string, limit: number, cursor?: string) {
      const page = await queryPage({
        index: byState,
        partition: keys.importJobListPartition(spec.importer, actorId),
        limit,
        cursor,
      });
      return { items: page.items.map((item) => fromItem<ImportJob<C>>(item)), next: page.next };
    },
  };
};

/** A job as a route answers it: its progress, without the importer's internal context. */
export const jobView = ({ context: _context, seq: _seq, leaseUntil: _lease, ...job }: ImportJob<object>) => ({
  ...job,
  percent: percentDone(job),
});

// ---- what the routes answer --------------------------------------------------------------------------

type Jobs = Pick<ReturnType<typeof importJobs>, 'get' | 'listMine' | 'resume'>;

const notFound = () => new NotFoundError({ en: 'The import', tr: 'İçe aktarma' });

/** The job as answered, or 404 when there is none of this importer (another importer's job included). */
export const jobOr404 = async (jobs: Jobs, jobId: string) => {
  const job = await jobs.get(jobId);
  if (!job) throw notFound();
  return jobView(job);
};

/** The job resumed (its next chunk queued), as answered; 404 as `jobOr404`. */
export const resumedJob = async (jobs: Jobs, jobId: string) => jobView(await jobs.resume(jobId));

/** A page of the caller's jobs, newest first, as answered. */
export const myJobs = async (jobs: Jobs, actorId: string, query: { limit: number; cursor?: string }) => {
  const page = await jobs.listMine(actorId, query.limit, query.cursor);
  return { items: page.items.map(jobView), ...(page.next ? { next: page.next } : {}) };
};
