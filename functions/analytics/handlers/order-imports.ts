// GET /analytics/imports/orders, GET /analytics/imports/orders/{jobId}, POST …/{jobId}/resume  analytics:admin —
// the caller's order-history imports, one import's progress (any admin's, by its id), and resuming a stopped one.
import { json, route, routes } from '../../../shared/http.js';
import { jobOr404, myJobs, resumedJob } from '../../../shared/import-jobs.js';
import { analyticsRoutes } from '../manifest.js';
import { orderJobs } from '../order-import.js';

export const handler = routes([
  route(analyticsRoutes.listOrderImports, async ({ actor, query }) =>
    json(200, await myJobs(orderJobs, actor.userId, query)),
  ),
  route(analyticsRoutes.getOrderImport, async ({ params }) => json(200, await jobOr404(orderJobs, params.jobId))),
  route(analyticsRoutes.resumeOrderImport, async ({ params }) => json(202, await resumedJob(orderJobs, params.jobId))),
]);
