// On QuoteAccepted: the quote's opportunity is won, once.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { winFromQuote } from '../opportunities.js';

export const handler = eventHandler(catalogue.QuoteAccepted, ({ customerId, quoteId }) =>
  winFromQuote(customerId, quoteId),
);
