// What other modules may use of analytics: what erasing a person does to its items, and what each
// customer bought by category and month (what segments by purchases read).
import './problems.js';

import type { ErasureContribution } from '../../shared/erasure.js';

/**
 * A customer's yearly figures and the markers of orders counted into them hold ids and amounts only:
 * an erasure keeps them, so revenue reports still add up after the person is gone.
 */
export const analyticsErasure: ErasureContribution = {
  keepsAsIs: ['customer-value', 'customer-purchases', 'order-value-applied'],
};

export { categoryKey, type MonthTally, type PurchaseHistory } from './domain/purchases.js';
export { purchaseHistories, purchaseHistoriesOf } from './value-store.js';
