// GET /customers/{customerId}/activities?kind=&limit=&cursor= — the timeline, newest first.
import { json, route } from '../../../shared/http.js';
import { customerFor } from '../activities.js';
import { timelinePage } from '../activity-store.js';
import { activityRoutes } from '../manifest.js';

export const handler = route(activityRoutes.listActivities, async ({ actor, params, query }) => {
  await customerFor(actor, params.customerId);
  return json(200, await timelinePage(params.customerId, query.kind, query.limit, query.cursor));
});
