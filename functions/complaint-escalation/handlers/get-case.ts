// GET /cases/{caseId} — the case with its history. A case the caller may not see is "not found".
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { caseVisibleTo } from '../case-access.js';
import { getCaseHistory } from '../case-store.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.getCase, async ({ actor, params }) => {
  const found = await caseVisibleTo(await viewerOf(actor), params.caseId);
  return json(200, { ...found, history: await getCaseHistory(found) });
});
