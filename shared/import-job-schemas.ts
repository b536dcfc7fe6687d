// What an import job's routes take and answer, for every importer (shared/import-jobs.ts): the job with
// its progress, a page of the caller's jobs. The manifests declare them on their routes.
import * as z from './schema.js';

export const importJobParams = z.strictObject({ jobId: z.string().check(z.maxLength(40)) });

export const importJobsQuery = z.strictObject({
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(50)), 10),
  cursor: z.optional(z.string().check(z.maxLength(2000))),
});

export const importJob = z.strictObject({
  jobId: z.string(),
  importer: z.string(),
  /** What the file holds (`products`, `price-lists`, `fx-rates`, `orders`). */
  subject: z.string(),
  status: z.enum(['queued', 'running', 'done', 'failed']),
  rows: z.int(),
  rowsDone: z.int(),
  chunks: z.int(),
  chunksDone: z.int(),
  /** Whole percent of the rows applied; 100 only when done. */
  percent: z.int(),
  /** What the importer counted (`imported`, `alreadyCounted`). */
  counts: z.record(z.string(), z.int()),
  /** Why a failed job stopped. */
  failure: z.optional(z.strictObject({ en: z.string(), tr: z.string() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  finishedAt: z.optional(z.string()),
});

export const importJobPage = z.strictObject({ items: z.array(importJob), next: z.optional(z.string()) });
