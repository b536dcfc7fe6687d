// GET /analytics/rules (analytics:read); PUT /analytics/rules/commission | segments (analytics:admin).
import { json, route, routes } from '../../../shared/http.js';
import { analyticsRoutes } from '../manifest.js';
import { getRules, setRules } from '../rules-store.js';

const both = async () => ({ commission: await getRules('commission'), segments: await getRules('segments') });

export const handler = routes([
  route(analyticsRoutes.getAnalyticsRules, async () => json(200, await both())),
  route(analyticsRoutes.setCommissionRules, async ({ actor, body: { seq, ...rules } }) => {
    await setRules('commission', rules, seq, actor.userId);
    return json(200, await both());
  }),
  route(analyticsRoutes.setSegmentRules, async ({ actor, body: { seq, ...rules } }) => {
    await setRules('segments', rules, seq, actor.userId);
    return json(200, await both());
  }),
]);
