// What the firm's ERP posts back about an order: its invoice (number, e-Fatura or e-Arşiv id) and
// the payments it received. The ERP's own numbers identify them, so posting one again changes nothing.
import { currencySchema } from '../../../shared/money.js';
import * as z from '../../../shared/schema.js';
import { isoDateSchema } from '../../../shared/time.js';

const amount = z.int().check(z.gte(1), z.lte(1e13));

export const invoiceBodySchema = z.strictObject({
  orderId: z.requiredLine(64),
  invoiceNumber: z.requiredLine(40),
  /** The e-Fatura (to a registered taxpayer) or e-Arşiv (to anyone else) document's ETTN, a UUID. */
  eInvoiceType: z.enum(['e-fatura', 'e-arsiv']),
  eInvoiceId: z.uuid(),
  issuedOn: isoDateSchema,
  amount,
  currency: currencySchema,
});
export type InvoiceBody = z.infer<typeof invoiceBodySchema>;

export const paymentBodySchema = z.strictObject({
  orderId: z.requiredLine(64),
  paymentId: z.requiredLine(64),
  paidOn: isoDateSchema,
  amount,
  currency: currencySchema,
});
export type PaymentBody = z.infer<typeof paymentBodySchema>;

export interface Invoice extends InvoiceBody {
  customerId: string;
  postedAt: string;
}
export interface Payment extends PaymentBody {
  customerId: string;
  postedAt: string;
}

/** The same posting again: every field the ERP sent is what was recorded. */
export const samePosting = (stored: Record<string, unknown>, body: Record<string, unknown>) =>
  Object.entries(body).every(([field, value]) => stored[field] === value);
