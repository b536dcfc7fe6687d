// The mails a case sends: the case to the unit it was routed to, the acknowledgement with the case
// number to the customer, and the SLA warning and escalation to the people on the ladder.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { defineTemplate, recordReference } from '../../../shared/templates.js';
import type { Case } from '../case-store.js';

const labels = {
  tr: {
    number: 'Kayıt no',
    type: 'Tür',
    category: 'Konu',
    priority: 'Öncelik',
    channel: 'Kanal',
    subject: 'Başlık',
    description: 'Açıklama',
    customer: 'Müşteri',
    contact: 'İletişim',
    open: (id: string) => recordReference('tr', 'case', id),
  },
  en: {
    number: 'Case no',
    type: 'Type',
    category: 'Category',
    priority: 'Priority',
    channel: 'Channel',
    subject: 'Subject',
    description: 'Description',
    customer: 'Customer',
    contact: 'Contact',
    open: (id: string) => recordReference('en', 'case', id),
  },
} as const;

export interface UnitNoticeVars {
  case: Case;
  customerName: string;
  contact?: string;
}

const caseRows = (v: UnitNoticeVars, language: Language) => {
  const t = labels[language];
  const c = v.case;
  return (
    [
      [t.number, c.caseNumber],
      [t.type, c.caseType],
      [t.category, c.category],
      [t.priority, c.priority],
      [t.channel, c.channel],
      [t.customer, v.customerName],
      [t.contact, v.contact],
      [t.subject, c.subject],
      [t.description, c.description],
    ] as const
  ).filter(([, value]) => value);
};

const unitVersion = (language: Language, intro: string, subject: string) => ({
  subject: (v: UnitNoticeVars) => `${subject} ${v.case.caseNumber}: ${v.case.subject}`,
  text: (v: UnitNoticeVars) =>
    [
      intro,
      '',
      ...caseRows(v, language).map(([label, value]) => `${label}: ${value}`),
      '',
      labels[language].open(v.case.caseId),
    ].join('\n'),
  html: (v: UnitNoticeVars) =>
    safeHtml`<p>${intro}</p><table style="border-collapse:collapse">${caseRows(v, language).map(
      ([label, value]) =>
        safeHtml`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${label}</th><td style="padding:4px 0;white-space:pre-wrap">${value}</td></tr>`,
    )}</table><p style="color:#52606d;font-size:13px">${labels[language].open(v.case.caseId)}</p>`,
});

/** To the department or dealer a case was routed to. */
export const unitNotice = defineTemplate<UnitNoticeVars>({
  name: 'case-unit-notice',
  optional: ['contact'],
  tr: unitVersion('tr', 'Size yeni bir kayıt yönlendirildi.', 'Yeni kayıt'),
  en: unitVersion('en', 'A new case has been routed to you.', 'New case'),
});

/**
 * To the customer: the case number only. Staff typed the rest, and the address may not be the
 * customer's own, so nothing else of the case travels in it.
 */
export const caseAcknowledgement = defineTemplate<{ caseNumber: string }>({
  name: 'case-acknowledgement',
  optional: [],
  tr: {
    subject: (v) => `Kaydınızı aldık: ${v.caseNumber}`,
    text: (v) =>
      [
        'Merhaba,',
        '',
        `Başvurunuz ${v.caseNumber} numarasıyla kaydedildi. İlgili birimimiz mesai saatleri içinde sizinle iletişime geçecek.`,
        '',
        'Teşekkür ederiz.',
      ].join('\n'),
    html: (v) =>
      safeHtml`<p>Merhaba,</p><p>Başvurunuz <strong>${v.caseNumber}</strong> numarasıyla kaydedildi. İlgili birimimiz mesai saatleri içinde sizinle iletişime geçecek.</p><p>Teşekkür ederiz.</p>`,
  },
  en: {
    subject: (v) => `We have received your case: ${v.caseNumber}`,
    text: (v) =>
      [
        'Hello,',
        '',
        `Your case has been recorded as ${v.caseNumber}. The team concerned will contact you within business hours.`,
        '',
        'Thank you.',
      ].join('\n'),
    html: (v) =>
      safeHtml`<p>Hello,</p><p>Your case has been recorded as <strong>${v.caseNumber}</strong>. The team concerned will contact you within business hours.</p><p>Thank you.</p>`,
  },
});

export interface SlaNoticeVars {
  case: Case;
  kind: 'warning' | 'escalation';
  target: 'firstResponse' | 'resolution';
}

