// How an agreement reads, in Turkish and English: its labels, its facts as rows and its terms as
// lines. The PDF, the customer's mail and the acceptance page all show it from here.
import type { Language } from '../../../shared/language.js';
import { formatMoney, formatPercent } from '../../../shared/money.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import type { Agreement } from '../domain/agreement.js';

export const words = {
  tr: {
    kinds: { contract: 'Sözleşme', framework: 'Çerçeve satış sözleşmesi' },
    seller: 'Satıcı',
    buyer: 'Alıcı',
    number: 'Sözleşme no',
    validity: 'Geçerlilik',
    terms: 'Koşullar',
    prices: 'Anlaşılan fiyatlar ve indirimler',
    commitments: 'Hacim taahhütleri',
    schedule: 'Dönemsel sipariş',
    monthly: (day: number) => `Her ayın ${day}. günü`,
    category: 'Kategori',
    discount: 'indirim',
    page: (n: number, of: number) => `Sayfa ${n} / ${of}`,
  },
  en: {
    kinds: { contract: 'Contract', framework: 'Framework sales agreement' },
    seller: 'Seller',
    buyer: 'Buyer',
    number: 'Agreement no',
    validity: 'Valid',
    terms: 'Terms',
    prices: 'Agreed prices and discounts',
    commitments: 'Volume commitments',
    schedule: 'Periodic order',
    monthly: (day: number) => `Day ${day} of every month`,
    category: 'Category',
    discount: 'discount',
    page: (n: number, of: number) => `Page ${n} of ${of}`,
  },
} as const;

export const agreementNumber = (a: Pick<Agreement, 'agreementId'>) => recordNumber('agreement', a.agreementId);

/** `2027-03-31` as people there write it: 31.03.2027, or 31 Mar 2027. */
export const dayText = (date: string, language: Language) =>
  new Date(`${date}T12:00:00Z`).toLocaleDateString(language === 'tr' ? 'tr-TR' : 'en-GB', {
    day: 'numeric',
    month: language === 'tr' ? '2-digit' : 'short',
    year: 'numeric',
    timeZone: 'UTC',
  });

export const validityText = (a: Agreement, language: Language) =>
  `${dayText(a.validFrom, language)} – ${dayText(a.validUntil, language)}`;

/** Each agreed price or discount as one line. */
export const priceLines = (a: Agreement, language: Language) => {
  const w = words[language];
  return a.prices.map((p) => {
    const what = p.sku ?? `${w.category} ${p.category}`;
    if (p.unitPrice) return `${what}: ${formatMoney(p.unitPrice, language)}`;
    return `${what}: ${formatPercent(p.discountBp ?? 0, language)} ${w.discount}`;
  });
};

export const commitmentLines = (a: Agreement, language: Language) =>
  a.commitments.map((c) => `${c.sku ?? `${words[language].category} ${c.category}`}: ${c.quantity}`);

export const scheduleLines = (a: Agreement, language: Language) =>
  a.schedule
    ? [words[language].monthly(a.schedule.dayOfMonth), ...a.schedule.lines.map((l) => `${l.sku} × ${l.quantity}`)]
    : [];

/** The agreement's sections as heading and text, for the PDF and the acceptance page. */
export const sections = (a: Agreement, language: Language): [string, string][] => {
  const w = words[language];
  const out: [string, string[]][] = [
    [w.terms, [a.terms]],
    [w.prices, priceLines(a, language)],
    [w.commitments, commitmentLines(a, language)],
    [w.schedule, scheduleLines(a, language)],
  ];
  return out.filter(([, lines]) => lines.length > 0).map(([heading, lines]) => [heading, lines.join('\n')]);
};
