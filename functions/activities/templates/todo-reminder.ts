// To a to-do's assignee when it falls due: which customer, when, what about, and how to open the
// customer in the CRM (never a link a browser would get a 401 at).
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { defineTemplate, recordReference, type TemplateVersion } from '../../../shared/templates.js';

export interface TodoReminderVars {
  customerId: string;
  customerName: string;
  /** Istanbul time, as the assignee reads it. */
  due: string;
  /** The to-do was made by a callback request on a call. */
  callback: boolean;
  subject?: string;
  notes?: string;
}

const labels = {
  tr: {
    mailSubject: (v: TodoReminderVars) => `${v.callback ? 'Geri arama' : 'Yapılacak iş'}: ${v.customerName}`,
    intro: (v: TodoReminderVars) =>
      v.callback
        ? `${v.customerName} ${v.due} için geri aranmak istedi.`
        : `${v.customerName} için ${v.due} tarihli bir işiniz var.`,
    subject: 'Konu',
    notes: 'Notlar',
  },
  en: {
    mailSubject: (v: TodoReminderVars) => `${v.callback ? 'Call back' : 'To-do'}: ${v.customerName}`,
    intro: (v: TodoReminderVars) =>
      v.callback
        ? `${v.customerName} asked to be called back at ${v.due}.`
        : `You have a to-do for ${v.customerName}, due ${v.due}.`,
    subject: 'Subject',
    notes: 'Notes',
  },
} as const;

const version = (language: Language): TemplateVersion<TodoReminderVars> => {
  const t = labels[language];
  const paragraphs = (v: TodoReminderVars) =>
    [
      t.intro(v),
      v.subject ? `${t.subject}: ${v.subject}` : undefined,
      v.notes ? `${t.notes}:\n${v.notes}` : undefined,
      recordReference(language, 'customer', v.customerId),
    ].filter((p): p is string => p !== undefined);
  return {
    subject: t.mailSubject,
    text: (v) => paragraphs(v).join('\n\n'),
    html: (v) => safeHtml`${paragraphs(v).map((p) => safeHtml`<p style="white-space:pre-wrap">${p}</p>`)}`,
  };
};

export const todoReminder = defineTemplate<TodoReminderVars>({
  name: 'todo-reminder',
  optional: ['subject', 'notes'],
  tr: version('tr'),
  en: version('en'),
});
