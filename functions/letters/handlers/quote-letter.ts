// GET /quotes/{quoteId}/letter (the printable letter) and POST /quotes/{quoteId}/posted (it went in the
// post), for a quote the caller sees; the record is replayed to a retry with the same key.
import { viewerOf } from '../../../shared/access.js';
import { json, route, routes } from '../../../shared/http.js';
import { quoteVisibleTo } from '../../quote-approval/public.js';
import { letterRoutes } from '../manifest.js';
import { quoteLetterPdf, recordQuotePosted } from '../quote-letter.js';

export const handler = routes([
  route(letterRoutes.getQuoteLetter, async ({ actor, params }) => {
    const { number, pdf } = await quoteLetterPdf(await quoteVisibleTo(await viewerOf(actor), params.quoteId));
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${number}-letter.pdf"`,
        'cache-control': 'no-store',
      },
      body: Buffer.from(pdf).toString('base64'),
      isBase64Encoded: true,
    };
  }),
  route(letterRoutes.postQuote, async ({ actor, params, body, once }) => {
    const quote = await quoteVisibleTo(await viewerOf(actor), params.quoteId);
    return json(
      200,
      await once({ ...params, ...body }, (record) => recordQuotePosted(quote, body.seq, actor.userId, record)),
    );
  }),
]);
