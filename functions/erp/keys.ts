// The keys of what the ERP posts back, in the one table (its shape and the platform's keys: shared/table.ts).
// Partition: CUSTOMER#<id> ERP#INVOICE#<invoiceNumber> and ERP#PAYMENT#<paymentId> — the ERP's own
// numbers are the keys, so a number posted twice finds its item there and is recorded once.
import type { Key } from '../../shared/table.js';

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
  invoicesPrefix: () => 'ERP#INVOICE#',
  paymentsPrefix: () => 'ERP#PAYMENT#',
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'erp-invoice': true;
    'erp-payment': true;
  }
}
