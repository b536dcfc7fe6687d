// GET /requests?status=&customer=&limit=&cursor= — a dealer's people see their dealer's requests;
// reach `all` (and call-center agents) every request; anyone else those they recorded, or with
// `customer=` the requests of a customer they see.
import { json, route } from '../../../shared/http.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { requestRoutes } from '../manifest.js';
import { customerFor, requestListScope, requestViewerOf } from '../request-access.js';
import { listRequests } from '../request-store.js';

export const handler = route(requestRoutes.listRequests, async ({ actor, query }) => {
  const { customer, ...rest } = query;
  const viewer = await requestViewerOf(actor);
  // A customer's requests for whoever sees the customer; a dealer's people still only their dealer's.
  const byCustomer = customer !== undefined && viewer.reach !== 'unit';
  if (byCustomer) await customerFor(viewer, customer);
  const page = await listRequests({ ...rest, customerId: customer, ...(byCustomer ? {} : requestListScope(viewer)) });
  const requests = page.requests.map((r) => ({ ...r, number: recordNumber('request', r.requestId) }));
  return json(200, { requests, nextCursor: page.next });
});
