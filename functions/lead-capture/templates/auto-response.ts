// Sent to the person who filled in the form, in their language.
import { mailLayout, safeHtml } from '../../../shared/html.js';
import type { RenderedMail } from '../../../shared/mail.js';

export interface AutoResponseVars {
  name: string;
  productInterest?: string;
}

export const autoResponse: Record<'tr' | 'en', (v: AutoResponseVars) => RenderedMail> = {
  tr: ({ name, productInterest }) => ({
    subject: 'Talebinizi aldık',
    text: [
      `Sayın ${name},`,
      '',
      `Talebiniz${productInterest ? ` (${productInterest})` : ''} bize ulaştı. Bir temsilcimiz en kısa sürede, mesai saatleri içinde sizinle iletişime geçecek.`,
      '',
      'Teşekkür ederiz.',
    ].join('\n'),
    html: mailLayout(
      'tr',
      safeHtml`<p>Sayın ${name},</p><p>Talebiniz${productInterest ? safeHtml` (<strong>${productInterest}</strong>)` : ''} bize ulaştı. Bir temsilcimiz en kısa sürede, mesai saatleri içinde sizinle iletişime geçecek.</p><p>Teşekkür ederiz.</p>`,
    ),
  }),
  en: ({ name, productInterest }) => ({
    subject: 'We have received your request',
    text: [
      `Dear ${name},`,
      '',
      `Your request${productInterest ? ` (${productInterest})` : ''} has reached us. One of our representatives will contact you soon, within business hours.`,
      '',
      'Thank you.',
    ].join('\n'),
    html: mailLayout(
      'en',
      safeHtml`<p>Dear ${name},</p><p>Your request${productInterest ? safeHtml` (<strong>${productInterest}</strong>)` : ''} has reached us. One of our representatives will contact you soon, within business hours.</p><p>Thank you.</p>`,
    ),
  }),
};
