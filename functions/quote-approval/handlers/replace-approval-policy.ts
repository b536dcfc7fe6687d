// PUT /approval-policy {rules, seq?}  catalogue:write — replaces the rules; `seq` refuses a write
// based on a stale read, and a role nobody holds is refused (its quotes would wait for ever).
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { UnsupportedMediaTypeError } from '../../../shared/problems.js';
import { setApprovalPolicy } from '../approval-policy-store.js';
import { quoteRoutes } from '../manifest.js';

export const handler = route(quoteRoutes.replaceApprovalPolicy, async ({ actor, body, fromForm }) => {
  if (fromForm) throw new UnsupportedMediaTypeError(['application/json']);
  return json(200, await setApprovalPolicy(body, actor.userId, clockNow()));
});
