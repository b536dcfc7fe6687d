// Whether a caller may see an order: a unit's key sees only the orders routed to its unit; for
// anyone else an order they may not see does not exist (the same 404 as a wrong id).
import { canManage, isId, type Viewer } from '../../shared/access.js';
import { itemVisibleTo } from '../../shared/customer.js';
import { onlyItsHandlers, records } from '../../shared/messages.js';
import { ForbiddenError, NotFoundError } from '../../shared/problems.js';
import { findOrder, type Order, orderOwnership } from './order-store.js';

/** An order the viewer may see (its unit, its quote's owner and team, the customer's relationship owners). */
export const orderVisibleTo = async (viewer: Viewer, orderId: string | undefined, change = false): Promise<Order> => {
  const found = isId(orderId) ? await findOrder(orderId) : undefined;
  if (!found || !(await itemVisibleTo(viewer, orderOwnership(found), found.customerId)))
    throw new NotFoundError(records.order);
  // The customer's relationship owners follow the item; only those it is given to move it.
  if (change && !canManage(viewer, orderOwnership(found))) throw new ForbiddenError(onlyItsHandlers);
  return found;
};
