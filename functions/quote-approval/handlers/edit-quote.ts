// PATCH /quotes/{quoteId} — change a draft; it is priced again from the catalogue as of today.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { quoteRoutes } from '../manifest.js';
import { quoteChangeableBy } from '../quote-access.js';
import { editQuote } from '../quotes.js';

export const handler = route(quoteRoutes.editQuote, async ({ actor, params, body: patch }) => {
  const quote = await quoteChangeableBy(await viewerOf(actor), params.quoteId);
  return json(200, await editQuote(quote, patch, clockNow(), { actorId: actor.userId }));
});
