// Orders in the one table, in their customer's partition. An order made from a quote takes the
// quote's id, so one accepted quote is one order whatever retries.
import { findById, transact } from '../../shared/db.js';
import { advance, defineEntity, fromItem } from '../../shared/entity.js';
import type { Language } from '../../shared/language.js';
import type { Money } from '../../shared/money.js';
import type { outboxPut } from '../../shared/outbox.js';
import { keys } from '../../shared/table.js';
import type { QuoteLine } from '../quote-approval/domain/quote-builder.js';
import { type Quote, quotes } from '../quote-approval/quote-store.js';

export interface Order {
  orderId: string;
  quoteId: string;
  quoteVersion: number;
  customerId: string;
  ownerId: string;
  teamId?: string;
  status: 'new';
  seq: number;
  currency: string;
  language: Language;
  lines: QuoteLine[];
  totals: Quote['totals'];
  grandTotalTry: Money;
  paymentPlan: Quote['paymentPlan'];
  createdAt: string;
}

export const orders = defineEntity<Order>({
  type: 'order',
  key: (o) => keys.order(o.customerId, o.orderId),
  indexes: (o) => keys.orderById(o.orderId),
});

export const getOrder = (customerId: string, orderId: string) => orders.get(keys.order(customerId, orderId));

export const findOrder = async (orderId: string) => {
  const item = await findById(keys.orderById(orderId));
  return item ? fromItem<Order>(item) : undefined;
};

/**
 * The order of an accepted quote, once: it is written only if absent, and the quote records it in
 * the same transaction, guarded by the quote's status and seq. A second attempt changes nothing.
 */
export const saveOrderFromQuote = async (quote: Quote, order: Order, event: ReturnType<typeof outboxPut>) =>
  (
    await transact([
      ...orders.createItems(order, { events: [event] }),
      ...quotes.moveItems(quote, advance(quote, { orderId: order.orderId })),
    ])
  ).ok;
