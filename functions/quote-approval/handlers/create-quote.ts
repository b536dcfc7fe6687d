// POST /quotes — a draft from the catalogue and a price list; a retry with the same Idempotency-Key
// returns the first draft instead of making a second.
import { getUser } from '../../../shared/directory.js';
import { json, route } from '../../../shared/http.js';
import type { CreateQuoteInput } from '../domain/quote-input.js';
import { quoteRoutes } from '../manifest.js';
import { viewerOf } from '../quote-access.js';
import { createQuote, type Owner } from '../quotes.js';
import { oncePerKey } from '../staff.js';

const create = oncePerKey('create-quote', ({ input, owner }: { input: CreateQuoteInput; owner: Owner }) => createQuote(input, owner));

export const handler = route(quoteRoutes.createQuote, async ({ actor, body: input }, event, context) => {
  const viewer = await viewerOf(actor);
  const owner = { userId: viewer.actor.userId, teamId: viewer.teamId ?? (await getUser(viewer.actor.userId))?.teamId };
  const quote = await create(event, context, { input, owner }, input);
  return json(201, quote, { location: `/quotes/${quote.quoteId}` });
});
