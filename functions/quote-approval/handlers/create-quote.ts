// POST /quotes — a draft from the catalogue and a price list; a retry with the same Idempotency-Key
// returns the first draft instead of making a second.

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { json, route } from '../../../shared/http.js';
import { quoteRoutes } from '../manifest.js';
import { createQuote } from '../quotes.js';

export const handler = route(quoteRoutes.createQuote, async ({ actor, body: input, once }) => {
  const viewer = await viewerOf(actor);
  // A rep quotes only customers they may see; one they may not is "no such customer", as a wrong id is.
  await customerVisibleTo(viewer, input.customerId);
  const owner = { userId: actor.userId, teamId: viewer.teamId ?? (await getUser(actor.userId))?.teamId };
  const quote = await once(input, (record) => createQuote(input, owner, clockNow(), record));
  return json(201, quote, { location: `/quotes/${quote.quoteId}` });
});
