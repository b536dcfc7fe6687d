// The satisfaction survey page a signed link opens: a 1–5 score and a comment, plain HTML that works
// on a phone without JavaScript. GET only shows; the form's POST records the answer.

import { safeHtml } from '../../../shared/html.js';
import type { HttpResult } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { page } from '../../../shared/pages.js';

const text = {
  tr: {
    title: 'Memnuniyet anketi',
    intro: (n: string) => `${n} numaralı kaydınız çözüldü. Hizmetimizi nasıl buldunuz?`,
    score: 'Puanınız (1 çok kötü, 5 çok iyi)',
    comment: 'Yorumunuz (isteğe bağlı)',
    send: 'Gönder',
    scoreMissing: 'Lütfen 1 ile 5 arasında bir puan seçin.',
    commentRefused: 'Yorum en fazla 2.000 karakter olabilir; denetim ve görünmez karakterler içeremez.',
    thanks: 'Teşekkür ederiz, yanıtınız kaydedildi.',
    used: 'Bu anket zaten yanıtlanmış.',
    invalid: 'Bu bağlantı geçerli değil.',
    expired: 'Bu bağlantının süresi dolmuş.',
  },
  en: {
    title: 'Satisfaction survey',
    intro: (n: string) => `Your case ${n} has been resolved. How did we do?`,
    score: 'Your score (1 very poor, 5 very good)',
    comment: 'Your comment (optional)',
    send: 'Send',
    scoreMissing: 'Please choose a score from 1 to 5.',
    commentRefused: 'A comment has at most 2,000 characters and no control or invisible characters.',
    thanks: 'Thank you, your answer has been recorded.',
    used: 'This survey has been answered already.',
    invalid: 'This link is not valid.',
    expired: 'This link has expired.',
  },
} as const;

export type SurveyOutcome = 'thanks' | 'used' | 'invalid' | 'expired';
const outcomeStatus: Record<SurveyOutcome, number> = { thanks: 200, used: 410, invalid: 410, expired: 410 };

export const surveyOutcomePage = (language: Language, outcome: SurveyOutcome): HttpResult =>
  page(
    outcomeStatus[outcome],
    language,
    text[language].title,
    safeHtml`<p id="outcome" data-outcome="${outcome}">${text[language][outcome]}</p>`,
  );

export const surveyPage = (
  language: Language,
  v: { caseNumber: string; token: string; problem?: 'scoreMissing' | 'commentRefused'; comment?: string },
): HttpResult => {
  const t = text[language];
  const scores = [1, 2, 3, 4, 5].map(
    (n) => safeHtml`<label class="check"><input type="radio" name="score" value="${n}" required> ${n}</label>`,
  );
  return page(
    v.problem ? 400 : 200,
    language,
    t.title,
    safeHtml`<p>${t.intro(v.caseNumber)}</p>${v.problem ? safeHtml`<p id="problem" role="alert" style="color:#9b2c2c">${t[v.problem]}</p>` : ''}<form method="post"><input type="hidden" name="token" value="${v.token}"><fieldset style="border:0;padding:0"><legend>${t.score}</legend>${scores}</fieldset><label for="comment">${t.comment}</label><textarea id="comment" name="comment" rows="4" maxlength="2000">${v.comment ?? ''}</textarea><p><button type="submit">${t.send}</button></p></form>`,
  );
};
