// GET /quote-links/answer?token= shows the customer the quote and one button (accept, or decline);
// POST records the answer. Used, expired, replaced or tampered links get a clear page and no change.

import { clockNow } from '../../../shared/clock.js';
import { getCustomer } from '../../../shared/customer.js';
import { route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { logger } from '../../../shared/observability.js';
import { ProblemError } from '../../../shared/problems.js';
import { isExpired } from '../domain/quote-expiry.js';
import { answerLink } from '../links.js';
import { quoteRoutes } from '../manifest.js';
import { getQuote, type Quote } from '../quote-store.js';
import { answerQuote, QuoteChangedError } from '../quotes.js';
import { type AnswerOutcome, answerOutcomePage, answerPage } from '../templates/link-pages.js';
import { customerView } from '../templates/quote-view.js';

/** Why a quote cannot take an answer from this link now; undefined if it can. */
const blocked = (quote: Quote, version: number, now: Date): AnswerOutcome | undefined => {
  if (quote.version !== version) return 'replaced';
  if (quote.status === 'accepted' || quote.status === 'declined') return 'answered';
  if (quote.status === 'expired' || (quote.status === 'sent' && isExpired(quote.validUntil, now))) return 'expired';
  if (quote.status !== 'sent') return 'closed';
  return undefined;
};

/** `posted` is the customer's button press, which records the answer; a GET only shows. */
const answer = async (token: string, posted: boolean) => {
  const link = await answerLink.read(token);
  if (!link.ok) return answerOutcomePage(defaultLanguage, link.reason);
  const { action, ...ref } = link.claims;
  const quote = await getQuote(ref.customerId, ref.quoteId);
  if (!quote) return answerOutcomePage(defaultLanguage, 'invalid');
  const now = clockNow();
  const why = blocked(quote, ref.version, now);
  if (why) return answerOutcomePage(quote.language, why);
  if (!posted) {
    const customer = await getCustomer(quote.customerId);
    return answerPage({ quote, customer: customerView(customer), action, token });
  }
  // A bookkeeping write (the mail being noted as sent) can slip in between read and write: try again once.
  for (let attempt = 0, current: Quote | undefined = quote; current; attempt++) {
    try {
      await answerQuote(current, action, { via: 'link' }, now);
      return answerOutcomePage(quote.language, action === 'accept' ? 'accepted' : 'declined');
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error;
      logger.info('answer link refused', { code: error.code, attempt });
      current = await getQuote(ref.customerId, ref.quoteId);
      const stopped = current && blocked(current, ref.version, clockNow());
      if (stopped || !current || !(error instanceof QuoteChangedError) || attempt > 0) {
        return answerOutcomePage(quote.language, stopped || 'closed');
      }
    }
  }
  return answerOutcomePage(quote.language, 'closed');
};

export const handler = routes([
  route(quoteRoutes.answerLinkPage, async ({ query }) => answer(query.token ?? '', false)),
  route(quoteRoutes.answerLinkAct, async ({ body }) => answer(body.token ?? '', true)),
]);
