// The customer record's ERP parts: the invoices and the payments the ERP posted onto their orders.
import { recordPart } from '../../shared/record-part.js';
import * as z from '../../shared/schema.js';
import type { Invoice, Payment } from './domain/postings.js';
import { erpKeys } from './keys.js';

const money = z.strictObject({ amount: z.int(), currency: z.string() });

export const invoicesRecordPart = recordPart({
  prefix: erpKeys.invoicesPrefix(),
  type: 'erp-invoice',
  schema: z.strictObject({
    orderId: z.string(),
    invoiceNumber: z.string(),
    eInvoiceType: z.enum(['e-fatura', 'e-arsiv']),
    eInvoiceId: z.string(),
    issuedOn: z.string(),
    amount: money,
  }),
  summary: (invoice: Invoice) => ({
    orderId: invoice.orderId,
    invoiceNumber: invoice.invoiceNumber,
    eInvoiceType: invoice.eInvoiceType,
    eInvoiceId: invoice.eInvoiceId,
    issuedOn: invoice.issuedOn,
    amount: { amount: invoice.amount, currency: invoice.currency },
  }),
  // Commercial and tax law keep an invoice for ten years: it holds no personal field of its own.
  erase: (invoice: Invoice) => ({ keep: invoice }),
});

export const paymentsRecordPart = recordPart({
  prefix: erpKeys.paymentsPrefix(),
  type: 'erp-payment',
  schema: z.strictObject({ orderId: z.string(), paymentId: z.string(), paidOn: z.string(), amount: money }),
  summary: (payment: Payment) => ({
    orderId: payment.orderId,
    paymentId: payment.paymentId,
    paidOn: payment.paidOn,
    amount: { amount: payment.amount, currency: payment.currency },
  }),
  erase: (payment: Payment) => ({ keep: payment }),
});

/** The parts this module contributes to the customer record, by the names its manifest declares. */
export const recordParts = { invoices: invoicesRecordPart, payments: paymentsRecordPart };
