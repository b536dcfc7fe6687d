// GET /leads/{leadId} — the lead with its notes. Someone else's lead is "not found" to a rep.
import { actorOf, type HttpEvent, httpHandler, json, requireScope } from '../../../shared/http.js';
import { getLeadNotes } from '../lead-store.js';
import { leadVisibleTo } from '../lead-access.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const actor = actorOf(event);
  requireScope(actor, 'leads:read');
  const lead = await leadVisibleTo(actor, event.pathParameters?.leadId);
  const notes = await getLeadNotes(lead.customerId, lead.leadId);
  return json(200, { ...lead, notes });
});
