// /privacy/retention-… — the retention rules, a dry run that lists who is due, and its erasure.
import { json, route, routes } from '../../../shared/http.js';
import { privacyRoutes } from '../manifest.js';
import { eraseRetention, getRetentionRules, listRetention, setRetentionRules } from '../retention.js';

export const handler = routes([
  route(privacyRoutes.getRetentionRules, async () => json(200, await getRetentionRules())),
  route(privacyRoutes.setRetentionRules, async ({ actor, body: { seq, ...rules } }) =>
    json(200, await setRetentionRules(rules, seq, actor.userId)),
  ),
  route(privacyRoutes.listRetention, async ({ actor }) => json(201, await listRetention(actor))),
  route(privacyRoutes.eraseRetention, async ({ actor, params }) =>
    json(200, await eraseRetention(params.runId, actor, 'POST /privacy/retention-runs/{runId}/erase')),
  ),
]);
