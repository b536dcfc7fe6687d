// The member's periodic statement and the mail that tells them of a new reward: points only, the
// amounts in TRY; the reward mail carries the code they give at the till.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney, money } from '../../../shared/money.js';
import { defineTemplate } from '../../../shared/templates.js';

export interface StatementVars {
  name: string;
  period: string;
  earned: number;
  spent: number;
  expired: number;
  expiringSoon: number;
  expiringBy: string;
  balance: number;
}

const points = (n: number, language: Language) => n.toLocaleString(language === 'tr' ? 'tr-TR' : 'en-GB');

const statementWords = {
  tr: {
    subject: (v: StatementVars) => `Puan özetiniz: ${v.period}`,
    greeting: (v: StatementVars) => `Sayın ${v.name},`,
    intro: (v: StatementVars) => `${v.period} dönemine ait puan özetiniz:`,
    rows: (v: StatementVars): [string, string][] => [
      ['Kazanılan', points(v.earned, 'tr')],
      ['Harcanan', points(v.spent, 'tr')],
      ['Süresi dolan', points(v.expired, 'tr')],
      [`${v.expiringBy} tarihine kadar süresi dolacak`, points(v.expiringSoon, 'tr')],
      ['Bakiye', points(v.balance, 'tr')],
    ],
  },
  en: {
    subject: (v: StatementVars) => `Your points statement: ${v.period}`,
    greeting: (v: StatementVars) => `Dear ${v.name},`,
    intro: (v: StatementVars) => `Your points for ${v.period}:`,
    rows: (v: StatementVars): [string, string][] => [
      ['Earned', points(v.earned, 'en')],
      ['Spent', points(v.spent, 'en')],
      ['Expired', points(v.expired, 'en')],
      [`Expiring by ${v.expiringBy}`, points(v.expiringSoon, 'en')],
      ['Balance', points(v.balance, 'en')],
    ],
  },
} as const;

const statementVersion = (language: Language) => {
  const w = statementWords[language];
  return {
    subject: w.subject,
    text: (v: StatementVars) =>
      [w.greeting(v), '', w.intro(v), ...w.rows(v).map(([label, value]) => `${label}: ${value}`)].join('\n'),
    html: (v: StatementVars) =>
      safeHtml`<p>${w.greeting(v)}</p><p>${w.intro(v)}</p><table>${w
        .rows(v)
        .map(
          ([label, value]) => safeHtml`<tr><td>${label}</td><td style="text-align:right">${value}</td></tr>`,
        )}</table>`,
  };
};

/** The statement's subject: the mail's, and what staff read on the timeline for a text. */
export const statementSubject = (language: Language, v: StatementVars) => statementWords[language].subject(v);

export const statementMail = defineTemplate<StatementVars>({
  name: 'loyalty-statement',
  optional: [],
  tr: statementVersion('tr'),
  en: statementVersion('en'),
});

export interface RewardVars {
  name: string;
  code: string;
  /** TRY minor units. */
  value: number;
  points: number;
  validTo: string;
}

const rewardWords = {
  tr: {
    subject: 'Alışveriş ödülünüz hazır',
    body: (v: RewardVars) =>
      `Sayın ${v.name}, ${points(v.points, 'tr')} puanınız ${formatMoney(money(v.value, 'TRY'), 'tr')} değerinde ` +
      `bir alışveriş ödülüne dönüştü. Kasada bu kodu verin: ${v.code} (son gün ${v.validTo}).`,
  },
  en: {
    subject: 'Your shopping reward is ready',
    body: (v: RewardVars) =>
      `Dear ${v.name}, ${points(v.points, 'en')} of your points became a shopping reward worth ` +
      `${formatMoney(money(v.value, 'TRY'), 'en')}. Give this code at the till: ${v.code} (valid until ${v.validTo}).`,
  },
} as const;

const rewardVersion = (language: Language) => ({
  subject: () => rewardWords[language].subject,
  text: (v: RewardVars) => rewardWords[language].body(v),
  html: (v: RewardVars) => safeHtml`<p>${rewardWords[language].body(v)}</p>`,
});

export const rewardMail = defineTemplate<RewardVars>({
  name: 'loyalty-reward',
  optional: [],
  tr: rewardVersion('tr'),
  en: rewardVersion('en'),
});

/** The statement as a text, for members who prefer SMS: the figures in one line. */
export const statementText = (language: Language, v: StatementVars) =>
  language === 'tr'
    ? `${v.period} puan özetiniz: kazanılan ${points(v.earned, 'tr')}, harcanan ${points(v.spent, 'tr')}, ` +
      `süresi dolan ${points(v.expired, 'tr')}, ${v.expiringBy} tarihine kadar dolacak ${points(v.expiringSoon, 'tr')}. ` +
      `Bakiye: ${points(v.balance, 'tr')} puan.`
    : `Your points for ${v.period}: earned ${points(v.earned, 'en')}, spent ${points(v.spent, 'en')}, ` +
      `expired ${points(v.expired, 'en')}, expiring by ${v.expiringBy} ${points(v.expiringSoon, 'en')}. ` +
      `Balance: ${points(v.balance, 'en')} points.`;
