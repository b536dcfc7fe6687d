// The keys of what the ERP posts back, in the one table (its shape and the platform's keys: shared/table.ts).
// Partition: CUSTOMER#<id> ERP#INVOICE#<invoiceNumber> and ERP#PAYMENT#<paymentId> — the ERP's own
// numbers are the keys, so a number posted twice finds its item there and is recorded once.
// An order's stock check ERP#STOCK#<orderId> and its purchase requests ERP#PURCHASE#<orderId>#<sku>: one
// of each per order and product, whatever retries. Indexes: gsi1 UNIT#<unitId>#PURCHASES#<status> (a
// unit's purchase requests, oldest first), gsi3 PURCHASE#<id>; the due-time queues `erp-stock-retry`
// (checks waiting for the ERP) and `purchase-sla`.
import { type Key, timeOrdered } from '../../shared/table.js';

const customer = (customerId: string) => `CUSTOMER#${customerId}`;

export const erpKeys = {
  invoice: (customerId: string, invoiceNumber: string): Key => ({
    pk: customer(customerId),
    sk: `ERP#INVOICE#${invoiceNumber}`,
  }),
  payment: (customerId: string, paymentId: string): Key => ({
    pk: customer(customerId),
    sk: `ERP#PAYMENT#${paymentId}`,
  }),
  stockCheck: (customerId: string, orderId: string): Key => ({
    pk: customer(customerId),
    sk: `ERP#STOCK#${orderId}`,
  }),
  purchaseRequest: (customerId: string, orderId: string, sku: string): Key => ({
    pk: customer(customerId),
    sk: `ERP#PURCHASE#${orderId}#${sku}`,
  }),
  purchasesOfOrderPrefix: (orderId: string) => `ERP#PURCHASE#${orderId}#`,
  purchaseById: (purchaseRequestId: string) => ({ gsi3pk: `PURCHASE#${purchaseRequestId}`, gsi3sk: 'PURCHASE' }),
  /** A unit's purchase requests by status, oldest first: one unit's queue, written at its pace, unsharded. */
  purchasesByUnit: (unitId: string, status: string, requestedAt: string, purchaseRequestId: string) => ({
    gsi1pk: `UNIT#${unitId}#PURCHASES#${status}`,
    gsi1sk: timeOrdered(requestedAt, purchaseRequestId),
  }),
  purchasesByUnitPartition: (unitId: string, status: string) => `UNIT#${unitId}#PURCHASES#${status}`,
  invoicesPrefix: () => 'ERP#INVOICE#',
  paymentsPrefix: () => 'ERP#PAYMENT#',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'erp-invoice': true;
    'erp-payment': true;
    'erp-stock-check': true;
    'purchase-request': true;
  }
}
