// GET /customers/{customerId} — the whole record from one Query of the customer's partition. A
// customer the caller may not see is "not found", like an id that does not exist.
import { isId } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { capped, customerViewerOf, leadSummary, orderSummary, profileParts, quoteSummary, readCustomerPartition } from '../customer-view.js';
import { customerRoutes } from '../manifest.js';

/** How many of each list the record shows; `more` says there are others (no per-part cursor yet). */
const CAP = 50;

export const handler = route(customerRoutes.getCustomer, async ({ actor, params }) => {
  const found = isId(params.customerId) ? await readCustomerPartition(await customerViewerOf(actor), params.customerId) : undefined;
  if (!found) throw new NotFoundError('The customer');
  return json(200, {
    ...profileParts(found),
    ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}),
    leads: capped(found.leads, CAP, found.truncated, leadSummary),
    quotes: capped(found.quotes, CAP, found.truncated, quoteSummary),
    orders: capped(found.orders, CAP, found.truncated, orderSummary),
  });
});
