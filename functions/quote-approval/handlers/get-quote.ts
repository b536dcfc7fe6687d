// GET /quotes/{quoteId} (with its earlier versions listed and its order, once there is one: the
// accepted version's lines and totals, which the order takes as quoted; its status is the order's page),
// GET /quotes/{quoteId}/versions/{version} and GET /quotes/{quoteId}/pdf[?version=n].

import { viewerOf } from '../../../shared/access.js';
import { type Actor, json, route, routes } from '../../../shared/http.js';
import { NotFoundError } from '../../../shared/problems.js';
import { quoteRoutes } from '../manifest.js';
import { quoteVisibleTo } from '../quote-access.js';
import { getQuoteHistory, getQuoteVersion, type Quote } from '../quote-store.js';
import { pdfFileName, quotePdf } from '../send-quote.js';

const versionOf = async (quote: Quote, raw: string | undefined) => {
  if (raw === undefined) return quote;
  const version = /^\d{1,4}$/.test(raw) ? Number(raw) : 0;
  const found = version >= 1 && version <= quote.version ? await getQuoteVersion(quote, version) : undefined;
  if (!found) throw new NotFoundError({ en: `Version ${raw} of the quote`, tr: `Teklifin ${raw}. sürümü` });
  return found;
};

const visible = async (actor: Actor, quoteId: string) => quoteVisibleTo(await viewerOf(actor), quoteId);

const pdf = route(quoteRoutes.getQuotePdf, async ({ actor, params, query }) => {
  const wanted = await versionOf(await visible(actor, params.quoteId), query.version);
  const bytes = await quotePdf(wanted);
  return {
    statusCode: 200,
    headers: {
      'content-type': 'application/pdf',
      'content-disposition': `inline; filename="${pdfFileName(wanted)}"`,
      'cache-control': 'no-store',
    },
    body: Buffer.from(bytes).toString('base64'),
    isBase64Encoded: true,
  };
});

const earlierVersion = route(quoteRoutes.getQuoteVersion, async ({ actor, params }) =>
  json(200, await versionOf(await visible(actor, params.quoteId), params.version)),
);

const current = route(quoteRoutes.getQuote, async ({ actor, params }) => {
  const quote = await visible(actor, params.quoteId);
  const history = await getQuoteHistory(quote);
  const { orderId, currency, lines, totals } = quote;
  const order = orderId ? { orderId, href: `/orders/${orderId}`, currency, lines, totals } : undefined;
  const versions = Array.from({ length: quote.version }, (_, i) => ({
    version: i + 1,
    href: `/quotes/${quote.quoteId}/versions/${i + 1}`,
  }));
  return json(200, { ...quote, versions, history, ...(order ? { order } : {}) });
});

export const handler = routes([current, earlierVersion, pdf]);
