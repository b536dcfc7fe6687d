// GET /leads/{leadId} — the lead with its notes and status history. Someone else's lead is "not found" to a rep.
import { viewerOf } from '../../../shared/access.js';
import { actorOf, type HttpEvent, httpHandler, json, requireScope } from '../../../shared/http.js';
import { leadVisibleTo } from '../lead-access.js';
import { getLeadHistory, getLeadNotes } from '../lead-store.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const actor = actorOf(event);
  requireScope(actor, 'leads:read');
  const lead = await leadVisibleTo(await viewerOf(actor), event.pathParameters?.leadId);
  const [notes, history] = await Promise.all([getLeadNotes(lead.customerId, lead.leadId), getLeadHistory(lead)]);
  return json(200, { ...lead, notes, history });
});
