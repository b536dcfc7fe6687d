// PATCH /customers/{customerId} — a profile edit at the seq the caller read; a customer the caller
// may not see is "not found", like an id that does not exist.

import { isId } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { records } from '../../../shared/messages.js';
import { NotFoundError } from '../../../shared/problems.js';
import { customerViewerOf } from '../customer-access.js';
import { editCustomer } from '../customer-store.js';
import { customerRoutes } from '../manifest.js';

export const handler = route(customerRoutes.editCustomer, async ({ actor, params, body }) => {
  if (!isId(params.customerId)) throw new NotFoundError(records.customer);
  return json(200, await editCustomer(params.customerId, body, await customerViewerOf(actor), clockNow()));
});
