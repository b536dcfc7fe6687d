// PUT /routing-rules {rules, fallbackUnitId, customerNotices?, seq?}  routing:admin — replaces the
// rules; an unknown unit is a 422 naming it, a stale seq a 409.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import * as z from '../../../shared/schema.js';
import { bodyOf, staff } from '../order-access.js';
import { setRoutingRules } from '../rules-store.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'routing:admin');
  return json(200, await setRoutingRules(bodyOf(event, z.unknown()), viewer.actor.userId, new Date()));
});
