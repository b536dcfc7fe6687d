// GET /loyalty/rules (loyalty:read); PUT /loyalty/rules (loyalty:admin), guarded by seq.
import { json, route, routes } from '../../../shared/http.js';
import { getLoyaltyRules, setLoyaltyRules } from '../ledger.js';
import { loyaltyRoutes } from '../manifest.js';

export const handler = routes([
  route(loyaltyRoutes.getLoyaltyRules, async () => json(200, await getLoyaltyRules())),
  route(loyaltyRoutes.setLoyaltyRules, async ({ actor, body: { seq, ...rules } }) =>
    json(200, await setLoyaltyRules(rules, seq, actor.userId)),
  ),
]);
