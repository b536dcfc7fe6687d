// A catalogue file imported in the background, all or nothing still: the job stages a new generation
// (the live records copied first, then the file's chunk by chunk, each a put by key that a redelivered
// chunk writes again unchanged) and makes it live with the job's last count, in one transaction
// conditional on the generation it was staged on being live still. Until then readers see the old
// catalogue; a job that fails (another import switched first) leaves it as it was and removes its stage.
import { clockNow } from '../../shared/clock.js';
import { importJobs } from '../../shared/import-jobs.js';
import { importConflict, type Staging, stageLive, stageRecords, switchItem, tidyStaging } from './catalogue-store.js';
import type { CatalogueRecords } from './domain/catalogue-import.js';

export const catalogueJobs = importJobs<CatalogueRecords[keyof CatalogueRecords], Staging>({
  importer: 'catalogue',
  begin: (job) => stageLive(job.context),
  apply: async (rows, job) => {
    await stageRecords(job.context, rows);
    return { imported: rows.length };
  },
  finish: async (job) => ({
    items: [await switchItem(job.context, job.createdBy, clockNow())],
    refused: importConflict,
  }),
  settled: (job) => tidyStaging(job.context, job.status === 'done'),
});
