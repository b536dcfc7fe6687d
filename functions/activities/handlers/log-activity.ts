// POST /customers/{customerId}/activities — log a call, visit, meeting, to-do or note; once per Idempotency-Key.
import { json, route } from '../../../shared/http.js';
import { customerFor, logActivity } from '../activities.js';
import { activityRoutes } from '../manifest.js';

export const handler = route(activityRoutes.logActivity, async ({ actor, params, body, once }) => {
  const customer = await customerFor(actor, params.customerId);
  const request = { customerId: params.customerId, ...body };
  const logged = await once(request, (record) => logActivity(actor, customer, body, record));
  return json(201, logged, { location: `/customers/${params.customerId}/activities/${logged.activity.activityId}` });
});
