// The page the customer's signed link opens: the agreement and a form to accept it under their
// name. GET only shows; the button's POST accepts, because mail scanners open links.
import { safeHtml } from '../../../shared/html.js';
import type { HttpResult } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { formField, page } from '../../../shared/pages.js';
import type { Agreement } from '../domain/agreement.js';
import { agreementNumber, sections, validityText, words } from './agreement-view.js';

const text = {
  tr: {
    title: 'Sözleşme onayı',
    name: 'Adınız soyadınız',
    nameMissing: 'Kabul için adınızı ve soyadınızı yazın.',
    accept: 'Sözleşmeyi kabul ediyorum',
    accepted: 'Teşekkür ederiz; sözleşmeyi kabul ettiniz. Kabulünüz kayda alındı.',
    answered: 'Bu sözleşme zaten kabul edilmiş.',
    closed: 'Bu sözleşme artık bu bağlantıyla kabul edilemiyor; temsilcinizle görüşün.',
    invalid: 'Bu bağlantı geçerli değil.',
    expired: 'Bu bağlantının süresi dolmuş; temsilcinizden yenisini isteyin.',
  },
  en: {
    title: 'Accepting the agreement',
    name: 'Your full name',
    nameMissing: 'Write your full name to accept.',
    accept: 'I accept the agreement',
    accepted: 'Thank you; you have accepted the agreement. Your acceptance is on record.',
    answered: 'This agreement has been accepted already.',
    closed: 'This agreement can no longer be accepted with this link; please talk to your representative.',
    invalid: 'This link is not valid.',
    expired: 'This link has expired; ask your representative for a new one.',
  },
} as const;

export type AcceptOutcome = 'accepted' | 'answered' | 'closed' | 'invalid' | 'expired';

const status: Record<AcceptOutcome, number> = { accepted: 200, answered: 409, closed: 409, invalid: 403, expired: 410 };

export const acceptOutcomePage = (language: Language, outcome: AcceptOutcome): HttpResult =>
  page(
    status[outcome],
    language,
    text[language].title,
    safeHtml`<p id="outcome" data-outcome="${outcome}">${text[language][outcome]}</p>`,
  );

export const acceptPage = (a: Agreement, token: string, nameMissing = false): HttpResult => {
  const t = text[a.language];
  const w = words[a.language];
  return page(
    nameMissing ? 422 : 200,
    a.language,
    t.title,
    safeHtml`<p><strong>${w.kinds[a.kind]} ${agreementNumber(a)}</strong> · ${validityText(a, a.language)}</p>
<h2>${a.title}</h2><p>${w.seller}: ${a.parties.seller}<br>${w.buyer}: ${a.parties.buyer}</p>
${sections(a, a.language).map(([heading, body]) => safeHtml`<h3>${heading}</h3><p style="white-space:pre-wrap">${body}</p>`)}
<form method="post" action="accept"><input type="hidden" name="token" value="${token}">${formField('name', t.name, {
      required: true,
      maxlength: 200,
      autocomplete: 'name',
    })}${nameMissing ? safeHtml`<p role="alert" style="color:#9b2c2c">${t.nameMissing}</p>` : ''}<p><button type="submit">${t.accept}</button></p></form>`,
  );
};
