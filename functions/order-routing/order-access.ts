// Whether a caller may see an order: a unit's key sees only the orders routed to its unit; for
// anyone else an order they may not see does not exist (the same 404 as a wrong id).
import { isId, type Viewer, visibleOr404 } from '../../shared/access.js';
import { findOrder, type Order, orderOwnership } from './order-store.js';
import { records } from '../../shared/messages.js';

export const orderVisibleTo = async (viewer: Viewer, orderId: string | undefined): Promise<Order> =>
  visibleOr404(viewer, isId(orderId) ? await findOrder(orderId) : undefined, orderOwnership, records.order);
