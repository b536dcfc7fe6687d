// The mail the purchasing unit gets for a new purchase request: which order, which product, how many
// to buy in and by when purchasing owes an answer, and a link to it in the staff console. No customer
// detail: purchasing buys for an order, it does not deal with the customer.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { consoleLink, defineTemplate } from '../../../shared/templates.js';
import { istanbulDateTime } from '../../../shared/time.js';
import type { PurchaseRequest } from '../stock.js';

export interface PurchaseMailVars {
  request: PurchaseRequest;
}

const words = {
  tr: {
    subject: 'Yeni satın alma talebi',
    intro: 'Bir siparişin stokta karşılanamayan kalemi için satın alma talebi açıldı.',
    labels: {
      order: 'Sipariş',
      sku: 'Ürün kodu',
      buy: 'Alınacak',
      ordered: 'Sipariş edilen',
      stock: 'Stokta',
      due: 'Yanıt süresi',
    },
    button: 'Talebi açın',
    reference: 'CRM konsolunda gelen kutunuzda açın:',
    search: 'gelen kutunuzda sipariş numarasıyla arayın.',
  },
  en: {
    subject: 'New purchase request',
    intro: "A purchase request was opened for an order's line the stock cannot fill.",
    labels: {
      order: 'Order',
      sku: 'Product code',
      buy: 'To buy',
      ordered: 'Ordered',
      stock: 'In stock',
      due: 'Answer by',
    },
    button: 'Open the request',
    reference: 'Open it in your inbox in the CRM console:',
    search: 'search your inbox for the order number.',
  },
} as const;

const button =
  'display:inline-block;padding:14px 22px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:6px';

const orderNumberOf = (v: PurchaseMailVars) => recordNumber('order', v.request.orderId);

const facts = (v: PurchaseMailVars, language: Language): [string, string][] => {
  const { labels } = words[language];
  const r = v.request;
  return [
    [labels.order, orderNumberOf(v)],
    [labels.sku, r.sku],
    [labels.buy, String(r.quantity)],
    [labels.ordered, String(r.ordered)],
    [labels.stock, String(r.available)],
    [labels.due, istanbulDateTime(r.dueAt, language)],
  ];
};

const version = (language: Language) => {
  const w = words[language];
  const link = (v: PurchaseMailVars) => consoleLink('purchase', orderNumberOf(v));
  const reference = (v: PurchaseMailVars) => `${w.reference} ${link(v) ?? w.search}`;
  return {
    subject: (v: PurchaseMailVars) => `${w.subject}: ${v.request.sku} × ${v.request.quantity} (${orderNumberOf(v)})`,
    text: (v: PurchaseMailVars) =>
      [w.intro, '', ...facts(v, language).map(([label, value]) => `${label}: ${value}`), '', reference(v)].join('\n'),
    html: (v: PurchaseMailVars) => {
      const url = link(v);
      return safeHtml`<p>${w.intro}</p><dl>${facts(v, language).map(
        ([label, value]) =>
          safeHtml`<dt style="font-weight:bold">${label}</dt><dd style="margin:0 0 8px 0">${value}</dd>`,
      )}</dl>${
        url ? safeHtml`<p><a href="${url}" style="${button}">${w.button}</a></p>` : ''
      }<p style="color:#52606d;font-size:13px">${reference(v)}</p>`;
    },
  };
};

export const purchaseRequestMail = defineTemplate<PurchaseMailVars>({
  name: 'purchase-request',
  optional: [],
  tr: version('tr'),
  en: version('en'),
});
