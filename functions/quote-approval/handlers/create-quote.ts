// POST /quotes — a draft from the catalogue and a price list; a retry with the same Idempotency-Key
// returns the first draft instead of making a second.
import type { Context } from 'aws-lambda';
import { getUser } from '../../../shared/directory.js';
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { type CreateQuoteInput, createQuoteSchema } from '../domain/quote-input.js';
import { createQuote, type Owner } from '../quotes.js';
import { bodyOf, oncePerKey, staff } from '../staff.js';

const create = oncePerKey('create-quote', ({ input, owner }: { input: CreateQuoteInput; owner: Owner }) => createQuote(input, owner));

export const handler = httpHandler(async (event: HttpEvent, context: Context) => {
  const viewer = await staff(event, 'quotes:write');
  const input = bodyOf(event, createQuoteSchema);
  const owner = { userId: viewer.actor.userId, teamId: viewer.teamId ?? (await getUser(viewer.actor.userId))?.teamId };
  const quote = await create(event, context, { input, owner }, input);
  return json(201, quote, { location: `/quotes/${quote.quoteId}` });
});
