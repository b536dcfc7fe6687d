// GET /routing-rules  routing:admin — the rules in force, with their seq.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { staff } from '../order-access.js';
import { getRoutingRules } from '../rules-store.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  await staff(event, 'routing:admin');
  const rules = await getRoutingRules();
  if (!rules) throw new NotFoundError('The routing rules');
  return json(200, rules);
});
