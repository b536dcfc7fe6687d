// POST /leads/{leadId}/status {"to": "contacted", "version": 1} — a guarded move along the lifecycle.
import { actorOf, decodeBody, type HttpEvent, httpHandler, json, requireScope, validate } from '../../../shared/http.js';
import { ConflictError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { canMove, leadStatuses, nextStatuses } from '../domain/lead-status.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveStatusChange } from '../lead-store.js';

const bodySchema = z.strictObject({
  to: z.enum(leadStatuses),
  /** The version the caller saw: a move based on a stale screen is refused. */
  version: z.optional(z.int().check(z.positive())),
});

export const handler = httpHandler(async (event: HttpEvent) => {
  const actor = actorOf(event);
  requireScope(actor, 'leads:write');
  const { to, version } = validate(bodySchema, decodeBody(event, 1024).fields);
  const lead = await leadVisibleTo(actor, event.pathParameters?.leadId);
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
