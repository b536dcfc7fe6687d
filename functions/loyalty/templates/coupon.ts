// A coupon campaign's message to each member: their own code, what it takes off and until when. By
// e-mail it is marketing mail (it carries the personal unsubscribe link); by text the refusal
// instruction is added to every commercial text by the sender.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney, money } from '../../../shared/money.js';
import { defineTemplate } from '../../../shared/templates.js';
import type { Benefit } from '../domain/coupon.js';

export interface CouponVars {
  name: string;
  code: string;
  benefit: Benefit;
  validTo: string;
  unsubscribeUrl: string;
}

const worth = (benefit: Benefit, language: Language) =>
  benefit.kind === 'amount'
    ? formatMoney(money(benefit.amount, 'TRY'), language)
    : `%${(benefit.bp / 100).toLocaleString(language === 'tr' ? 'tr-TR' : 'en-GB')}`;

const words = {
  tr: {
    subject: 'Size özel indirim kuponunuz',
    body: (v: Omit<CouponVars, 'unsubscribeUrl'>) =>
      `Sayın ${v.name}, size özel ${worth(v.benefit, 'tr')} indirim kuponunuz: ${v.code} (son gün ${v.validTo}).`,
    stop: 'Bu tür kampanya iletilerini almak istemiyorsanız',
  },
  en: {
    subject: 'Your own discount coupon',
    body: (v: Omit<CouponVars, 'unsubscribeUrl'>) =>
      `Dear ${v.name}, your own ${worth(v.benefit, 'en')} discount coupon: ${v.code} (valid until ${v.validTo}).`,
    stop: 'To stop campaign messages like this one',
  },
} as const;

/** The text version: short enough for one or two segments. */
export const couponText = (language: Language, vars: Omit<CouponVars, 'unsubscribeUrl'>) => words[language].body(vars);

/** The mail's subject, and what staff read on the timeline for a text. */
export const couponSubject = (language: Language) => words[language].subject;

const version = (language: Language) => ({
  subject: () => words[language].subject,
  text: (v: CouponVars) => `${words[language].body(v)}\n\n${words[language].stop}: ${v.unsubscribeUrl}\n`,
  html: (v: CouponVars) =>
    safeHtml`<p>${words[language].body(v)}</p><p style="font-size:13px;color:#52606d"><a href="${v.unsubscribeUrl}">${words[language].stop}</a></p>`,
});

export const couponMail = defineTemplate<CouponVars>({
  name: 'loyalty-coupon',
  optional: [],
  tr: version('tr'),
  en: version('en'),
});
