// GET /quotes/{quoteId} (with its earlier versions listed and its order, once there is one),
// GET /quotes/{quoteId}/versions/{version} and GET /quotes/{quoteId}/pdf[?version=n].
import { type HttpEvent, httpHandler, json } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { quoteVisibleTo } from '../quote-access.js';
import { getOrder } from '../../order-routing/order-store.js';
import { getQuoteHistory, getQuoteVersion, type Quote } from '../quote-store.js';
import { pdfFileName, quotePdf } from '../send-quote.js';
import { staff } from '../staff.js';

const versionOf = async (quote: Quote, raw: string | undefined) => {
  if (raw === undefined) return quote;
  const version = /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  const found = version >= 1 && version <= quote.version ? await getQuoteVersion(quote, version) : undefined;
  if (!found) throw new NotFoundError(`Version ${raw} of the quote`);
  return found;
};

export const handler = httpHandler(async (event: HttpEvent) => {
  const viewer = await staff(event, 'quotes:read');
  const quote = await quoteVisibleTo(viewer, event.pathParameters?.quoteId);
  if (event.resource.endsWith('/pdf')) {
    const wanted = await versionOf(quote, event.queryStringParameters?.version);
    const pdf = await quotePdf(wanted);
    return {
      statusCode: 200,
      headers: {
        'content-type': 'application/pdf',
        'content-disposition': `inline; filename="${pdfFileName(wanted)}"`,
        'cache-control': 'no-store',
      },
      body: Buffer.from(pdf).toString('base64'),
      isBase64Encoded: true,
    };
  }
  if (event.pathParameters?.version !== undefined) return json(200, await versionOf(quote, event.pathParameters.version));
  const [order, history] = await Promise.all([
    quote.orderId ? getOrder(quote.customerId, quote.orderId) : undefined,
    getQuoteHistory(quote),
  ]);
  const versions = Array.from({ length: quote.version }, (_, i) => ({
    version: i + 1,
    href: `/quotes/${quote.quoteId}/versions/${i + 1}`,
  }));
  return json(200, { ...quote, versions, history, ...(order ? { order } : {}) });
});
