// GET /catalogue-imports, GET /catalogue-imports/{jobId}, POST /catalogue-imports/{jobId}/resume  catalogue:write —
// the caller's catalogue imports, one import's progress (any admin's, by its id), and resuming a stopped one.
import { json, route, routes } from '../../../shared/http.js';
import { jobOr404, myJobs, resumedJob } from '../../../shared/import-jobs.js';
import { catalogueJobs } from '../catalogue-jobs.js';
import { catalogueRoutes } from '../manifest.js';

export const handler = routes([
  route(catalogueRoutes.listCatalogueImports, async ({ actor, query }) =>
    json(200, await myJobs(catalogueJobs, actor.userId, query)),
  ),
  route(catalogueRoutes.getCatalogueImport, async ({ params }) =>
    json(200, await jobOr404(catalogueJobs, params.jobId)),
  ),
  route(catalogueRoutes.resumeCatalogueImport, async ({ params }) =>
    json(202, await resumedJob(catalogueJobs, params.jobId)),
  ),
]);
