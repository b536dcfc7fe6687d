// On QuoteApproved: send the quote to the customer (their language, PDF attached) → QuoteSent.
import { eventHandler } from '../../../shared/consumer.js';
import { logger } from '../../../shared/observability.js';
import { ProblemError } from '../../../shared/problems.js';
import { catalogue } from '../../event-table.js';
import { getQuote } from '../quote-store.js';
import { awaitsMail, sendQuoteToCustomer } from '../send-quote.js';

export const handler = eventHandler(catalogue.QuoteApproved, async ({ customerId, quoteId, quoteVersion }) => {
  const quote = await getQuote(customerId, quoteId);
  const due = quote && quote.version === quoteVersion && (quote.status === 'approved' || awaitsMail(quote));
  if (!due) return; // sent by staff (by mail or post), revised or erased meanwhile
  try {
    await sendQuoteToCustomer(quote, 'auto');
  } catch (error) {
    // A quote that cannot be sent (no e-mail address any more) stays approved for staff to handle;
    // retrying would not help. Anything else is thrown, to be retried.
    if (!(error instanceof ProblemError) || error.status >= 500) throw error;
    logger.warn('approved quote not sent', { quoteId, code: error.code });
  }
});
