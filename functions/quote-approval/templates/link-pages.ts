// The pages signed links open: an approver's (approve, or reject with a reason) and the customer's
// (accept or decline). GET only shows; the button's POST acts, because mail scanners open links.

import { type SafeHtml, safeHtml } from '../../../shared/html.js';
import type { HttpResult } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney, formatPercent } from '../../../shared/money.js';
import { page } from '../../../shared/pages.js';
import type { Quote } from '../quote-store.js';
import { type CustomerView, formatDate, quoteNumber, quoteTableHtml } from './quote-view.js';

const dangerButton = 'background:#9b2c2c';

const approvalText = {
  tr: {
    title: 'Teklif onayı',
    intro: (owner: string, customer: string, step: number, steps: number, role: string) =>
      `${owner}, ${customer} için bu teklifi hazırladı. Onay adımı ${step} / ${steps} (${role}).`,
    why: 'Onay isteyen kurallar',
    facts: (q: Quote) =>
      `Genel indirim ${formatPercent(q.totals.discountBp, 'tr')} · kâr marjı ${formatPercent(q.totals.marginBp, 'tr')} · TL karşılığı net ${formatMoney(q.netTotalTry, 'tr')}`,
    approve: 'Onayla',
    reject: 'Reddet',
    reason: 'Ret gerekçesi',
    reasonMissing: 'Reddetmek için bir gerekçe yazın.',
    reasonRefused: 'Gerekçe en fazla 2.000 karakter olabilir; denetim ve görünmez karakterler içeremez.',
    approvedNext: (role: string) => `Teklifi onayladınız. Sıradaki onay: ${role}.`,
    approvedFinal: 'Teklifi onayladınız; müşteriye gönderiliyor.',
    rejected: 'Teklifi reddettiniz; teklif sahibine bildirildi.',
    decided: (status: string) => `Bu onay adımı için karar zaten verilmiş. Teklifin şimdiki durumu: ${status}.`,
    notYours: 'Bu bağlantı size ait bir onay adımı için değil.',
    invalid: 'Bu bağlantı geçerli değil.',
    expired: 'Bu bağlantının süresi dolmuş. Teklifi CRM üzerinden onaylayabilirsiniz.',
  },
  en: {
    title: 'Quote approval',
    intro: (owner: string, customer: string, step: number, steps: number, role: string) =>
      `${owner} prepared this quote for ${customer}. Approval step ${step} of ${steps} (${role}).`,
    why: 'Rules asking for approval',
    facts: (q: Quote) =>
      `Overall discount ${formatPercent(q.totals.discountBp, 'en')} · margin ${formatPercent(q.totals.marginBp, 'en')} · net in TRY ${formatMoney(q.netTotalTry, 'en')}`,
    approve: 'Approve',
    reject: 'Reject',
    reason: 'Reason for rejecting',
    reasonMissing: 'Write a reason to reject.',
    reasonRefused: 'A reason has at most 2,000 characters and no control or invisible characters.',
    approvedNext: (role: string) => `You approved the quote. Next to approve: ${role}.`,
    approvedFinal: 'You approved the quote; it is being sent to the customer.',
    rejected: 'You rejected the quote; its owner has been told.',
    decided: (status: string) => `This approval step has been decided already. The quote is now ${status}.`,
    notYours: 'This link is not for an approval step of yours.',
    invalid: 'This link is not valid.',
    expired: 'This link has expired. You can approve the quote in the CRM.',
  },
};

export type ApprovalOutcome =
  | 'approvedNext'
  | 'approvedFinal'
  | 'rejected'
  | 'decided'
  | 'notYours'
  | 'invalid'
  | 'expired';

const outcomeStatus: Record<ApprovalOutcome, number> = {
  approvedNext: 200,
  approvedFinal: 200,
  rejected: 200,
  decided: 409,
  notYours: 403,
  invalid: 403,
  expired: 410,
};

export const approvalOutcomePage = (language: Language, outcome: ApprovalOutcome, detail = ''): HttpResult => {
  const t = approvalText[language];
  const message =
    outcome === 'approvedNext' ? t.approvedNext(detail) : outcome === 'decided' ? t.decided(detail) : t[outcome];
  return page(
    outcomeStatus[outcome],
    language,
    t.title,
    safeHtml`<p id="outcome" data-outcome="${outcome}">${message}</p>`,
  );
};

export interface ApprovalPageVars {
  quote: Quote;
  customer: CustomerView;
  ownerName: string;
  action: 'approve' | 'reject';
  token: string;
  error?: string;
}

