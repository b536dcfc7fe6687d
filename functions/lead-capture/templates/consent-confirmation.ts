// Double opt-in: the marketing e-mail consent ticked on a form counts only once this link is followed.
import { mailLayout, safeHtml } from '../../../shared/html.js';
import type { RenderedMail } from '../../../shared/mail.js';

export interface ConsentConfirmationVars {
  name: string;
  link: string;
}

export const consentConfirmation: Record<'tr' | 'en', (v: ConsentConfirmationVars) => RenderedMail> = {
  tr: ({ name, link }) => ({
    subject: 'E-posta iznini onaylayın',
    text: `Sayın ${name},\n\nKampanya ve duyurularımızı e-posta ile almak istediğinizi onaylamak için bu bağlantıyı açın:\n${link}\n\nBu isteği siz yapmadıysanız bu e-postayı yok sayın; size ticari ileti göndermeyeceğiz.`,
    html: mailLayout(
      'tr',
      safeHtml`<p>Sayın ${name},</p><p>Kampanya ve duyurularımızı e-posta ile almak istediğinizi onaylayın:</p><p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:6px">İzni onayla</a></p><p>Bu isteği siz yapmadıysanız bu e-postayı yok sayın; size ticari ileti göndermeyeceğiz.</p>`,
    ),
  }),
  en: ({ name, link }) => ({
    subject: 'Confirm your e-mail consent',
    text: `Dear ${name},\n\nTo confirm that you want our offers and news by e-mail, open this link:\n${link}\n\nIf you did not ask for this, ignore this e-mail; we will not send you marketing messages.`,
    html: mailLayout(
      'en',
      safeHtml`<p>Dear ${name},</p><p>Confirm that you want our offers and news by e-mail:</p><p><a href="${link}" style="display:inline-block;padding:12px 20px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:6px">Confirm consent</a></p><p>If you did not ask for this, ignore this e-mail; we will not send you marketing messages.</p>`,
    ),
  }),
};
