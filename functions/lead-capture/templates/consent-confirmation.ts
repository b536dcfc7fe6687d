// Double opt-in: the marketing e-mail consent ticked on a form counts only once this link is
// followed. The address is not proven yet, so the mail greets nobody by a name the form supplied.
import { safeHtml } from '../../../shared/html.js';
import { defineTemplate } from '../../../shared/templates.js';

const linkButton =
  'display:inline-block;padding:12px 20px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:6px';

export const consentConfirmation = defineTemplate<{ link: string }>({
  name: 'consent-confirmation',
  optional: [],
  tr: {
    subject: () => 'E-posta iznini onaylayın',
    text: ({ link }) =>
      `Merhaba,\n\nKampanya ve duyurularımızı e-posta ile almak istediğinizi onaylamak için bu bağlantıyı açın:\n${link}\n\nBu isteği siz yapmadıysanız bu e-postayı yok sayın; size ticari ileti göndermeyeceğiz.`,
    html: ({ link }) =>
      safeHtml`<p>Merhaba,</p><p>Kampanya ve duyurularımızı e-posta ile almak istediğinizi onaylayın:</p><p><a href="${link}" style="${linkButton}">İzni onayla</a></p><p>Bu isteği siz yapmadıysanız bu e-postayı yok sayın; size ticari ileti göndermeyeceğiz.</p>`,
  },
  en: {
    subject: () => 'Confirm your e-mail consent',
    text: ({ link }) =>
      `Hello,\n\nTo confirm that you want our offers and news by e-mail, open this link:\n${link}\n\nIf you did not ask for this, ignore this e-mail; we will not send you marketing messages.`,
    html: ({ link }) =>
      safeHtml`<p>Hello,</p><p>Confirm that you want our offers and news by e-mail:</p><p><a href="${link}" style="${linkButton}">Confirm consent</a></p><p>If you did not ask for this, ignore this e-mail; we will not send you marketing messages.</p>`,
  },
});
