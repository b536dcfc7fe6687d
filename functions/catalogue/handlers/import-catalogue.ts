// POST /catalogue/{kind}  (text/csv or application/json)  catalogue:write
// Checks the whole file first: a bad row refuses it with every error and its line number, and nothing
// changes. A good file becomes a background job (202 and its Location) that imports it all or nothing.
import { json, route, uploadedFile } from '../../../shared/http.js';
import { keyedId } from '../../../shared/idempotency.js';
import { jobView } from '../../../shared/import-jobs.js';
import { catalogueKind } from '../catalogue-http.js';
import { catalogueJobs } from '../catalogue-jobs.js';
import { startStaging } from '../catalogue-store.js';
import { catalogueSlugs, importCsv, importJson } from '../domain/catalogue-import.js';
import { ImportFailedError } from '../import-problems.js';
import { CATALOGUE_FILE_BYTES, catalogueRoutes } from '../manifest.js';

export const handler = route(catalogueRoutes.importCatalogue, async ({ actor, params, idempotency, once }, event) => {
  const kind = catalogueKind(params.kind);
  const { type, text: file } = uploadedFile(event, ['text/csv', 'application/json'], CATALOGUE_FILE_BYTES);
  const job = await once({ kind, type, file }, async (record) => {
    const parsed = type === 'text/csv' ? importCsv(kind, file) : importJson(kind, file);
    if (!parsed.ok) throw new ImportFailedError(parsed.errors);
    return jobView(
      await catalogueJobs.create({
        jobId: keyedId(idempotency),
        subject: catalogueSlugs[kind],
        rows: parsed.records,
        context: await startStaging(kind),
        actorId: actor.userId,
        record,
        answer: jobView,
      }),
    );
  });
  return json(202, job, { location: `/catalogue-imports/${job.jobId}` });
});
