// Sending a quote to the customer: the quote is marked sent first (a conditional write, so of two
// senders one goes on), then mailed with its PDF, then noted as mailed. A retry after a failed mail
// finds it sent and not yet mailed, and mails it; a retry after that finds it mailed and stops.
import { config } from '../../shared/config.js';
import { getCustomer } from '../../shared/consent.js';
import { getUser } from '../../shared/directory.js';
import { sendMail } from '../../shared/mail.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { IllegalTransitionError } from './domain/lifecycle.js';
import { answerLinks } from './links.js';
import { renderQuotePdf } from './pdf/quote-pdf.js';
import type { Quote } from './quote-store.js';
import { markMailed, markSent } from './quotes.js';
import { customerQuoteMail } from './templates/customer-quote.js';
import { customerView, quoteNumber } from './templates/quote-view.js';

/** "Pusula CRM <crm@example.com>" → "Pusula CRM": the firm's name as its mail carries it. */
export const issuerName = () => {
  const from = config.mailFrom();
  return from.match(/^\s*"?([^"<]+?)"?\s*</)?.[1] ?? from;
};

export const quotePdf = async (quote: Quote) => {
  const customer = await getCustomer(quote.customerId);
  return renderQuotePdf({ quote, customer: customerView(customer), issuer: issuerName() });
};

export const pdfFileName = (quote: Quote) => `${quoteNumber(quote)}-${quote.version}.pdf`;

export const sendQuoteToCustomer = async (quote: Quote, by: 'auto' | 'staff', now = new Date()): Promise<Quote> => {
  const customer = await getCustomer(quote.customerId);
  if (!customer?.email) {
    throw new ProblemError(422, 'customer-has-no-email', 'The customer has no e-mail address to send the quote to.');
  }
  let sent: Quote;
  if (quote.status === 'approved') sent = await markSent(quote, by, now);
  else if (quote.status === 'sent' && !quote.mailedAt) sent = quote;
  else if (quote.status === 'sent') throw new ConflictError('already-sent', 'The quote has been sent to the customer already.');
  else throw new IllegalTransitionError(`A ${quote.status} quote cannot be sent; only an approved one can.`);

  const view = customerView(customer);
  const [links, pdf, owner] = await Promise.all([
    answerLinks(sent),
    renderQuotePdf({ quote: sent, customer: view, issuer: issuerName() }),
    getUser(sent.ownerId),
  ]);
  const messageId = await sendMail({
    to: customer.email,
    replyTo: owner?.email,
    ...customerQuoteMail({ quote: sent, customer: view, ...links }),
    attachments: [{ filename: pdfFileName(sent), content: Buffer.from(pdf), contentType: 'application/pdf' }],
  });
  return markMailed(sent, messageId, now);
};
