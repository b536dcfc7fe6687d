// GET /leads/{leadId} — the lead with its notes. Someone else's lead is "not found" to a rep.
import { json, route } from '../../../shared/http.js';
import { getLeadNotes } from '../lead-store.js';
import { leadVisibleTo } from '../lead-access.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.getLead, async ({ actor, params }) => {
  const lead = await leadVisibleTo(actor, params.leadId);
  const notes = await getLeadNotes(lead.customerId, lead.leadId);
  return json(200, { ...lead, notes });
});
