// A dealer's active requests as its inbox shows them: each with its acceptance target in the dealer's
// working hours (while it waits to be accepted), the customer's name and the moves the reader may make.
import { getCustomer } from '../../shared/customer.js';
import type { Role } from '../../shared/http.js';
import { collectPages } from '../../shared/query.js';
import { requestMoves } from './domain/request-lifecycle.js';
import { listRequests } from './request-store.js';

const PAGE = 100;

export const unitRequests = async (unitId: string, role: Role, max = 500) => {
  const found = await collectPages(async (cursor) => {
    const page = await listRequests({ unitId, limit: PAGE, cursor });
    return { items: page.requests, next: page.next };
  }, max);
  return Promise.all(
    found.map(async (request) => ({
      request,
      customerName: (await getCustomer(request.customerId))?.name,
      // Only an open request has a target: accepted, it is the dealer's own appointment to keep.
      dueAt: request.status === 'open' ? request.acceptBy : undefined,
      allowedMoves: requestMoves(request.status, role),
    })),
  );
};
