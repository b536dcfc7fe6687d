// To the quote's owner: a step was rejected, or the customer has not answered for a while.
import { mailLayout, safeHtml } from '../../../shared/html.js';
import type { RenderedMail } from '../../../shared/mail.js';
import { formatMoney } from '../../../shared/money.js';
import type { Quote } from '../quote-store.js';
import { type CustomerView, formatDate, type Language, quoteNumber } from './quote-view.js';

const who = (c: CustomerView) => (c.company ? `${c.company} (${c.name})` : c.name);

const notice = (language: Language, subject: string, paragraphs: string[], link: string): RenderedMail => ({
  subject,
  text: [...paragraphs, '', link].join('\n\n'),
  html: mailLayout(language, safeHtml`${paragraphs.map((p) => safeHtml`<p style="white-space:pre-wrap">${p}</p>`)}<p><a href="${link}">${link}</a></p>`),
});

export const rejectionNotice = (
  language: Language,
  v: { quote: Quote; customer: CustomerView; approverName: string; reason: string; link: string },
): RenderedMail =>
  language === 'tr'
    ? notice(
        'tr',
        `Teklif reddedildi: ${quoteNumber(v.quote)}`,
        [
          `${who(v.customer)} için hazırladığınız ${quoteNumber(v.quote)} teklifini (${formatMoney(v.quote.totals.grandTotal, 'tr')}) ${v.approverName} reddetti.`,
          `Gerekçe: ${v.reason}`,
          'Teklifi revize edip yeniden onaya gönderebilirsiniz.',
        ],
        v.link,
      )
    : notice(
        'en',
        `Quote rejected: ${quoteNumber(v.quote)}`,
        [
          `${v.approverName} rejected your quote ${quoteNumber(v.quote)} for ${who(v.customer)} (${formatMoney(v.quote.totals.grandTotal, 'en')}).`,
          `Reason: ${v.reason}`,
          'You can revise the quote and submit it again.',
        ],
        v.link,
      );

export const followUpNotice = (language: Language, v: { quote: Quote; customer: CustomerView; days: number; link: string }): RenderedMail =>
  language === 'tr'
    ? notice(
        'tr',
        `Yanıt bekleyen teklif: ${quoteNumber(v.quote)}`,
        [
          `${who(v.customer)} ${v.days} gündür ${quoteNumber(v.quote)} teklifini (${formatMoney(v.quote.totals.grandTotal, 'tr')}) yanıtlamadı.`,
          `Teklif ${formatDate(v.quote.validUntil, 'tr')} tarihine kadar geçerli. Müşteriyi aramanın tam zamanı.`,
        ],
        v.link,
      )
    : notice(
        'en',
        `Quote awaiting an answer: ${quoteNumber(v.quote)}`,
        [
          `${who(v.customer)} has not answered quote ${quoteNumber(v.quote)} (${formatMoney(v.quote.totals.grandTotal, 'en')}) for ${v.days} days.`,
          `It is valid until ${formatDate(v.quote.validUntil, 'en')}. A good moment to call them.`,
        ],
        v.link,
      );