export const approvalPage = (language: Language, v: ApprovalPageVars): HttpResult => {
  const t = approvalText[language];
  const steps = v.quote.approvalSteps ?? [];
  const current = v.quote.approval?.approved ?? 0;
  const step = steps[current];
  const customer = v.customer.company ? `${v.customer.company} (${v.customer.name})` : v.customer.name;
  const form: SafeHtml =
    v.action === 'approve'
      ? safeHtml`<form method="post" action="approval"><input type="hidden" name="token" value="${v.token}"><p><button type="submit">${t.approve}</button></p></form>`
      : safeHtml`<form method="post" action="approval"><input type="hidden" name="token" value="${v.token}"><label for="reason">${t.reason}</label><textarea id="reason" name="reason" rows="3" maxlength="2000" required></textarea>${
          v.error ? safeHtml`<p role="alert" style="color:#9b2c2c">${v.error}</p>` : ''
        }<p><button type="submit" style="${dangerButton}">${t.reject}</button></p></form>`;
  return page(
    v.error ? 400 : 200,
    language,
    t.title,
    safeHtml`<p><strong>${quoteNumber(v.quote)}</strong> · ${formatDate(v.quote.quoteDate, language)}</p>
<p>${t.intro(v.ownerName, customer, current + 1, steps.length, step?.role ?? '')}</p>
<section id="rules" style="background:#fff8e1;border-left:4px solid #f0b429;padding:.5rem .75rem;margin:.75rem 0"><strong>${t.why}</strong><ul style="margin:.25rem 0;padding-left:1.2rem">${(
      step?.reasons ?? []
    ).map((r) => safeHtml`<li>${r[language]}</li>`)}</ul><small>${(step?.ruleIds ?? []).join(', ')}</small></section>
<p>${t.facts(v.quote)}</p>
${quoteTableHtml(v.quote, language)}
${form}`,
  );
};

export const reasonMissing = (language: Language) => approvalText[language].reasonMissing;
export const reasonRefused = (language: Language) => approvalText[language].reasonRefused;

const answerText = {
  tr: {
    title: 'Teklif yanıtı',
    intro: (name: string, date: string) => `Sayın ${name}, bu teklif ${date} tarihine kadar geçerlidir.`,
    accept: 'Teklifi kabul ediyorum',
    decline: 'Teklifi kabul etmiyorum',
    accepted: 'Teşekkür ederiz, kabulünüzü aldık. Siparişiniz hazırlanıyor; temsilcimiz sizinle iletişime geçecek.',
    declined: 'Yanıtınız için teşekkür ederiz. Temsilcimiz ihtiyaçlarınızı konuşmak için size ulaşabilir.',
    answered: 'Bu teklif zaten yanıtlanmış.',
    replaced: 'Bu teklifin yerine yeni bir revizyon hazırlandı; lütfen size gönderilen son teklifi kullanın.',
    closed: 'Bu teklif artık yanıtlanamıyor.',
    invalid: 'Bu bağlantı geçerli değil.',
    expired: 'Bu teklifin geçerlilik süresi dolmuş. Güncel bir teklif için temsilcimizle görüşebilirsiniz.',
  },
  en: {
    title: 'Your answer to our quotation',
    intro: (name: string, date: string) => `Dear ${name}, this quotation is valid until ${date}.`,
    accept: 'I accept the quotation',
    decline: 'I decline the quotation',
    accepted: 'Thank you, we have your acceptance. Your order is being prepared; your representative will be in touch.',
    declined: 'Thank you for your answer. Your representative may contact you to talk about what you need.',
    answered: 'This quotation has been answered already.',
    replaced: 'This quotation has been replaced by a newer revision; please use the latest one we sent you.',
    closed: 'This quotation can no longer be answered.',
    invalid: 'This link is not valid.',
    expired: 'This quotation has expired. Please ask your representative for a current one.',
  },
};

export type AnswerOutcome = 'accepted' | 'declined' | 'answered' | 'replaced' | 'closed' | 'invalid' | 'expired';

const answerStatus: Record<AnswerOutcome, number> = {
  accepted: 200,
  declined: 200,
  answered: 409,
  replaced: 409,
  closed: 409,
  invalid: 403,
  expired: 410,
};

export const answerOutcomePage = (language: Language, outcome: AnswerOutcome): HttpResult => {
  const t = answerText[language];
  return page(
    answerStatus[outcome],
    language,
    t.title,
    safeHtml`<p id="outcome" data-outcome="${outcome}">${t[outcome]}</p>`,
  );
};

export const answerPage = (v: {
  quote: Quote;
  customer: CustomerView;
  action: 'accept' | 'decline';
  token: string;
}): HttpResult => {
  const language = v.quote.language;
  const t = answerText[language];
  return page(
    200,
    language,
    t.title,
    safeHtml`<p><strong>${quoteNumber(v.quote)}</strong></p><p>${t.intro(v.customer.name, formatDate(v.quote.validUntil, language))}</p>
${quoteTableHtml(v.quote, language)}
<form method="post" action="answer"><input type="hidden" name="token" value="${v.token}"><p><button type="submit"${
      v.action === 'decline' ? safeHtml` style="${dangerButton}"` : ''
    }>${v.action === 'accept' ? t.accept : t.decline}</button></p></form>`,
  );
};
