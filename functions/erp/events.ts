// The events the ERP bridge publishes: ids, numbers and amounts; never the customer's name or tax number.
import { defineEvents, envelope, minor, nonNegativeInt, positiveInt } from '../../events/event.js';
import * as z from '../../shared/schema.js';

const orderRef = { orderId: z.string(), customerId: z.string() };
const purchaseStatus = z.enum(['open', 'ordered', 'received', 'cancelled']);
/** A purchase request, its order, and the unit it is routed to. */
const purchaseRef = { ...orderRef, purchaseRequestId: z.string(), unitId: z.string() };

export const events = defineEvents('crm.erp', {
  InvoicePosted: z.object({
    ...envelope,
    ...orderRef,
    invoiceNumber: z.string(),
    eInvoiceType: z.enum(['e-fatura', 'e-arsiv']),
    amount: minor,
    currency: z.string(),
  }),
  PaymentPosted: z.object({
    ...envelope,
    ...orderRef,
    paymentId: z.string(),
    amount: minor,
    currency: z.string(),
    paidOn: z.string(),
  }),
  /** An order's lines checked against the ERP's stock: how many products it reserved and how many to buy in. */
  StockChecked: z.object({
    ...envelope,
    ...orderRef,
    reserved: nonNegativeInt,
    purchaseRequests: nonNegativeInt,
    /** The tries it took: more than one when the ERP did not answer at first. */
    attempts: positiveInt,
  }),
  /** A product of an order the ERP cannot fill from stock, routed to the purchasing unit with its SLA. */
  PurchaseRequested: z.object({
    ...envelope,
    ...orderRef,
    purchaseRequestId: z.string(),
    sku: z.string(),
    quantity: positiveInt,
    unitId: z.string(),
    fallback: z.boolean(),
    dueAt: z.iso.datetime(),
  }),
  /** The purchasing unit let a purchase request's SLA pass unanswered. */
  PurchaseRequestOverdue: z.object({ ...envelope, ...purchaseRef, dueAt: z.iso.datetime() }),
  /** The purchasing unit moved a purchase request: ordered from a supplier, received, or cancelled. */
  PurchaseRequestMoved: z.object({
    ...envelope,
    ...purchaseRef,
    from: purchaseStatus,
    to: purchaseStatus,
    action: z.string(),
    actorId: z.string(),
  }),
  /** Every purchase request of an order received: the order's shortfall is cleared. */
  StockShortfallCleared: z.object({ ...envelope, ...orderRef }),
});
