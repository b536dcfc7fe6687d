// What other modules may use of order routing: orders as stored, the routing rules and how they
// choose a unit, and the revenue figures.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import './problems.js';

export { orderMoves, orderStatuses } from './domain/lifecycle.js';
export { revenue } from './domain/reports.js';
export {
  type OrderFacts,
  type RoutingDecision,
  type RoutingRule,
  type RoutingRules,
  route,
  type Skipped,
  servesCategory,
  unitsToLoad,
} from './domain/routing.js';
export { orderVisibleTo } from './order-access.js';
export { findOrder, getOrder, type Order, type OrderChannel, ordersIn } from './order-store.js';
export { type PlacedOrder, placedOrderItems } from './orders.js';
export { recordParts } from './record-part.js';
export { getRoutingRules, loadUnits } from './rules-store.js';
export { orderNumber } from './templates/order-view.js';
