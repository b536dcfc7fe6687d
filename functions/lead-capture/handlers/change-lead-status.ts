// POST /leads/{leadId}/status {"to": "contacted", "version": 1} — a guarded move along the lifecycle.
import { json, route } from '../../../shared/http.js';
import { ConflictError } from '../../../shared/problems.js';
import { canMove, nextStatuses } from '../domain/lead-status.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveStatusChange } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.changeLeadStatus, async ({ actor, params, body: { to, version } }) => {
  const lead = await leadVisibleTo(actor, params.leadId);
  if (version !== undefined && version !== lead.version) {
    throw new ConflictError('lead-changed', `The lead is at version ${lead.version} now; reload it.`);
  }
  if (!canMove(lead.status, to)) {
    const allowed = nextStatuses(lead.status);
    throw new ConflictError(
      'illegal-transition',
      `A ${lead.status} lead cannot become ${to}; it can become ${allowed.length ? allowed.join(' or ') : 'nothing else'}.`,
    );
  }
  const saved = await saveStatusChange(lead, to, actor.userId, new Date());
  if (!saved.ok) throw new ConflictError('lead-changed', 'The lead was changed by someone else meanwhile; reload it.');
  return json(200, { leadId: lead.leadId, status: to, version: lead.version + 1 });
});
