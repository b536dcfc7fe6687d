// GET /agenda?user=&week=, GET /agenda/team?team=&week= and GET /agenda/overdue — one Lambda for the agenda's views.
import { json, route, routes } from '../../../shared/http.js';
import { overdueTodos, teamAgenda, userAgenda } from '../activities.js';
import { activityRoutes } from '../manifest.js';

export const handler = routes([
  route(activityRoutes.getAgenda, async ({ actor, query }) => json(200, await userAgenda(actor, query))),
  route(activityRoutes.getTeamAgenda, async ({ actor, query }) => json(200, await teamAgenda(actor, query))),
  route(activityRoutes.getOverdueTodos, async ({ actor, query }) => json(200, await overdueTodos(actor, query))),
]);
