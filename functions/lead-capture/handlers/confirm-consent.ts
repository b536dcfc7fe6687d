// GET /consents/confirm shows a confirm button; POST confirms. A GET never changes anything, because
// mail scanners open links on their own; the button press is the person's act.

import { clockNow } from '../../../shared/clock.js';
import { confirmConsentRequest, consentConfirmationLink, getConsentRequest } from '../../../shared/consent.js';
import { safeHtml } from '../../../shared/html.js';
import { clientIp, type HttpEvent, route, routes } from '../../../shared/http.js';
import { defaultLanguage } from '../../../shared/language.js';
import { page } from '../../../shared/pages.js';
import { leadRoutes } from '../manifest.js';

const text = {
  tr: {
    title: 'E-posta izni',
    ask: 'Kampanya ve duyurularımızı e-posta ile almayı onaylıyor musunuz?',
    button: 'Evet, onaylıyorum',
    done: 'Teşekkürler, izniniz kaydedildi. İzninizi istediğiniz zaman geri alabilirsiniz.',
    gone: 'Bu bağlantı geçersiz, süresi dolmuş ya da daha önce kullanılmış.',
  },
  en: {
    title: 'E-mail consent',
    ask: 'Do you confirm that you want our offers and news by e-mail?',
    button: 'Yes, I confirm',
    done: 'Thank you, your consent is recorded. You can withdraw it at any time.',
    gone: 'This link is invalid, has expired, or has been used already.',
  },
};

/** The page for the link's token; `posted` is the person's button press, which confirms. */
const consentPage = async (token: string, posted: boolean, event: HttpEvent) => {
  const link = await consentConfirmationLink.read(token);
  const request = link.ok ? await getConsentRequest(link.claims.requestId) : undefined;
  // Before the request is known, the page speaks the firm's default language.
  const language = request?.language ?? defaultLanguage;
  const t = text[language];
  if (!request) return page(410, language, t.title, safeHtml`<p>${t.gone}</p>`);
  if (!posted) {
    return page(
      200,
      language,
      t.title,
      safeHtml`<p>${t.ask}</p><form method="post" action="confirm"><input type="hidden" name="token" value="${token}"><button type="submit">${t.button}</button></form>`,
    );
  }
  const confirmed = await confirmConsentRequest(request, clientIp(event), clockNow());
  return confirmed.ok
    ? page(200, language, t.title, safeHtml`<p>${t.done}</p>`)
    : page(410, language, t.title, safeHtml`<p>${t.gone}</p>`);
};

export const handler = routes([
  route(leadRoutes.consentPage, async ({ query }, event) => consentPage(query.token ?? '', false, event)),
  route(leadRoutes.confirmConsent, async ({ body }, event) => consentPage(String(body.token ?? ''), true, event)),
]);
