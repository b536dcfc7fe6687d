// GET /requests/{requestId} — the request with its number, its history, the customer's name and the
// contact details the dealer works it with, and the moves the caller may make. A request the caller
// may not see is "not found".
import { getCustomer } from '../../../shared/customer.js';
import { json, route } from '../../../shared/http.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { requestMoves } from '../domain/request-lifecycle.js';
import { requestRoutes } from '../manifest.js';
import { requestViewerOf, requestVisibleTo } from '../request-access.js';
import { getRequestHistory } from '../request-store.js';

export const handler = route(requestRoutes.getRequest, async ({ actor, params }) => {
  const found = await requestVisibleTo(await requestViewerOf(actor), params.requestId);
  const [history, customer] = await Promise.all([getRequestHistory(found), getCustomer(found.customerId)]);
  return json(200, {
    ...found,
    number: recordNumber('request', found.requestId),
    customer: customer && { name: customer.name, phone: customer.phone, email: customer.email },
    history,
    allowedMoves: requestMoves(found.status, actor.role),
  });
});
