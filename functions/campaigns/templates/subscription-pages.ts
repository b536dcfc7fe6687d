// The pages an unsubscribe link opens, in the customer's language: the confirmation (GET shows a
// button; mail scanners open links, so only the POST acts), the outcome, and the preference page.
// Forms post back to the same signed URL; they run no script.

import { safeHtml } from '../../../shared/html.js';
import type { HttpResult } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import type { Texts } from '../../../shared/messages.js';
import { page } from '../../../shared/pages.js';

const topicNames: Texts<string> = {
  all: { tr: 'tüm pazarlama e-postaları', en: 'all marketing e-mail' },
  offers: { tr: 'kampanya ve fırsatlar', en: 'offers' },
  newsletter: { tr: 'bülten', en: 'newsletter' },
  events: { tr: 'etkinlikler', en: 'events' },
  birthday: { tr: 'doğum günü tebrikleri', en: 'birthday greetings' },
};

/** A topic's name for people; a topic configured without one shows its id. */
export const topicName = (language: Language, topic: string) => topicNames[topic]?.[language] ?? topic;

const text = {
  tr: {
    title: 'E-posta aboneliği',
    ask: (topic: string) => `“${topic}” e-postalarını artık almak istemiyor musunuz?`,
    button: 'Abonelikten çık',
    left: (topic: string) => `“${topic}” e-postalarını artık almayacaksınız.`,
    already: (topic: string) => `“${topic}” e-postalarını zaten almıyorsunuz.`,
    others: 'Diğer konulardaki tercihleriniz ve siparişleriniz, teklifleriniz gibi işlem e-postaları değişmedi.',
    preferences: 'Tüm e-posta tercihlerim',
    prefsIntro: 'Hangi konularda e-posta aldığınızı burada görebilir, istediğinizden ayrılabilirsiniz.',
    on: 'Alıyorsunuz',
    off: 'Almıyorsunuz',
    leave: 'Ayrıl',
    leaveAll: 'Tüm pazarlama e-postalarından ayrıl',
    unknownTopic: 'Böyle bir konu yok.',
    invalid: 'Bu bağlantı geçerli değil. Lütfen son aldığınız e-postadaki bağlantıyı kullanın.',
    expired: 'Bu bağlantının süresi dolmuş. Lütfen son aldığınız e-postadaki bağlantıyı kullanın.',
  },
  en: {
    title: 'E-mail subscription',
    ask: (topic: string) => `Do you want to stop receiving “${topic}” e-mails?`,
    button: 'Unsubscribe',
    left: (topic: string) => `You will no longer receive “${topic}” e-mails.`,
    already: (topic: string) => `You are not receiving “${topic}” e-mails.`,
    others: 'Your other topics, and mail about your orders and quotes, are unchanged.',
    preferences: 'All my e-mail preferences',
    prefsIntro: 'See which topics you get e-mail about, and leave any of them.',
    on: 'Subscribed',
    off: 'Not subscribed',
    leave: 'Leave',
    leaveAll: 'Leave all marketing e-mail',
    unknownTopic: 'There is no such topic.',
    invalid: 'This link is not valid. Please use the link in the latest e-mail you received.',
    expired: 'This link has expired. Please use the link in the latest e-mail you received.',
  },
};

/** `?token=…` for the forms and links of these pages: relative, so they work under any stage path. */
const withToken = (path: string, token: string) => `${path}?token=${encodeURIComponent(token)}`;

export const confirmPage = (language: Language, token: string, topic: string): HttpResult => {
  const t = text[language];
  return page(
    200,
    language,
    t.title,
    safeHtml`<p>${t.ask(topicName(language, topic))}</p><form method="post" action="${withToken('unsubscribe', token)}"><input type="hidden" name="List-Unsubscribe" value="One-Click"><button type="submit">${t.button}</button></form><p><a href="${withToken('unsubscribe/preferences', token)}">${t.preferences}</a></p>`,
  );
};

export const outcomePage = (language: Language, token: string, topic: string, withdrawn: boolean): HttpResult => {
  const t = text[language];
  const name = topicName(language, topic);
  return page(
    200,
    language,
    t.title,
    safeHtml`<p>${withdrawn ? t.left(name) : t.already(name)}</p><p>${t.others}</p><p><a href="${withToken('unsubscribe/preferences', token)}">${t.preferences}</a></p>`,
  );
};

/** `state`: every topic's current choice; `notice`: what the last press did. */
export const preferencesPage = (
  language: Language,
  token: string,
  state: Record<string, boolean>,
  notice?: { topic: string; withdrawn: boolean } | 'unknown-topic',
  status = 200,
): HttpResult => {
  const t = text[language];
  const action = withToken('preferences', token);
  const noticeHtml =
    notice === 'unknown-topic'
      ? safeHtml`<p role="status">${t.unknownTopic}</p>`
      : notice
        ? safeHtml`<p role="status">${notice.withdrawn ? t.left(topicName(language, notice.topic)) : t.already(topicName(language, notice.topic))} ${t.others}</p>`
        : '';
  const rows = Object.entries(state).map(
    ([topic, on]) =>
      safeHtml`<li data-topic="${topic}"><strong>${topicName(language, topic)}</strong>: <span>${on ? t.on : t.off}</span>${
        on
          ? safeHtml` <form method="post" action="${action}" style="display:inline"><input type="hidden" name="topic" value="${topic}"><button type="submit">${t.leave}</button></form>`
          : ''
      }</li>`,
  );
  const anyOn = Object.values(state).some(Boolean);
  return page(
    status,
    language,
    t.title,
    safeHtml`${noticeHtml}<p>${t.prefsIntro}</p><ul>${rows}</ul>${
      anyOn
        ? safeHtml`<form method="post" action="${action}"><input type="hidden" name="topic" value="all"><button type="submit">${t.leaveAll}</button></form>`
        : ''
    }`,
  );
};

export const linkProblemPage = (language: Language, reason: 'invalid' | 'expired'): HttpResult =>
  page(410, language, text[language].title, safeHtml`<p>${text[language][reason]}</p>`);
