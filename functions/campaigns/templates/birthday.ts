// The birthday greeting: marketing mail (topic `birthday`), so it carries the personal unsubscribe link.

import { safeHtml } from '../../../shared/html.js';
import { defineTemplate } from '../../../shared/templates.js';

export interface BirthdayVars {
  name: string;
  unsubscribeUrl: string;
}

/** The greeting as a text (the refusal instruction is added to every commercial text). */
export const birthdayText = (language: 'tr' | 'en', name: string) =>
  language === 'tr'
    ? `Sayın ${name}, doğum gününüzü kutlar, sağlık ve mutluluk dolu bir yıl dileriz.`
    : `Dear ${name}, happy birthday! We wish you a year full of health and happiness.`;

/** The greeting's subject: the mail's, and what staff read on the timeline for a text. */
export const birthdaySubject = { tr: 'Doğum gününüz kutlu olsun!', en: 'Happy birthday!' };

export const birthdayTemplate = defineTemplate<BirthdayVars>({
  name: 'birthday-greeting',
  optional: [],
  tr: {
    subject: () => birthdaySubject.tr,
    text: (v) =>
      `Sayın ${v.name},\n\nDoğum gününüzü kutlar, sağlık ve mutluluk dolu bir yıl dileriz.\n\nDoğum günü tebriklerimizi almak istemiyorsanız: ${v.unsubscribeUrl}\n`,
    html: (v) =>
      safeHtml`<p>Sayın ${v.name},</p><p>Doğum gününüzü kutlar, sağlık ve mutluluk dolu bir yıl dileriz.</p><p style="font-size:13px;color:#52606d"><a href="${v.unsubscribeUrl}">Doğum günü tebriklerimizi almak istemiyorum</a></p>`,
  },
  en: {
    subject: () => birthdaySubject.en,
    text: (v) =>
      `Dear ${v.name},\n\nHappy birthday! We wish you a year full of health and happiness.\n\nTo stop our birthday greetings: ${v.unsubscribeUrl}\n`,
    html: (v) =>
      safeHtml`<p>Dear ${v.name},</p><p>Happy birthday! We wish you a year full of health and happiness.</p><p style="font-size:13px;color:#52606d"><a href="${v.unsubscribeUrl}">Stop birthday greetings</a></p>`,
  },
});
