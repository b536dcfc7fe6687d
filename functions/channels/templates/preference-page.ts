// The page a customer's signed link opens: the channels their record reaches, the current choice, and
// a form that posts the choice back to the same signed URL. No script.
import { safeHtml } from '../../../shared/html.js';
import type { HttpResult } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { page } from '../../../shared/pages.js';
import type { NoticeChannel, Reachable } from '../domain/channel-choice.js';

const text = {
  tr: {
    title: 'Bildirim tercihiniz',
    intro: 'Bildirim ve hesap özetlerinizi hangi kanaldan almak istersiniz?',
    names: { email: 'E-posta', sms: 'SMS', letter: 'Mektup' } as Record<NoticeChannel, string>,
    unreachable: 'bu kanal için kayıtlı bilginiz yok',
    save: 'Kaydet',
    saved: 'Tercihiniz kaydedildi.',
    unknown: 'Böyle bir kanal yok.',
    refused: 'Bu kanaldan size ulaşamıyoruz: kayıtlı bilginiz yok.',
    invalid: 'Bu bağlantı geçersiz.',
    expired: 'Bu bağlantının süresi doldu.',
  },
  en: {
    title: 'Your notice preference',
    intro: 'Which channel would you like your notices and statements by?',
    names: { email: 'E-mail', sms: 'SMS', letter: 'Letter' } as Record<NoticeChannel, string>,
    unreachable: 'we hold no contact for this channel',
    save: 'Save',
    saved: 'Your choice is saved.',
    unknown: 'There is no such channel.',
    refused: 'We cannot reach you by that channel: we hold no contact for it.',
    invalid: 'This link is not valid.',
    expired: 'This link has expired.',
  },
};

export type PreferenceNotice = 'saved' | 'unknown' | 'refused';

export const preferencePage = (
  language: Language,
  token: string,
  state: { channel: NoticeChannel | null; reachable: Reachable },
  notice?: PreferenceNotice,
  status = 200,
): HttpResult => {
  const t = text[language];
  const action = `/channel-preference?token=${encodeURIComponent(token)}`;
  const options = (Object.keys(t.names) as NoticeChannel[]).map(
    (channel) =>
      safeHtml`<div class="check"><input type="radio" id="c-${channel}" name="channel" value="${channel}"${
        state.channel === channel ? safeHtml` checked` : ''
      }><label for="c-${channel}">${t.names[channel]}${
        channel !== 'letter' && !state.reachable[channel] ? ` (${t.unreachable})` : ''
      }</label></div>`,
  );
  return page(
    status,
    language,
    t.title,
    safeHtml`${notice ? safeHtml`<p role="status">${t[notice]}</p>` : ''}<p>${t.intro}</p><form method="post" action="${action}">${options}<p><button type="submit">${t.save}</button></p></form>`,
  );
};

export const preferenceLinkProblem = (language: Language, reason: 'invalid' | 'expired'): HttpResult =>
  page(410, language, text[language].title, safeHtml`<p>${text[language][reason]}</p>`);
