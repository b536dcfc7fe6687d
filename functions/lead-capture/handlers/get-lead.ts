// GET /leads/{leadId} — the lead with its notes and status history. A lead the caller may not see is "not found".
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { leadVisibleTo } from '../lead-access.js';
import { getLeadHistory, getLeadNotes } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.getLead, async ({ actor, params }) => {
  const lead = await leadVisibleTo(await viewerOf(actor), params.leadId);
  const [notes, history] = await Promise.all([getLeadNotes(lead.customerId, lead.leadId), getLeadHistory(lead)]);
  return json(200, { ...lead, notes, history });
});
