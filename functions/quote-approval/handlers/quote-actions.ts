// POST /quotes/{quoteId}/submit | send | answer | revise — the owner's (or their manager's) moves.
// Each takes an optional `seq` (the change number the caller saw) and honours Idempotency-Key.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { type Actor, json, type Once, route, routes } from '../../../shared/http.js';
import type { Recorder } from '../../../shared/idempotency.js';
import { quoteRoutes } from '../manifest.js';
import { quoteChangeableBy } from '../quote-access.js';
import type { Quote } from '../quote-store.js';
import { answerQuote, refuseStaleQuote, reviseQuote, submitQuote } from '../quotes.js';
import { sendQuoteToCustomer } from '../send-quote.js';

type Body = { seq?: number; answer?: 'accepted' | 'declined' };
type Move = (quote: Quote, body: Body, actorId: string, record: Recorder) => Promise<Quote>;

const moves: Record<'submit' | 'send' | 'answer' | 'revise', Move> = {
  submit: (quote, { seq }, actorId, record) => submitQuote(quote, seq, clockNow(), { actorId, record }),
  send: (quote, { seq }) => {
    refuseStaleQuote(quote, seq);
    return sendQuoteToCustomer(quote, 'staff');
  },
  answer: (quote, { seq, answer }, actorId, record) =>
    answerQuote(quote, answer === 'accepted' ? 'accept' : 'decline', { via: 'staff', actorId, seq, record }),
  revise: (quote, { seq }, actorId, record) => reviseQuote(quote, seq, clockNow(), { actorId, record }),
};

/** Each route names its action; the Idempotency-Key record covers the quote, the action and the body. */
const moveBy =
  (action: keyof typeof moves, status: 200 | 201) =>
  async ({
    actor,
    params: { quoteId },
    body,
    once,
  }: {
    actor: Actor;
    params: { quoteId: string };
    body: Body;
    once: Once;
  }) => {
    const quote = await quoteChangeableBy(await viewerOf(actor), quoteId);
    const moved = await once({ quoteId, action, body }, (record) => moves[action](quote, body, actor.userId, record));
    return json(status, moved);
  };

export const handler = routes([
  route(quoteRoutes.submitQuote, moveBy('submit', 200)),
  route(quoteRoutes.sendQuote, moveBy('send', 200)),
  route(quoteRoutes.answerQuote, moveBy('answer', 200)),
  route(quoteRoutes.reviseQuote, moveBy('revise', 201)),
]);
