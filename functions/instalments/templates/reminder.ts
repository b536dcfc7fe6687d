// To the order's owner: an instalment of their customer's order falls due soon.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney, type Money } from '../../../shared/money.js';
import { defineTemplate, recordReference, type TemplateVersion } from '../../../shared/templates.js';

interface ReminderVars {
  orderNumber: string;
  orderId: string;
  n: number;
  count: number;
  dueDate: string;
  amount: Money;
}

const version = (
  language: Language,
  subject: (v: ReminderVars) => string,
  body: (v: ReminderVars) => string,
): TemplateVersion<ReminderVars> => {
  const all = (v: ReminderVars) => [body(v), recordReference(language, 'order', v.orderId)];
  return {
    subject,
    text: (v) => all(v).join('\n\n'),
    html: (v) => safeHtml`${all(v).map((p) => safeHtml`<p>${p}</p>`)}`,
  };
};

export const instalmentReminder = defineTemplate<ReminderVars>({
  name: 'instalment-reminder',
  optional: [],
  tr: version(
    'tr',
    (v) => `Taksit yaklaşıyor: ${v.orderNumber} (${v.n}/${v.count})`,
    (v) =>
      `${v.orderNumber} siparişinin ${v.n}/${v.count}. taksiti (${formatMoney(v.amount, 'tr')}) ${v.dueDate} tarihinde ödenecek.`,
  ),
  en: version(
    'en',
    (v) => `Instalment due soon: ${v.orderNumber} (${v.n}/${v.count})`,
    (v) =>
      `Instalment ${v.n} of ${v.count} of order ${v.orderNumber} (${formatMoney(v.amount, 'en')}) falls due on ${v.dueDate}.`,
  ),
});
