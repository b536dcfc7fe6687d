// GET /analytics/imports/orders, GET /analytics/imports/orders/{jobId}  analytics:admin — the caller's
// order-history imports and one import's progress (any admin's, by its id).
import { json, route, routes } from '../../../shared/http.js';
import { jobOr404, myJobs } from '../../../shared/import-jobs.js';
import { analyticsRoutes } from '../manifest.js';
import { orderJobs } from '../order-import.js';

export const handler = routes([
  route(analyticsRoutes.listOrderImports, async ({ actor, query }) =>
    json(200, await myJobs(orderJobs, actor.userId, query)),
  ),
  route(analyticsRoutes.getOrderImport, async ({ params }) => json(200, await jobOr404(orderJobs, params.jobId))),
]);
