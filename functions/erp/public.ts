// What other modules may use of the ERP: its parts of the customer's record, and what erasure does to its
// stock items.
// Its problem codes are registered wherever another module uses it, so their titles render there too.
import type { ErasureContribution } from '../../shared/erasure.js';
import './problems.js';

export { recordParts } from './record-part.js';

/** An order's stock check and its purchase requests hold ids, products and counts, no personal data: kept. */
export const erpErasure: ErasureContribution = { keepsAsIs: ['erp-stock-check', 'purchase-request'] };

export { purchaseLifecycle } from './domain/purchase-lifecycle.js';
/** A unit's purchase requests that still need it, and the moves a role may make on one: its inbox shows them. */
export { activePurchaseRequests } from './purchases.js';
export type { PurchaseRequest } from './stock.js';
