// GET /leads?status=&owner=&from=&to=&limit=&cursor= — reps and dealers see their own leads.
import { json, route, seesAll } from '../../../shared/http.js';
import { ForbiddenError } from '../../../shared/problems.js';
import { listLeads } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

export const handler = route(leadRoutes.listLeads, async ({ actor, query }) => {
  if (query.owner && query.owner !== actor.userId && !seesAll(actor)) {
    throw new ForbiddenError("Only managers may list other people's leads.");
  }
  const ownerId = seesAll(actor) ? query.owner : actor.userId;
  const page = await listLeads({ ...query, ownerId });
  return json(200, { leads: page.leads, nextCursor: page.next });
});
