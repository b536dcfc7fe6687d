// POST /quotes/{quoteId}/submit | send | answer | revise — the owner's (or their manager's) moves.
// Each takes an optional `seq` (the change number the caller saw) and honours Idempotency-Key.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import { quoteChangeableBy } from '../quote-access.js';
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

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'quotes:write');
  const action = event.resource.split('/').at(-1) as Action;
  if (!Object.hasOwn(schemas, action)) throw new NotFoundError('This action');
  const body = bodyOf(event, schemas[action]);
  const quoteId = event.pathParameters?.quoteId;
  const quote = await quoteChangeableBy(viewer, quoteId);
  const actorId = viewer.actor.userId;
  const body2: { seq?: number; answer?: 'accepted' | 'declined' } = body;
  const moved = await oncePerKey(event, { quoteId, body }, (record) => {
    const who = { actorId, record };
    switch (action) {
      case 'submit':
        return submitQuote(quote, body2.seq, new Date(), who);
      case 'send':
        refuseStale(quote, body2.seq);
        return sendQuoteToCustomer(quote, 'staff');
      case 'answer':
        return answerQuote(quote, body2.answer === 'accepted' ? 'accept' : 'decline', { via: 'staff', actorId, seq: body2.seq, record });
      case 'revise':
        return reviseQuote(quote, body2.seq, new Date(), who);
    }
  });
  return json(action === 'revise' ? 201 : 200, moved);
});
