// Orders in: today from accepted quotes. Routing to units, acknowledgement and SLAs build on this.
import { outboxPut } from '../../shared/outbox.js';
import type { Quote } from '../quote-approval/quote-store.js';
import { type Order, saveOrderFromQuote } from './order-store.js';

/** The order of an accepted quote: its id is the quote's, so it exists once whatever retries. */
export const orderFromQuote = async (quote: Quote, now = new Date()) => {
  if (quote.status !== 'accepted' || quote.orderId) return undefined;
  const order: Order = {
    orderId: quote.quoteId,
    quoteId: quote.quoteId,
    quoteVersion: quote.version,
    customerId: quote.customerId,
    ownerId: quote.ownerId,
    teamId: quote.teamId,
    status: 'new',
    seq: 1,
    currency: quote.currency,
    language: quote.language,
    lines: quote.lines,
    totals: quote.totals,
    grandTotalTry: quote.grandTotalTry,
    paymentPlan: quote.paymentPlan,
    createdAt: now.toISOString(),
  };
  const { totals } = quote;
  const event = outboxPut(
    'OrderCreated',
    {
      orderId: order.orderId,
      quoteId: quote.quoteId,
      quoteVersion: quote.version,
      customerId: quote.customerId,
      ownerId: quote.ownerId,
      currency: quote.currency,
      lines: quote.lines.map((l) => ({
        sku: l.sku,
        quantity: l.quantity,
        unitPrice: l.unitPrice.amount,
        discount: l.discount.amount,
        net: l.net.amount,
        tax: l.tax.amount,
        total: l.total.amount,
      })),
      totals: {
        subtotal: totals.subtotal.amount,
        discountTotal: totals.discountTotal.amount,
        netTotal: totals.netTotal.amount,
        taxTotal: totals.taxTotal.amount,
        grandTotal: totals.grandTotal.amount,
      },
      grandTotalTry: quote.grandTotalTry.amount,
    },
    now,
  );
  return (await saveOrderFromQuote(quote, order, event)) ? order : undefined;
};
