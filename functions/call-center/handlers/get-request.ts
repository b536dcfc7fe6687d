// GET /requests/{requestId} — the request with its history. A request the caller may not see is "not found".
import { json, route } from '../../../shared/http.js';
import { requestRoutes } from '../manifest.js';
import { requestViewerOf, requestVisibleTo } from '../request-access.js';
import { getRequestHistory } from '../request-store.js';

export const handler = route(requestRoutes.getRequest, async ({ actor, params }) => {
  const found = await requestVisibleTo(await requestViewerOf(actor), params.requestId);
  return json(200, { ...found, history: await getRequestHistory(found) });
});
