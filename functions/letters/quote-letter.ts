// A quote by post: its PDF behind a covering letter whose address sits in a DL envelope's window (the
// letters' one page layout), and, once it is in the post, the quote's history and the customer's
// timeline saying so (an approved quote sent by it), in one transaction guarded by the quote's seq.
import { clockNow } from '../../shared/clock.js';
import { getCustomer } from '../../shared/customer.js';
import { transact } from '../../shared/db.js';
import type { Recorder } from '../../shared/idempotency.js';
import type { Language } from '../../shared/language.js';
import { loadLazyModule } from '../../shared/lazy-modules.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { istanbulDate } from '../../shared/time.js';
import { systemNoteItems } from '../activities/public.js';
import { issuerName, type Quote, quoteNumber, quotePdf, quotePostedItems } from '../quote-approval/public.js';
import { getPostalAddress } from './addresses.js';
import { addressLines } from './domain/postal-address.js';
import { dateIn } from './letter-runs.js';
import { lettersPdfModule } from './pdf/letters-pdf-module.js';

const postable: readonly Quote['status'][] = ['approved', 'sent', 'accepted'];

const notPostable = (quote: Quote) =>
  new ConflictError('quote-not-postable', {
    en: `The quote is ${quote.status}: only an approved, sent or accepted quote goes by post.`,
    tr: `Teklif ${quote.status} durumunda: yalnızca onaylanmış, gönderilmiş ya da kabul edilmiş teklif postayla gider.`,
  });

const covering = (language: Language, v: { number: string; name: string; validUntil: string; issuer: string }) =>
  language === 'tr'
    ? {
        subject: `Teklifimiz ${v.number}`,
        body:
          `Sayın ${v.name},\n\n${v.number} numaralı teklifimizi ekte bilgilerinize sunarız. ` +
          `Teklif ${v.validUntil} tarihine kadar geçerlidir.\n\nSaygılarımızla,\n${v.issuer}`,
      }
    : {
        subject: `Our quotation ${v.number}`,
        body:
          `Dear ${v.name},\n\nPlease find enclosed our quotation ${v.number}, ` +
          `valid until ${v.validUntil}.\n\nKind regards,\n${v.issuer}`,
      };

/** The letter's reader and the address on its envelope, or 422 naming the customer when there is none. */
const addressee = async (quote: Quote) => {
  const [customer, address] = await Promise.all([getCustomer(quote.customerId), getPostalAddress(quote.customerId)]);
  if (!customer || !address) {
    throw new ProblemError(
      422,
      'no-postal-address',
      { en: 'The customer has no postal address to post to.', tr: 'Müşterinin gönderilecek posta adresi yok.' },
      [{ path: 'customerId', message: { en: 'No postal address.', tr: 'Posta adresi yok.' } }],
    );
  }
  const name = customer.company ? `${customer.name} / ${customer.company}` : customer.name;
  return { customer, lines: addressLines(name, address) };
};

/** The printable letter: one A4 covering page addressed for the window, then the quote's own pages. */
export const quoteLetterPdf = async (quote: Quote, now = clockNow()) => {
  if (!postable.includes(quote.status)) throw notPostable(quote);
  const { customer, lines } = await addressee(quote);
  const language: Language = quote.language === 'en' ? 'en' : 'tr';
  const issuer = issuerName();
  const number = quoteNumber(quote);
  const text = covering(language, { number, name: customer.name, validUntil: quote.validUntil, issuer });
  // pdf-lib and fontkit are loaded on a render only, not on every cold start (POST …/posted draws nothing).
  const { appendPdf, renderLetters } = await loadLazyModule(lettersPdfModule);
  const cover = await renderLetters(
    { name: issuer, lines: [] },
    [{ address: lines, date: dateIn(language, now), ...text }],
    text.subject,
  );
  return { number, pdf: await appendPdf(cover, await quotePdf(quote)) };
};

/**
 * Records the quote as posted: its history ("sent by post") and a note on the customer's timeline; an
 * approved quote moves to sent there, by the e-mail's own transition (conditional on its seq: once).
 */
export const recordQuotePosted = async (
  quote: Quote,
  seq: number,
  actorId: string,
  record: Recorder,
  now = clockNow(),
) => {
  if (!postable.includes(quote.status)) throw notPostable(quote);
  const changed = new ConflictError('quote-changed', {
    en: 'The quote was changed meanwhile; read it again.',
    tr: 'Teklif bu arada değişti; yeniden okuyun.',
  });
  if (quote.seq !== seq) throw changed;
  await addressee(quote);
  const number = quoteNumber(quote);
  const answer = {
    quoteId: quote.quoteId,
    postedAt: now.toISOString(),
    seq: quote.seq + 1,
    status: quote.status === 'approved' ? 'sent' : quote.status,
  };
  const written = await transact([
    ...quotePostedItems(quote, actorId, now),
    ...systemNoteItems(
      {
        customerId: quote.customerId,
        actorId,
        subject: `Teklif ${number} postayla gönderildi / Quote ${number} sent by post`,
        notes: `${istanbulDate(now)}`,
      },
      now,
    ),
    ...record(answer),
  ]);
  if (!written.ok) throw changed;
  return answer;
};
