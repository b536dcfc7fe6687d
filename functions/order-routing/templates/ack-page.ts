// The page the acknowledge link opens, on a phone: GET shows the order and one button (mail
// scanners open links, so only the POST acts); the outcome says what happened.

import { safeHtml } from '../../../shared/html.js';
import type { HttpResult } from '../../../shared/http.js';
import type { Language } from '../../../shared/language.js';
import { textOf } from '../../../shared/messages.js';
import { page } from '../../../shared/pages.js';
import type { Order } from '../order-store.js';
import { statusNames } from './customer-notice.js';
import { orderHtml, orderNumber } from './order-view.js';

const text = {
  tr: {
    title: 'Sipariş onayı',
    intro: (unit: string) => `Bu sipariş ${unit} birimine yönlendirildi.`,
    ack: 'Siparişi aldım',
    acknowledged: 'Teşekkürler, siparişi aldığınızı kaydettik.',
    done: (status: string) => `Bu bağlantı artık kullanılamaz. Siparişin durumu: ${status}.`,
    invalid: 'Bu bağlantı geçerli değil.',
    expired: 'Bu bağlantının süresi dolmuş. Siparişi CRM veya API üzerinden onaylayabilirsiniz.',
  },
  en: {
    title: 'Acknowledge order',
    intro: (unit: string) => `This order has been routed to ${unit}.`,
    ack: 'Acknowledge the order',
    acknowledged: 'Thank you, the order is recorded as acknowledged.',
    done: (status: string) => `This link cannot be used any more. The order is ${status}.`,
    invalid: 'This link is not valid.',
    expired: 'This link has expired. You can acknowledge the order in the CRM or through the API.',
  },
};

export type AckOutcome = 'acknowledged' | 'done' | 'invalid' | 'expired';

const statusOf: Record<AckOutcome, number> = { acknowledged: 200, done: 409, invalid: 403, expired: 410 };

export const ackOutcomePage = (language: Language, outcome: AckOutcome, order?: Order): HttpResult => {
  const t = text[language];
  const message = outcome === 'done' ? t.done(order ? textOf(statusNames, order.status, language) : '') : t[outcome];
  return page(statusOf[outcome], language, t.title, safeHtml`<p id="outcome" data-outcome="${outcome}">${message}</p>`);
};

export const ackPage = (language: Language, order: Order, unitName: string, token: string): HttpResult => {
  const t = text[language];
  return page(
    200,
    language,
    t.title,
    safeHtml`<p><strong>${orderNumber(order)}</strong></p><p>${t.intro(unitName)}</p>${orderHtml(order, language)}<form method="post" action="acknowledge"><input type="hidden" name="token" value="${token}"><p><button type="submit" style="width:100%">${t.ack}</button></p></form>`,
  );
};
