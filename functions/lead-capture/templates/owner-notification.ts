// Sent to whoever now owns a lead: everything they need to call back without opening the CRM.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { defineTemplate, recordReference } from '../../../shared/templates.js';
import type { Lead } from '../lead-store.js';

export interface OwnerNotificationVars {
  lead: Lead;
  ruleId: string;
}

const labels = {
  tr: {
    name: 'Ad',
    email: 'E-posta',
    phone: 'Telefon',
    company: 'Firma',
    sector: 'Sektör',
    region: 'Şehir / bölge',
    interest: 'İlgilendiği ürün',
    source: 'Kaynak',
    message: 'Mesaj',
    rule: 'Atama kuralı',
    intro: 'Size yeni bir müşteri adayı atandı.',
    subject: 'Yeni müşteri adayı',
  },
  en: {
    name: 'Name',
    email: 'E-mail',
    phone: 'Phone',
    company: 'Company',
    sector: 'Sector',
    region: 'City / region',
    interest: 'Product interest',
    source: 'Source',
    message: 'Message',
    rule: 'Assignment rule',
    intro: 'A new lead has been assigned to you.',
    subject: 'New lead',
  },
} as const;

const rows = (lead: Lead, language: Language) => {
  const t = labels[language];
  return (
    [
      [t.name, lead.name],
      [t.email, lead.email],
      [t.phone, lead.phone],
      [t.company, lead.company],
      [t.sector, lead.sector],
      [t.region, [lead.city, lead.region].filter(Boolean).join(' / ')],
      [t.interest, lead.productInterest],
      [t.source, lead.source],
      [t.message, lead.message],
    ] as const
  ).filter(([, value]) => value);
};

const version = (language: Language) => {
  const t = labels[language];
  return {
    subject: ({ lead }: OwnerNotificationVars) =>
      `${t.subject}: ${lead.name}${lead.company ? ` (${lead.company})` : ''}`,
    text: ({ lead, ruleId }: OwnerNotificationVars) =>
      [
        t.intro,
        '',
        ...rows(lead, language).map(([label, value]) => `${label}: ${value}`),
        '',
        `${t.rule}: ${ruleId}`,
        recordReference(language, 'lead', lead.leadId),
      ].join('\n'),
    html: ({ lead, ruleId }: OwnerNotificationVars) =>
      safeHtml`<p>${t.intro}</p><table style="border-collapse:collapse">${rows(lead, language).map(
        ([label, value]) =>
          safeHtml`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${label}</th><td style="padding:4px 0;white-space:pre-wrap">${value}</td></tr>`,
      )}</table><p style="color:#52606d;font-size:13px">${t.rule}: ${ruleId}<br>${recordReference(language, 'lead', lead.leadId)}</p>`,
  };
};

export const ownerNotification = defineTemplate<OwnerNotificationVars>({
  name: 'owner-notification',
  optional: [],
  tr: version('tr'),
  en: version('en'),
});
