// PATCH /quotes/{quoteId} — change a draft; it is priced again from the catalogue as of today.
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { editQuoteSchema } from '../domain/quote-input.js';
import { quoteChangeableBy } from '../quote-access.js';
import { editQuote } from '../quotes.js';
import { bodyOf, staff } from '../staff.js';

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'quotes:write');
  const patch = bodyOf(event, editQuoteSchema);
  const quote = await quoteChangeableBy(viewer, event.pathParameters?.quoteId);
  return json(200, await editQuote(quote, patch, new Date(), { actorId: viewer.actor.userId }));
});
