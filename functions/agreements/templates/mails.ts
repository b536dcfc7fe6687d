// The agreement's mails: to the customer, the agreement (its PDF attached) with the link to accept
// it; to its owner, the reminder to renew it some working days before it ends, and the notice that
// it has ended.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { consoleLink, defineTemplate } from '../../../shared/templates.js';
import type { Agreement } from '../domain/agreement.js';
import { agreementNumber, dayText, validityText, words } from './agreement-view.js';

export interface OfferVars {
  agreement: Agreement;
  customerName: string;
  acceptUrl: string;
}

const offerWords = {
  tr: {
    subject: (a: Agreement) => `${words.tr.kinds[a.kind]} ${agreementNumber(a)}: onayınıza sunulur`,
    intro: (name: string, a: Agreement) =>
      `Sayın ${name}, "${a.title}" (${validityText(a, 'tr')}) ekte PDF olarak onayınıza sunulmuştur.`,
    accept: 'Sözleşmeyi incelemek ve kabul etmek için:',
    button: 'Sözleşmeyi aç',
  },
  en: {
    subject: (a: Agreement) => `${words.en.kinds[a.kind]} ${agreementNumber(a)} for your acceptance`,
    intro: (name: string, a: Agreement) =>
      `Dear ${name}, "${a.title}" (${validityText(a, 'en')}) is attached as a PDF for your acceptance.`,
    accept: 'To read and accept the agreement:',
    button: 'Open the agreement',
  },
} as const;

const offerVersion = (language: Language) => {
  const t = offerWords[language];
  return {
    subject: (v: OfferVars) => t.subject(v.agreement),
    text: (v: OfferVars) => [t.intro(v.customerName, v.agreement), '', t.accept, v.acceptUrl].join('\n'),
    html: (v: OfferVars) =>
      safeHtml`<p>${t.intro(v.customerName, v.agreement)}</p><p>${t.accept}</p><p><a href="${v.acceptUrl}" style="display:inline-block;padding:14px 22px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:6px">${t.button}</a></p>`,
  };
};

export const agreementOfferMail = defineTemplate<OfferVars>({
  name: 'agreement-offer',
  optional: [],
  tr: offerVersion('tr'),
  en: offerVersion('en'),
});

export interface ReminderVars {
  agreement: Agreement;
  reminder: 'renewal' | 'expired';
  customerName: string;
}

const reminderWords = {
  tr: {
    renewal: (a: Agreement, who: string) =>
      `${who} ile "${a.title}" ${dayText(a.validUntil, 'tr')} tarihinde sona eriyor. Yenileme için müşteriyle görüşün.`,
    expired: (a: Agreement, who: string) =>
      `${who} ile "${a.title}" ${dayText(a.validUntil, 'tr')} tarihinde sona erdi; sözleşme fiyatları artık uygulanmıyor.`,
    subjects: { renewal: 'Yenileme zamanı', expired: 'Sözleşme sona erdi' },
    open: 'Sözleşmeyi açın:',
  },
  en: {
    renewal: (a: Agreement, who: string) =>
      `"${a.title}" with ${who} ends on ${dayText(a.validUntil, 'en')}. Talk to the customer about renewing it.`,
    expired: (a: Agreement, who: string) =>
      `"${a.title}" with ${who} ended on ${dayText(a.validUntil, 'en')}; its prices no longer apply.`,
    subjects: { renewal: 'Time to renew', expired: 'Agreement ended' },
    open: 'Open the agreement:',
  },
} as const;

const reminderVersion = (language: Language) => {
  const t = reminderWords[language];
  const body = (v: ReminderVars) => t[v.reminder](v.agreement, v.customerName);
  const link = (v: ReminderVars) => consoleLink('agreement', v.agreement.agreementId) ?? '';
  return {
    subject: (v: ReminderVars) => `${t.subjects[v.reminder]}: ${agreementNumber(v.agreement)} (${v.customerName})`,
    text: (v: ReminderVars) => [body(v), '', `${t.open} ${link(v)}`].join('\n'),
    html: (v: ReminderVars) => safeHtml`<p>${body(v)}</p><p>${t.open} <a href="${link(v)}">${link(v)}</a></p>`,
  };
};

export const agreementReminderMail = defineTemplate<ReminderVars>({
  name: 'agreement-reminder',
  optional: [],
  tr: reminderVersion('tr'),
  en: reminderVersion('en'),
});
