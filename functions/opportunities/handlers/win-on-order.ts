// On OrderCreated from a quote: the quote's opportunity is won, once (if its acceptance has not won it already).
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { winFromQuote } from '../opportunities.js';

export const handler = eventHandler(catalogue.OrderCreated, async ({ customerId, quoteId }) => {
  if (quoteId) await winFromQuote(customerId, quoteId);
});
