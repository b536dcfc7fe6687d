// Sent to the address typed on the form, in the form's language. Nobody has proven that address is
// theirs, so the mail carries nothing the form's author wrote (no name, no product, no message):
// the form cannot be used to mail a stranger someone else's words.
import { safeHtml } from '../../../shared/html.js';
import { defineTemplate } from '../../../shared/templates.js';

export const autoResponse = defineTemplate<Record<string, never>>({
  name: 'auto-response',
  optional: [],
  tr: {
    subject: () => 'Talebinizi aldık',
    text: () =>
      [
        'Merhaba,',
        '',
        'Talebiniz bize ulaştı. Bir temsilcimiz en kısa sürede, mesai saatleri içinde sizinle iletişime geçecek.',
        '',
        'Bu talebi siz göndermediyseniz bu e-postayı yok sayın.',
        '',
        'Teşekkür ederiz.',
      ].join('\n'),
    html: () =>
      safeHtml`<p>Merhaba,</p><p>Talebiniz bize ulaştı. Bir temsilcimiz en kısa sürede, mesai saatleri içinde sizinle iletişime geçecek.</p><p>Bu talebi siz göndermediyseniz bu e-postayı yok sayın.</p><p>Teşekkür ederiz.</p>`,
  },
  en: {
    subject: () => 'We have received your request',
    text: () =>
      [
        'Hello,',
        '',
        'Your request has reached us. One of our representatives will contact you soon, within business hours.',
        '',
        'If you did not send this request, please ignore this e-mail.',
        '',
        'Thank you.',
      ].join('\n'),
    html: () =>
      safeHtml`<p>Hello,</p><p>Your request has reached us. One of our representatives will contact you soon, within business hours.</p><p>If you did not send this request, please ignore this e-mail.</p><p>Thank you.</p>`,
  },
});
