// PUT /routing-rules {rules, fallbackUnitId, customerNotices?, seq?}  routing:admin — replaces the
// rules; an unknown unit is a 422 naming it, a stale seq a 409.
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { orderRoutes } from '../manifest.js';
import { setRoutingRules } from '../rules-store.js';

export const handler = route(orderRoutes.replaceRoutingRules, async ({ actor, body }) =>
  json(200, await setRoutingRules(body, actor.userId, clockNow())),
);
