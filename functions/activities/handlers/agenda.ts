// GET /agenda?user=&week= and GET /agenda/team?team=&week= — one Lambda for both weeks' views.
import { json, route, routes } from '../../../shared/http.js';
import { teamAgenda, userAgenda } from '../activities.js';
import { activityRoutes } from '../manifest.js';

export const handler = routes([
  route(activityRoutes.getAgenda, async ({ actor, query }) => json(200, await userAgenda(actor, query))),
  route(activityRoutes.getTeamAgenda, async ({ actor, query }) => json(200, await teamAgenda(actor, query))),
]);
