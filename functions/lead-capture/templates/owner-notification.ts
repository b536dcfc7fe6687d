// Sent to whoever now owns a lead: everything they need to call back without opening the CRM.
import { mailLayout, safeHtml } from '../../../shared/html.js';
import type { RenderedMail } from '../../../shared/mail.js';
import type { Lead } from '../lead-store.js';

export interface OwnerNotificationVars {
  lead: Lead;
  ruleId: string;
  leadUrl: string;
}

const rows = (lead: Lead, labels: Record<string, string>) =>
  (
    [
      [labels.name, lead.name],
      [labels.email, lead.email],
      [labels.phone, lead.phone],
      [labels.company, lead.company],
      [labels.sector, lead.sector],
      [labels.region, [lead.city, lead.region].filter(Boolean).join(' / ')],
      [labels.interest, lead.productInterest],
      [labels.source, lead.source],
      [labels.message, lead.message],
    ] as const
  ).filter(([, value]) => value);

const render =
  (language: 'tr' | 'en', labels: Record<string, string>, subject: (lead: Lead) => string, intro: string) =>
  ({ lead, ruleId, leadUrl }: OwnerNotificationVars): RenderedMail => {
    const fields = rows(lead, labels);
    return {
      subject: subject(lead),
      text: [intro, '', ...fields.map(([label, value]) => `${label}: ${value}`), '', `${labels.rule}: ${ruleId}`, leadUrl].join('\n'),
      html: mailLayout(
        language,
        safeHtml`<p>${intro}</p><table style="border-collapse:collapse">${fields.map(
          ([label, value]) =>
            safeHtml`<tr><th style="text-align:left;padding:4px 12px 4px 0;vertical-align:top">${label}</th><td style="padding:4px 0;white-space:pre-wrap">${value}</td></tr>`,
        )}</table><p style="color:#52606d;font-size:13px">${labels.rule}: ${ruleId} · <a href="${leadUrl}">${leadUrl}</a></p>`,
      ),
    };
  };

export const ownerNotification: Record<'tr' | 'en', (v: OwnerNotificationVars) => RenderedMail> = {
  tr: render(
    'tr',
    {
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
    },
    (lead) => `Yeni müşteri adayı: ${lead.name}${lead.company ? ` (${lead.company})` : ''}`,
    'Size yeni bir müşteri adayı atandı.',
  ),
  en: render(
    'en',
    {
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
    },
    (lead) => `New lead: ${lead.name}${lead.company ? ` (${lead.company})` : ''}`,
    'A new lead has been assigned to you.',
  ),
};
