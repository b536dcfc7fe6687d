// POST /leads/{leadId}/status {"to": "contacted", "seq": 1} — a guarded move along the lifecycle.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { refuseStale } from '../../../shared/entity.js';
import { json, route } from '../../../shared/http.js';
import { changedMeanwhile, records } from '../../../shared/messages.js';
import { ConflictError } from '../../../shared/problems.js';
import { leadLifecycle } from '../domain/lead-status.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveStatusChange } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.changeLeadStatus, async ({ actor, params, body: { to, seq, note } }) => {
  const lead = await leadVisibleTo(await viewerOf(actor), params.leadId);
  refuseStale(lead, seq, 'lead-changed', records.lead);
  const action = leadLifecycle.actionTo(lead.status, to);
  const moved = await saveStatusChange(lead, to, { actorId: actor.userId, action, via: 'api', note }, clockNow());
  if (!moved) throw new ConflictError('lead-changed', changedMeanwhile(records.lead));
  return json(200, { leadId: lead.leadId, status: to, seq: moved.seq });
});
