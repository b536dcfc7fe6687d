// POST /quotes/preview — a draft's figures (lines, totals with KDV per rate, TRY equivalent, payment
// plan) and the rows the PDF prints, computed by the quote's own pricing and stored nowhere.
import { viewerOf } from '../../../shared/access.js';
import { customerVisibleTo } from '../../../shared/customer.js';
import { json, route } from '../../../shared/http.js';
import { quoteRoutes } from '../manifest.js';
import { previewQuote } from '../quotes.js';
import { quoteRows } from '../templates/quote-view.js';

export const handler = route(quoteRoutes.previewQuote, async ({ actor, body: input }) => {
  // A customer the rep may not see is "no such customer", as when creating the quote.
  await customerVisibleTo(await viewerOf(actor), input.customerId);
  const preview = await previewQuote(input);
  return json(200, { ...preview, rows: quoteRows(preview, preview.language) });
});
