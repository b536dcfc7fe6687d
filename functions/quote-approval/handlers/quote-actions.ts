// POST /quotes/{quoteId}/submit | send | answer | revise — the owner's (or their manager's) moves.
// Each takes an optional `seq` (the change number the caller saw) and honours Idempotency-Key.
import type { Context } from 'aws-lambda';
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { quoteChangeableBy, type Viewer } from '../quote-access.js';
import { answerQuote, refuseStale, reviseQuote, submitQuote } from '../quotes.js';
import { sendQuoteToCustomer } from '../send-quote.js';
import { bodyOf, oncePerKey, staff } from '../staff.js';

const seq = z.optional(z.int().check(z.positive()));
const schemas = {
  submit: z.strictObject({ seq }),
  send: z.strictObject({ seq }),
  answer: z.strictObject({ answer: z.enum(['accepted', 'declined']), seq }),
  revise: z.strictObject({ seq }),
};
type Action = keyof typeof schemas;

interface Move {
  viewer: Viewer;
  quoteId?: string;
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

export const handler = httpHandler(async (event: HttpEvent, context: Context) => {
  const viewer = await staff(event, 'quotes:write');
  const action = event.resource.split('/').at(-1) as Action;
  if (!Object.hasOwn(schemas, action)) throw new NotFoundError('This action');
  const body = bodyOf(event, schemas[action]);
  const quoteId = event.pathParameters?.quoteId;
  const quote = await move(event, context, { viewer, quoteId, action, body }, { quoteId, action, body });
  return json(action === 'revise' ? 201 : 200, quote);
});
