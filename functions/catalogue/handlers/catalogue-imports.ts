// GET /catalogue-imports, GET /catalogue-imports/{jobId}  catalogue:write — the caller's catalogue imports
// and one import's progress (any admin's, by its id).
import { json, route, routes } from '../../../shared/http.js';
import { jobOr404, myJobs } from '../../../shared/import-jobs.js';
import { catalogueJobs } from '../catalogue-jobs.js';
import { catalogueRoutes } from '../manifest.js';

export const handler = routes([
  route(catalogueRoutes.listCatalogueImports, async ({ actor, query }) =>
    json(200, await myJobs(catalogueJobs, actor.userId, query)),
  ),
  route(catalogueRoutes.getCatalogueImport, async ({ params }) =>
    json(200, await jobOr404(catalogueJobs, params.jobId)),
  ),
]);
