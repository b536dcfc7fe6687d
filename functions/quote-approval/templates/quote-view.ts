// What a quote looks like to a reader, in Turkish or English: the rows and totals every rendering
// (customer mail, PDF, approval mail and page) shows, formatted once here.

import type { Customer } from '../../../shared/customer.js';
import { type SafeHtml, safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import type { Texts } from '../../../shared/messages.js';
import { add, formatMoney, formatPercent, type Money, subtract } from '../../../shared/money.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { quantityIn } from '../../catalogue/public.js';
import type { QuoteStatus } from '../domain/lifecycle.js';
import type { Quote } from '../quote-store.js';

export const labels = {
  tr: {
    quote: 'Teklif',
    quoteNo: 'Teklif no',
    revision: 'Revizyon',
    date: 'Tarih',
    validUntil: 'Geçerlilik',
    customer: 'Müşteri',
    product: 'Ürün',
    quantity: 'Miktar',
    unitPrice: 'Birim fiyat',
    discount: 'İndirim',
    amount: 'Tutar',
    taxRate: 'KDV',
    subtotal: 'Ara toplam',
    discountTotal: 'İndirim',
    netTotal: 'Net toplam',
    taxAt: (rate: string) => `KDV (${rate})`,
    grandTotal: 'Genel toplam',
    tryEquivalent: (rate: string) => `TL karşılığı (kur ${rate})`,
    paymentPlan: 'Ödeme planı',
    dueDate: 'Vade',
    notes: 'Notlar',
    quoteDiscount: (rate: string) => `Teklif indirimi (${rate})`,
    deliveryTerms: 'Teslim koşulları',
    margin: 'Kâr marjı',
    page: (n: number, of: number) => `Sayfa ${n} / ${of}`,
  },
  en: {
    quote: 'Quotation',
    quoteNo: 'Quote no',
    revision: 'Revision',
    date: 'Date',
    validUntil: 'Valid until',
    customer: 'Customer',
    product: 'Product',
    quantity: 'Quantity',
    unitPrice: 'Unit price',
    discount: 'Discount',
    amount: 'Amount',
    taxRate: 'VAT',
    subtotal: 'Subtotal',
    discountTotal: 'Discount',
    netTotal: 'Net total',
    taxAt: (rate: string) => `VAT (${rate})`,
    grandTotal: 'Total',
    tryEquivalent: (rate: string) => `In TRY (rate ${rate})`,
    paymentPlan: 'Payment plan',
    dueDate: 'Due',
    notes: 'Notes',
    quoteDiscount: (rate: string) => `Quote discount (${rate})`,
    deliveryTerms: 'Delivery terms',
    margin: 'Margin',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

export const statusNames: Texts<QuoteStatus> = {
  draft: { tr: 'taslak', en: 'a draft' },
  submitted: { tr: 'onaya gönderildi', en: 'submitted' },
  pending_approval: { tr: 'onay bekliyor', en: 'awaiting approval' },
  approved: { tr: 'onaylandı', en: 'approved' },
  rejected: { tr: 'onaylanmadı', en: 'rejected' },
  sent: { tr: 'müşteriye gönderildi', en: 'sent to the customer' },
  accepted: { tr: 'kabul edildi', en: 'accepted' },
  declined: { tr: 'müşteri kabul etmedi', en: 'declined by the customer' },
  expired: { tr: 'süresi doldu', en: 'expired' },
};

/** A calendar date as people read it: 23.11.2026 in Turkish, 23 Nov 2026 in English. */
export const formatDate = (date: string, language: Language) =>
  new Intl.DateTimeFormat(language === 'tr' ? 'tr-TR' : 'en-GB', {
    day: language === 'tr' ? '2-digit' : 'numeric',
    month: language === 'tr' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${date}T00:00:00Z`));

/** The short reference people quote on the phone: the end of the ULID, which is its random part. */
export const quoteNumber = (quote: Pick<Quote, 'quoteId' | 'version'>) => recordNumber('quote', quote.quoteId);

export interface CustomerView {
  name: string;
  company?: string;
}

/** What a quote shows of its customer; an erased customer shows as nobody. */
export const customerView = (customer: Customer | undefined): CustomerView => ({
  name: customer?.name ?? '',
  company: (customer as (Customer & { company?: string }) | undefined)?.company,
});

export interface QuoteRows {
  lines: {
    name: string;
    sku: string;
    quantity: string;
    unitPrice: string;
    discount: string;
    amount: string;
    taxRate: string;
  }[];
  totals: { label: string; value: string; strong?: boolean }[];
  plan: { dueDate: string; amount: string }[];
}

/** What the rows are drawn from: a stored quote, or a preview's figures that were never stored. */
export type QuoteFiguresView = Pick<
  Quote,
  'lines' | 'totals' | 'currency' | 'rateToTry' | 'grandTotalTry' | 'paymentPlan' | 'quoteDiscountBp'
>;

export const quoteRows = (quote: QuoteFiguresView, language: Language): QuoteRows => {
  const t = labels[language];
  const money = (m: Money) => formatMoney(m, language);
  const { totals } = quote;
  // A quote discount shows as its own total row: the lines show their amounts after their own discount.
  const quoteDiscount = totals.quoteDiscountTotal;
  const lineDiscounts = quoteDiscount ? subtract(totals.discountTotal, quoteDiscount) : totals.discountTotal;
  return {
    lines: quote.lines.map((line) => ({
      name: line.name[language],
      sku: line.sku,
      quantity: quantityIn(line.quantity, line.unit, language),
      unitPrice: money(line.unitPrice),
      discount: line.discountBp ? formatPercent(line.discountBp, language) : '',
      amount: money(line.quoteDiscount ? add(line.net, line.quoteDiscount) : line.net),
      taxRate: formatPercent(line.taxRateBp, language),
    })),
    totals: [
      { label: t.subtotal, value: money(totals.subtotal) },
      ...(lineDiscounts.amount ? [{ label: t.discountTotal, value: `−${money(lineDiscounts)}` }] : []),
      ...(quoteDiscount?.amount
        ? [
            {
              label: t.quoteDiscount(formatPercent(quote.quoteDiscountBp ?? 0, language)),
              value: `−${money(quoteDiscount)}`,
            },
          ]
        : []),
      { label: t.netTotal, value: money(totals.netTotal) },
      ...totals.taxByRate.map((r) => ({ label: t.taxAt(formatPercent(r.taxRateBp, language)), value: money(r.tax) })),
      { label: t.grandTotal, value: money(totals.grandTotal), strong: true },
      ...(quote.currency === 'TRY'
        ? []
        : [{ label: t.tryEquivalent(quote.rateToTry), value: money(quote.grandTotalTry) }]),
    ],
    plan: quote.paymentPlan.map((p) => ({ dueDate: formatDate(p.dueDate, language), amount: money(p.amount) })),
  };
};

const cell = 'padding:8px 6px;border-bottom:1px solid #e4e7eb;vertical-align:top';
const num = `${cell};text-align:right;white-space:nowrap`;
const small = 'color:#52606d;font-size:13px';

/**
 * The quote as HTML with inline styles, for mail and pages alike. Two columns, so that it reads on
 * a phone: what and how much on the left (quantity × unit price, discount), the amount on the right.
 */
export const quoteTableHtml = (quote: Quote, language: Language): SafeHtml => {
  const t = labels[language];
  const rows = quoteRows(quote, language);
  return safeHtml`<table style="border-collapse:collapse;width:100%;font-size:15px">
<thead><tr style="background:#f5f7fa"><th style="${cell};text-align:left">${t.product}</th><th style="${num}">${t.amount}</th></tr></thead>
<tbody>${rows.lines.map(
    (l) =>
      safeHtml`<tr><td style="${cell}">${l.name}<br><span style="${small}">${l.quantity} × ${l.unitPrice}${
        l.discount ? safeHtml` · ${t.discount} ${l.discount}` : ''
      }</span><br><span style="color:#7b8794;font-size:12px">${l.sku} · ${t.taxRate} ${l.taxRate}</span></td><td style="${num}">${l.amount}</td></tr>`,
  )}</tbody></table>
<table style="border-collapse:collapse;margin:12px 0 0 auto;font-size:15px">${rows.totals.map(
    (r) =>
      safeHtml`<tr><td style="padding:3px 12px 3px 0;text-align:right${r.strong ? ';font-weight:bold' : ''}">${r.label}</td><td style="padding:3px 0;text-align:right;white-space:nowrap${r.strong ? ';font-weight:bold' : ''}">${r.value}</td></tr>`,
  )}</table>${
    rows.plan.length
      ? safeHtml`<h3 style="font-size:15px;margin:16px 0 4px">${t.paymentPlan}</h3><table style="border-collapse:collapse;font-size:15px">${rows.plan.map(
          (p) =>
            safeHtml`<tr><td style="padding:2px 16px 2px 0">${p.dueDate}</td><td style="padding:2px 0;text-align:right">${p.amount}</td></tr>`,
        )}</table>`
      : ''
  }`;
};

/** The same in plain text, for the text part of a mail. */
export const quoteTableText = (quote: Quote, language: Language): string => {
  const t = labels[language];
  const rows = quoteRows(quote, language);
  return [
    ...rows.lines.map(
      (l) =>
        `- ${l.name} (${l.sku}): ${l.quantity} × ${l.unitPrice}${l.discount ? `, −${l.discount}` : ''} = ${l.amount}`,
    ),
    '',
    ...rows.totals.map((r) => `${r.label}: ${r.value}`),
    ...(rows.plan.length ? ['', `${t.paymentPlan}:`, ...rows.plan.map((p) => `  ${p.dueDate}  ${p.amount}`)] : []),
  ].join('\n');
};

export const button = (href: string, text: string, colour = '#0b6e4f') =>
  safeHtml`<a href="${href}" style="display:inline-block;padding:12px 20px;margin:4px 8px 4px 0;background:${colour};color:#fff;text-decoration:none;border-radius:6px">${text}</a>`;
