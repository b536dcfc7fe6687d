// PATCH /customers/{customerId}/activities/{activityId} {seq?, notes?, done?} — guarded by seq.
import { json, route } from '../../../shared/http.js';
import { changeActivity, customerFor } from '../activities.js';
import { activityRoutes } from '../manifest.js';

export const handler = route(activityRoutes.updateActivity, async ({ actor, params, body }) => {
  await customerFor(actor, params.customerId);
  return json(200, await changeActivity(params.customerId, params.activityId, body, actor.userId));
});
