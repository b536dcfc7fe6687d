// GET /routing-rules  routing:admin — the rules in force, with their seq.
import { json, route } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { orderRoutes } from '../manifest.js';
import { getRoutingRules } from '../rules-store.js';

export const handler = route(orderRoutes.getRoutingRules, async () => {
  const rules = await getRoutingRules();
  if (!rules) throw new NotFoundError(records.routingRules);
  return json(200, rules);
});
