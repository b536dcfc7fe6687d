// POST /purchase-requests/{purchaseRequestId}/{action} (orders:write) — order, receive or cancel: a
// guarded move on the request's status and seq, idempotent with Idempotency-Key. Only the people of
// the unit it is routed to (or those who reach everything) may move it; to anyone else it does not exist.
import { canSee, viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { erpRoutes } from '../manifest.js';
import { actOnPurchaseRequest, findPurchaseRequest, purchaseRequestNamed } from '../purchases.js';

export const handler = route(erpRoutes.actOnPurchaseRequest, async ({ actor, params, body, once }) => {
  const viewer = await viewerOf(actor);
  const found = await findPurchaseRequest(params.purchaseRequestId);
  if (!found || !canSee(viewer, { unitId: found.unitId })) throw new NotFoundError(purchaseRequestNamed);
  const moved = await once({ ...params, ...body }, (record) =>
    actOnPurchaseRequest(found, params.action, body ?? {}, { actorId: actor.userId }, record),
  );
  return json(200, moved);
});
