// POST /leads/{leadId}/status {"to": "contacted", "seq": 1} — a guarded move along the lifecycle.
import { viewerOf } from '../../../shared/access.js';
import { actorOf, decodeBody, type HttpEvent, httpHandler, json, requireScope, validate } from '../../../shared/http.js';
import { ConflictError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { leadLifecycle, leadStatuses } from '../domain/lead-status.js';
import { leadVisibleTo } from '../lead-access.js';
import { saveStatusChange } from '../lead-store.js';

const bodySchema = z.strictObject({
  to: z.enum(leadStatuses),
  /** The seq the caller saw: a move based on a stale screen is refused. */
  seq: z.optional(z.int().check(z.positive())),
  note: z.optional(z.string().check(z.trim(), z.minLength(1), z.maxLength(1000))),
});

export const handler = httpHandler(async (event: HttpEvent) => {
  const actor = actorOf(event);
  requireScope(actor, 'leads:write');
  const { to, seq, note } = validate(bodySchema, decodeBody(event, 2048).fields);
  const lead = await leadVisibleTo(await viewerOf(actor), event.pathParameters?.leadId);
  if (seq !== undefined && seq !== lead.seq) {
    throw new ConflictError('lead-changed', `The lead is at seq ${lead.seq} now; reload it.`);
  }
  const action = leadLifecycle.actionTo(lead.status, to);
  const moved = await saveStatusChange(lead, to, { actorId: actor.userId, action, via: 'api', note }, new Date());
  if (!moved) throw new ConflictError('lead-changed', 'The lead was changed by someone else meanwhile; reload it.');
  return json(200, { leadId: lead.leadId, status: to, seq: moved.seq });
});
