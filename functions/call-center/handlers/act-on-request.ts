// POST /requests/{requestId}/{action} — accept, schedule, done, decline or cancel: a guarded move on
// the request's status and seq; idempotent with Idempotency-Key. A retry of a decline that passed the
// request to another dealer gets the first answer, though the caller no longer sees the request: the
// stored answer is this caller's own (scoped to their key), made when they could see it.
import { json, route } from '../../../shared/http.js';
import { requestRoutes } from '../manifest.js';
import { requestViewerOf, requestVisibleTo } from '../request-access.js';
import { getRequest } from '../request-store.js';
import { actOnRequest } from '../requests.js';

export const handler = route(requestRoutes.actOnRequest, async ({ actor, params, body, once }) => {
  const moved = await once({ ...params, ...body }, async (record) => {
    const visible = await requestVisibleTo(await requestViewerOf(actor), params.requestId);
    // The index copy may lag: the move is guarded on the item as stored now.
    const found = (await getRequest(visible.customerId, visible.requestId)) ?? visible;
    return actOnRequest(found, params.action, body, { actorId: actor.userId, role: actor.role }, record);
  });
  return json(200, moved);
});
