// POST /quotes/{quoteId}/submit | send | answer | revise — the owner's (or their manager's) moves.
// Each takes an optional `seq` (the change number the caller saw) and honours Idempotency-Key.
import type { Context } from 'aws-lambda';
import { type Actor, type HttpEvent, json, route, routes } from '../../../shared/http.js';
import { quoteRoutes } from '../manifest.js';
import { quoteChangeableBy, type Viewer, viewerOf } from '../quote-access.js';
import { answerQuote, refuseStale, reviseQuote, submitQuote } from '../quotes.js';
import { sendQuoteToCustomer } from '../send-quote.js';
import { oncePerKey } from '../staff.js';

type Action = 'submit' | 'send' | 'answer' | 'revise';

interface Move {
  viewer: Viewer;
  quoteId: string;
  action: Action;
  body: { seq?: number; answer?: 'accepted' | 'declined' };
}

const move = oncePerKey('quote-action', async ({ viewer, quoteId, action, body }: Move) => {
  const quote = await quoteChangeableBy(viewer, quoteId);
  const actorId = viewer.actor.userId;
  switch (action) {
    case 'submit':
      return submitQuote(quote, body.seq);
    case 'send':
      refuseStale(quote, body.seq);
      return sendQuoteToCustomer(quote, 'staff');
    case 'answer':
      return answerQuote(quote, body.answer === 'accepted' ? 'accept' : 'decline', { via: 'staff', actorId, seq: body.seq });
    case 'revise':
      return reviseQuote(quote, body.seq);
  }
});

/** Each route names its action; the Idempotency-Key record covers the quote, the action and the body. */
const moveBy =
  (action: Action, status: 200 | 201) =>
  async (
    { actor, params: { quoteId }, body }: { actor: Actor; params: { quoteId: string }; body: Move['body'] },
    event: HttpEvent,
    context: Context,
  ) => {
    const viewer = await viewerOf(actor);
    return json(status, await move(event, context, { viewer, quoteId, action, body }, { quoteId, action, body }));
  };

export const handler = routes([
  route(quoteRoutes.submitQuote, moveBy('submit', 200)),
  route(quoteRoutes.sendQuote, moveBy('send', 200)),
  route(quoteRoutes.answerQuote, moveBy('answer', 200)),
  route(quoteRoutes.reviseQuote, moveBy('revise', 201)),
]);
