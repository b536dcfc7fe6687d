// POST /customers/{customerId}/merge — keep the customer in the path, absorb `duplicateId`. Admins
// and managers who see both. 200 when done; 202 when this run ran out of time (the sweep finishes).
// A retry, with or without the same Idempotency-Key, takes up the same merge.
import { viewerOf } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { ForbiddenError } from '../../../shared/problems.js';
import { customerRoutes } from '../manifest.js';
import { mergeCustomers } from '../merge.js';

/** API Gateway gives up after 29 s: stop moving well before, with time left to answer. */
const API_BUDGET_MS = 20_000;
const MARGIN_MS = 5_000;

export const handler = route(customerRoutes.mergeCustomers, async ({ actor, params, body, once }, _event, context) => {
  if (actor.role !== 'admin' && actor.role !== 'manager') {
    throw new ForbiddenError({
      en: 'Only managers and admins merge customers.',
      tr: 'Müşterileri yalnızca yöneticiler ve sistem yöneticileri birleştirebilir.',
    });
  }
  const viewer = await viewerOf(actor);
  const deadline = Date.now() + Math.min(API_BUDGET_MS, context.getRemainingTimeInMillis() - MARGIN_MS);
  const request = { keptId: params.customerId, duplicateId: body.duplicateId };
  const result = await once(request, (record) => mergeCustomers({ viewer, ...request }, record, { deadline }));
  return json(result.state === 'done' ? 200 : 202, result);
});
