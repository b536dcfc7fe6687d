// POST /quotes — a draft from the catalogue and a price list; a retry with the same Idempotency-Key
// returns the first draft instead of making a second.
import { customerVisibleTo } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { createQuoteSchema } from '../domain/quote-input.js';
import { createQuote } from '../quotes.js';
import { bodyOf, oncePerKey, staff } from '../staff.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'quotes:write');
  const input = bodyOf(event, createQuoteSchema);
  // A rep quotes only customers they may see; one they may not is "no such customer", as a wrong id is.
  await customerVisibleTo(viewer, input.customerId);
  const owner = { userId: viewer.actor.userId, teamId: viewer.teamId ?? (await getUser(viewer.actor.userId))?.teamId };
  const quote = await oncePerKey(event, input, (record) => createQuote(input, owner, new Date(), record));
  return json(201, quote, { location: `/quotes/${quote.quoteId}` });
});
