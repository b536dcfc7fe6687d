// POST /cases/{caseId}/status {"to": "acknowledged", "seq": 1} — a guarded move along the lifecycle.

import { viewerOf } from '../../../shared/access.js';
import { refuseStale } from '../../../shared/entity.js';
import { json, route } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { caseVisibleTo } from '../case-access.js';
import { changeCaseStatus } from '../cases.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.changeCaseStatus, async ({ actor, params, body: { to, seq, note } }) => {
  const found = await caseVisibleTo(await viewerOf(actor), params.caseId, true);
  refuseStale(found, seq, 'case-changed', records.case);
  const moved = await changeCaseStatus(found, to, { actorId: actor.userId, via: 'api', note });
  return json(200, { caseId: found.caseId, status: moved.status, seq: moved.seq });
});
