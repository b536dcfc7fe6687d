// The quote as the customer receives it, in the quote's language, with the PDF attached by the sender.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney } from '../../../shared/money.js';
import { defineTemplate, type TemplateVersion } from '../../../shared/templates.js';
import type { Quote } from '../quote-store.js';
import { button, type CustomerView, formatDate, quoteNumber, quoteTableHtml, quoteTableText } from './quote-view.js';

export interface CustomerQuoteVars {
  quote: Quote;
  customer: CustomerView;
  acceptUrl: string;
  declineUrl: string;
}

const text = {
  tr: {
    subject: (q: Quote) => `Teklifimiz ${quoteNumber(q)} — ${formatMoney(q.totals.grandTotal, 'tr')}`,
    greeting: (name: string) => `Sayın ${name},`,
    intro: 'Talebiniz üzerine hazırladığımız teklifi aşağıda bulabilirsiniz; PDF kopyası ektedir.',
    valid: (date: string) => `Teklifimiz ${date} tarihine kadar geçerlidir.`,
    answer: 'Yanıtınızı aşağıdaki düğmelerle bize iletebilirsiniz:',
    accept: 'Teklifi kabul ediyorum',
    decline: 'Teklifi kabul etmiyorum',
    notes: 'Notlar',
    closing: 'Saygılarımızla.',
  },
  en: {
    subject: (q: Quote) => `Our quotation ${quoteNumber(q)} — ${formatMoney(q.totals.grandTotal, 'en')}`,
    greeting: (name: string) => `Dear ${name},`,
    intro: 'Please find our quotation below, as you asked; a PDF copy is attached.',
    valid: (date: string) => `It is valid until ${date}.`,
    answer: 'You can give us your answer with these buttons:',
    accept: 'I accept the quotation',
    decline: 'I decline the quotation',
    notes: 'Notes',
    closing: 'Kind regards.',
  },
};

const version = (language: Language): TemplateVersion<CustomerQuoteVars> => {
  const t = text[language];
  const valid = (quote: Quote) => t.valid(formatDate(quote.validUntil, language));
  return {
    subject: ({ quote }) => t.subject(quote),
    text: ({ quote, customer, acceptUrl, declineUrl }) =>
      [
        t.greeting(customer.name),
        '',
        t.intro,
        valid(quote),
        '',
        quoteTableText(quote, language),
        ...(quote.notes ? ['', `${t.notes}: ${quote.notes}`] : []),
        '',
        t.answer,
        `${t.accept}: ${acceptUrl}`,
        `${t.decline}: ${declineUrl}`,
        '',
        t.closing,
      ].join('\n'),
    html: ({ quote, customer, acceptUrl, declineUrl }) =>
      safeHtml`<p>${t.greeting(customer.name)}</p><p>${t.intro} ${valid(quote)}</p>${quoteTableHtml(quote, language)}${
        quote.notes ? safeHtml`<p style="white-space:pre-wrap"><strong>${t.notes}:</strong> ${quote.notes}</p>` : ''
      }<p>${t.answer}</p><p>${button(acceptUrl, t.accept)}${button(declineUrl, t.decline, '#9b2c2c')}</p><p>${t.closing}</p>`,
  };
};

/** Rendered in the quote's language. */
export const customerQuote = defineTemplate<CustomerQuoteVars>({
  name: 'customer-quote',
  optional: [],
  tr: version('tr'),
  en: version('en'),
});
