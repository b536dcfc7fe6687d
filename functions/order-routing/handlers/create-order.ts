// On QuoteAccepted: the order, exactly once (OrderCreated), with the quote's lines, totals and currency.
// Idempotent by its write: the order is put only if absent, with the quote's seq as guard.
import { eventHandler } from '../../../shared/consumer.js';
import { logger } from '../../../shared/observability.js';
import { catalogue } from '../../event-table.js';
import { getQuote } from '../../quote-approval/public.js';
import { orderFromQuote } from '../orders.js';

export const handler = eventHandler(catalogue.QuoteAccepted, async ({ customerId, quoteId, quoteVersion }) => {
  const quote = await getQuote(customerId, quoteId);
  if (!quote || quote.version !== quoteVersion || quote.orderId) return;
  const order = await orderFromQuote(quote);
  if (!order) logger.info('order exists already', { quoteId });
});
