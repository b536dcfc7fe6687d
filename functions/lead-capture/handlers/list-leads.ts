// GET /leads?status=&owner=&from=&to=&limit=&cursor= — reps see their own leads, a team's manager
// the team's, a dealer the dealer's, and the firm's managers everyone's.
import { listScope, viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { listLeads } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.listLeads, async ({ actor, query }) => {
  const scope = listScope(await viewerOf(actor), query.owner);
  const page = await listLeads({ ...query, ...scope });
  const leads = page.leads.map((lead) => ({ ...lead, number: recordNumber('lead', lead.leadId) }));
  return json(200, { leads, nextCursor: page.next });
});