const slaWords = {
  tr: {
    firstResponse: 'ilk yanıt',
    resolution: 'çözüm',
    warning: (t: string) => `Bu kaydın ${t} süresi dolmak üzere.`,
    escalation: (t: string) => `Bu kaydın ${t} süresi aşıldı ve kayıt size yükseltildi.`,
    subject: { warning: 'SLA uyarısı', escalation: 'Yükseltilen kayıt' },
  },
  en: {
    firstResponse: 'first response',
    resolution: 'resolution',
    warning: (t: string) => `This case's ${t} target is about to be missed.`,
    escalation: (t: string) => `This case's ${t} target was missed and it has been escalated to you.`,
    subject: { warning: 'SLA warning', escalation: 'Escalated case' },
  },
} as const;

const slaVersion = (language: Language) => {
  const w = slaWords[language];
  const line = (v: SlaNoticeVars) => w[v.kind](w[v.target]);
  return {
    subject: (v: SlaNoticeVars) => `${w.subject[v.kind]} ${v.case.caseNumber}: ${v.case.subject}`,
    text: (v: SlaNoticeVars) =>
      [line(v), '', `${labels[language].number}: ${v.case.caseNumber}`, labels[language].open(v.case.caseId)].join(
        '\n',
      ),
    html: (v: SlaNoticeVars) =>
      safeHtml`<p>${line(v)}</p><p>${labels[language].number}: <strong>${v.case.caseNumber}</strong></p><p style="color:#52606d;font-size:13px">${labels[language].open(v.case.caseId)}</p>`,
  };
};

/** To the unit (a warning) or to the supervisor or manager a case escalated to. */
export const slaNotice = defineTemplate<SlaNoticeVars>({
  name: 'case-sla-notice',
  optional: [],
  tr: slaVersion('tr'),
  en: slaVersion('en'),
});

/** To the customer on resolution: the survey link. */
export const surveyInvitation = defineTemplate<{ caseNumber: string; url: string }>({
  name: 'case-survey',
  optional: [],
  tr: {
    subject: (v) => `Kaydınız çözüldü: ${v.caseNumber}`,
    text: (v) =>
      [
        'Merhaba,',
        '',
        `${v.caseNumber} numaralı kaydınız çözüldü. Hizmetimizi 1 ile 5 arasında puanlar mısınız?`,
        '',
        v.url,
      ].join('\n'),
    html: (v) =>
      safeHtml`<p>Merhaba,</p><p><strong>${v.caseNumber}</strong> numaralı kaydınız çözüldü. Hizmetimizi 1 ile 5 arasında puanlar mısınız?</p><p><a href="${v.url}">Ankete katılın</a></p>`,
  },
  en: {
    subject: (v) => `Your case is resolved: ${v.caseNumber}`,
    text: (v) =>
      [
        'Hello,',
        '',
        `Your case ${v.caseNumber} has been resolved. Would you rate our service from 1 to 5?`,
        '',
        v.url,
      ].join('\n'),
    html: (v) =>
      safeHtml`<p>Hello,</p><p>Your case <strong>${v.caseNumber}</strong> has been resolved. Would you rate our service from 1 to 5?</p><p><a href="${v.url}">Take the survey</a></p>`,
  },
});

/** To the department's manager when a customer scores a resolved case low. */
export const lowScoreAlert = defineTemplate<{ case: Case; score: number; comment?: string }>({
  name: 'case-low-score',
  optional: ['comment'],
  tr: {
    subject: (v) => `Düşük memnuniyet puanı (${v.score}/5): ${v.case.caseNumber}`,
    text: (v) =>
      [
        `${v.case.caseNumber} numaralı kaydın müşterisi ${v.score}/5 puan verdi.`,
        v.comment ? `Yorum: ${v.comment}` : '',
        labels.tr.open(v.case.caseId),
      ].join('\n'),
    html: (v) =>
      safeHtml`<p><strong>${v.case.caseNumber}</strong> numaralı kaydın müşterisi ${v.score}/5 puan verdi.</p>${v.comment ? safeHtml`<p style="white-space:pre-wrap">Yorum: ${v.comment}</p>` : ''}<p style="color:#52606d;font-size:13px">${labels.tr.open(v.case.caseId)}</p>`,
  },
  en: {
    subject: (v) => `Low satisfaction score (${v.score}/5): ${v.case.caseNumber}`,
    text: (v) =>
      [
        `The customer of case ${v.case.caseNumber} scored it ${v.score}/5.`,
        v.comment ? `Comment: ${v.comment}` : '',
        labels.en.open(v.case.caseId),
      ].join('\n'),
    html: (v) =>
      safeHtml`<p>The customer of case <strong>${v.case.caseNumber}</strong> scored it ${v.score}/5.</p>${v.comment ? safeHtml`<p style="white-space:pre-wrap">Comment: ${v.comment}</p>` : ''}<p style="color:#52606d;font-size:13px">${labels.en.open(v.case.caseId)}</p>`,
  },
});
