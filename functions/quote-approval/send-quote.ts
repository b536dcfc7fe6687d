// Sending a quote to the customer: the quote is marked sent first (a conditional write, so of two
// senders one goes on), then mailed with its PDF once per version (a mail marker), then noted as
// mailed. A retry after a failed mail finds it sent and not yet mailed, and mails it; a retry after
// that finds it mailed, or the marker sent, and stops.
import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { type Customer, getCustomer } from '../../shared/customer.js';
import { getUser } from '../../shared/directory.js';
import { loadLazyModule } from '../../shared/lazy-modules.js';
import { MailInProgressError, onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { IllegalTransitionError, quoteLifecycle } from './domain/lifecycle.js';
import { answerLinks } from './links.js';
import type { QuotePdfInput } from './pdf/quote-pdf.js';
import { quotePdfModule } from './pdf/quote-pdf-module.js';
import type { Quote } from './quote-store.js';
import { markMailed, markSent, noEmailToSend } from './quotes.js';

const sentAlready = {
  en: 'The quote has been sent to the customer already.',
  tr: 'Teklif müşteriye zaten gönderildi.',
};

import { customerQuote } from './templates/customer-quote.js';
import { customerView, quoteNumber } from './templates/quote-view.js';

/** "Pusula CRM <crm@example.com>" → "Pusula CRM": the firm's name as its mail carries it. */
export const issuerName = () => {
  const from = config.mailFrom();
  return from.match(/^\s*"?([^"<]+?)"?\s*</)?.[1] ?? from;
};

/**
 * pdf-lib and fontkit are loaded on the first render (a lazy module), not at import: most routes of the
 * functions that can render (a quote's page, its moves) never do, and parsing both costs every cold start.
 */
const renderQuotePdf = async (input: QuotePdfInput) => (await loadLazyModule(quotePdfModule)).renderQuotePdf(input);

export const quotePdf = async (quote: Quote) => {
  const customer = await getCustomer(quote.customerId);
  return renderQuotePdf({ quote, customer: customerView(customer), issuer: issuerName() });
};

export const pdfFileName = (quote: Quote) => `${quoteNumber(quote)}-${quote.version}.pdf`;

/**
 * Mails the quote's sent version, exactly once: the mail is claimed by a marker per quote version
 * (`sendOnce`), so a staff send racing the automatic one, parallel staff sends, or a redelivered
 * event find the claim and send nothing. Staff then get 409; the automatic sender, which must not
 * give up on a claim whose holder may have died, is retried while the claim is live.
 */
const mailOnce = async (sent: Quote, customer: Customer & { email: string }, by: 'auto' | 'staff', now: Date) => {
  try {
    return await sendOnce(
      onceKey('quote', sent.quoteId, sent.version),
      async () => {
        const view = customerView(customer);
        const [links, pdf, owner] = await Promise.all([
          answerLinks(sent),
          renderQuotePdf({ quote: sent, customer: view, issuer: issuerName() }),
          getUser(sent.ownerId),
        ]);
        return sendTransactional({
          to: customer.email,
          customerId: customer.customerId,
          replyTo: owner?.email,
          ...customerQuote.render(sent.language, { quote: sent, customer: view, ...links }),
          attachments: [{ filename: pdfFileName(sent), content: Buffer.from(pdf), contentType: 'application/pdf' }],
        });
      },
      now,
    );
  } catch (error) {
    if (error instanceof MailInProgressError && by === 'staff') {
      throw new ConflictError('already-sent', {
        en: 'The quote is being sent to the customer right now.',
        tr: 'Teklif şu an müşteriye gönderiliyor.',
      });
    }
    throw error;
  }
};

/** Sent, but its mail did not go out yet (a send that failed after the move); a quote posted as a letter owes none. */
export const awaitsMail = (quote: Quote) => quote.status === 'sent' && !quote.mailedAt && quote.sentBy !== 'post';

export const sendQuoteToCustomer = async (quote: Quote, by: 'auto' | 'staff', now = clockNow()): Promise<Quote> => {
  const customer = await getCustomer(quote.customerId);
  const email = customer?.email;
  if (!customer || !email) {
    throw new ProblemError(422, 'customer-has-no-email', noEmailToSend);
  }
  let sent: Quote;
  if (quote.status === 'approved') sent = await markSent(quote, by, now);
  else if (awaitsMail(quote)) sent = quote;
  else if (quote.status === 'sent') throw new ConflictError('already-sent', sentAlready);
  else
    throw new IllegalTransitionError({
      en: `A ${quote.status} quote cannot be sent; only an approved one can.`,
      tr: `"${quoteLifecycle.tr.states[quote.status]}" durumundaki teklif gönderilemez; yalnızca onaylanmış olan gönderilir.`,
    });

  const mailed = await mailOnce(sent, { ...customer, email }, by, now);
  if (!mailed.first && by === 'staff') throw new ConflictError('already-sent', sentAlready);
  if (mailed.status === 'skipped') {
    throw new ProblemError(422, 'customer-address-not-mailable', {
      en: `The customer's address is not mailed (${mailed.reason}).`,
      tr: `Müşterinin adresine posta gönderilmiyor (${mailed.reason}).`,
    });
  }
  // Also when another sender mailed it and stopped before noting it: the note is what is missing.
  return markMailed(sent, mailed.messageId, now);
};
