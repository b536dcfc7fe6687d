// To the quote's owner: a step was rejected, or the customer has not answered for a while. The
// mail names the quote and how to open it; it links nowhere a browser would get a 401.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney } from '../../../shared/money.js';
import { defineTemplate, recordReference, type TemplateVersion } from '../../../shared/templates.js';
import type { Quote } from '../quote-store.js';
import { type CustomerView, formatDate, quoteNumber } from './quote-view.js';

const who = (c: CustomerView) => (c.company ? `${c.company} (${c.name})` : c.name);

/** Paragraphs, then where the quote is. */
const notice = <V extends { quote: Quote }>(
  language: Language,
  subject: (v: V) => string,
  paragraphs: (v: V) => string[],
): TemplateVersion<V> => {
  const all = (v: V) => [...paragraphs(v), recordReference(language, 'quote', v.quote.quoteId)];
  return {
    subject,
    text: (v) => all(v).join('\n\n'),
    html: (v) => safeHtml`${all(v).map((p) => safeHtml`<p style="white-space:pre-wrap">${p}</p>`)}`,
  };
};

interface RejectionVars {
  quote: Quote;
  customer: CustomerView;
  approverName: string;
  reason: string;
}

export const rejectionNotice = defineTemplate<RejectionVars>({
  name: 'quote-rejection-notice',
  optional: [],
  tr: notice(
    'tr',
    (v) => `Teklif reddedildi: ${quoteNumber(v.quote)}`,
    (v) => [
      `${who(v.customer)} için hazırladığınız ${quoteNumber(v.quote)} teklifini (${formatMoney(v.quote.totals.grandTotal, 'tr')}) ${v.approverName} reddetti.`,
      `Gerekçe: ${v.reason}`,
      'Teklifi revize edip yeniden onaya gönderebilirsiniz.',
    ],
  ),
  en: notice(
    'en',
    (v) => `Quote rejected: ${quoteNumber(v.quote)}`,
    (v) => [
      `${v.approverName} rejected your quote ${quoteNumber(v.quote)} for ${who(v.customer)} (${formatMoney(v.quote.totals.grandTotal, 'en')}).`,
      `Reason: ${v.reason}`,
      'You can revise the quote and submit it again.',
    ],
  ),
});

interface FollowUpVars {
  quote: Quote;
  customer: CustomerView;
  days: number;
}

export const followUpNotice = defineTemplate<FollowUpVars>({
  name: 'quote-follow-up-notice',
  optional: [],
  tr: notice(
    'tr',
    (v) => `Yanıt bekleyen teklif: ${quoteNumber(v.quote)}`,
    (v) => [
      `${who(v.customer)} ${v.days} gündür ${quoteNumber(v.quote)} teklifini (${formatMoney(v.quote.totals.grandTotal, 'tr')}) yanıtlamadı.`,
      `Teklif ${formatDate(v.quote.validUntil, 'tr')} tarihine kadar geçerli. Müşteriyi aramanın tam zamanı.`,
    ],
  ),
  en: notice(
    'en',
    (v) => `Quote awaiting an answer: ${quoteNumber(v.quote)}`,
    (v) => [
      `${who(v.customer)} has not answered quote ${quoteNumber(v.quote)} (${formatMoney(v.quote.totals.grandTotal, 'en')}) for ${v.days} days.`,
      `It is valid until ${formatDate(v.quote.validUntil, 'en')}. A good moment to call them.`,
    ],
  ),
});
