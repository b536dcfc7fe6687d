// POST /customers/{customerId}/requests — the call center records a request for the customer's
// dealer; a retry (or a duplicate racing it) with the same Idempotency-Key gets the first answer.
import { json, route } from '../../../shared/http.js';
import { requestRoutes } from '../manifest.js';
import { customerFor, requestViewerOf } from '../request-access.js';
import { recordRequest } from '../requests.js';

export const handler = route(requestRoutes.createRequest, async ({ actor, params, body, once }) => {
  const customer = await customerFor(await requestViewerOf(actor), params.customerId);
  const recorded = await once({ ...params, ...body }, (record) => recordRequest(customer, body, actor.userId, record));
  return json(201, recorded, { location: `/requests/${recorded.requestId}` });
});
