// POST /quotes — a draft from the catalogue and a price list; a retry with the same Idempotency-Key
// returns the first draft instead of making a second.
import { viewerOf } from '../../../shared/access.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { getUser } from '../../../shared/directory.js';
import { header, json, route } from '../../../shared/http.js';
import { oncePerCaller } from '../../../shared/idempotency.js';
import { quoteRoutes } from '../manifest.js';
import { createQuote } from '../quotes.js';

export const handler = route(quoteRoutes.createQuote, async ({ actor, body: input }, event) => {
  const viewer = await viewerOf(actor);
  // A rep quotes only customers they may see; one they may not is "no such customer", as a wrong id is.
  await customerVisibleTo(viewer, input.customerId);
  const owner = { userId: actor.userId, teamId: viewer.teamId ?? (await getUser(actor.userId))?.teamId };
  const key = header(event, 'idempotency-key');
  const quote = await oncePerCaller(quoteRoutes.createQuote, actor, key, input, (record) =>
    createQuote(input, owner, new Date(), record),
  );
  return json(201, quote, { location: `/quotes/${quote.quoteId}` });
});
