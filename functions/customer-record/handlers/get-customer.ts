// GET /customers/{customerId} — the whole record from one Query of the customer's partition: the
// first page of each part with its cursor. A customer the caller may not see is "not found", like an
// id that does not exist.
import { isId } from '../../../shared/access.js';
import { json, route } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { customerViewerOf } from '../../customers/public.js';
import { firstPages, profileParts, readCustomerPartition } from '../customer-view.js';
import { customerRecordRoutes } from '../manifest.js';
import { logReads } from '../read-log.js';

/** How many of each part the record shows; its cursor pages the rest. */
const PAGE = 20;

export const handler = route(customerRecordRoutes.getCustomer, async ({ actor, params }) => {
  const found = isId(params.customerId)
    ? await readCustomerPartition(await customerViewerOf(actor), params.customerId)
    : undefined;
  if (!found) throw new NotFoundError(records.customer);
  const parts = await profileParts(found);
  const record = {
    ...parts,
    number: recordNumber('customer', parts.customer.customerId),
    ...(found.mergedFrom ? { mergedFrom: found.mergedFrom } : {}),
    ...(await firstPages(found, PAGE)),
  };
  await logReads(actor, customerRecordRoutes.getCustomer, [found.customerId]);
  return json(200, record);
});
