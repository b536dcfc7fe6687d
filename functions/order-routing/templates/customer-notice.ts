// To the customer when their order moves to a status the rules tell them about (shipped, delivered…).

import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { type Texts, textOf } from '../../../shared/messages.js';
import { defineTemplate, type TemplateVersion } from '../../../shared/templates.js';
import type { OrderStatus } from '../domain/lifecycle.js';
import type { Order } from '../order-store.js';
import { orderHtml, orderNumber, orderText } from './order-view.js';

export interface CustomerNoticeVars {
  order: Order;
  customerName: string;
  status: OrderStatus;
}

export const statusNames: Texts<OrderStatus> = {
  received: { tr: 'alındı', en: 'received' },
  routed: { tr: 'ilgili birime iletildi', en: 'passed to the unit that handles it' },
  acknowledged: { tr: 'birim tarafından onaylandı', en: 'acknowledged' },
  in_progress: { tr: 'hazırlanıyor', en: 'being prepared' },
  shipped: { tr: 'kargoya verildi', en: 'shipped' },
  delivered: { tr: 'teslim edildi', en: 'delivered' },
  cancelled: { tr: 'iptal edildi', en: 'cancelled' },
  returned: { tr: 'iade alındı', en: 'returned' },
};

const text = {
  tr: {
    subject: (o: Order, s: string) => `Siparişiniz ${s}: ${orderNumber(o)}`,
    greeting: (name: string) => `Sayın ${name},`,
    body: (o: Order, s: string) => `${orderNumber(o)} numaralı siparişiniz ${s}.`,
  },
  en: {
    subject: (o: Order, s: string) => `Your order has been ${s}: ${orderNumber(o)}`,
    greeting: (name: string) => `Dear ${name},`,
    body: (o: Order, s: string) => `Your order ${orderNumber(o)} has been ${s}.`,
  },
};

const version = (language: Language): TemplateVersion<CustomerNoticeVars> => {
  const t = text[language];
  const status = (v: CustomerNoticeVars) => textOf(statusNames, v.status, language);
  return {
    subject: (v) => t.subject(v.order, status(v)),
    text: (v) =>
      [t.greeting(v.customerName), '', t.body(v.order, status(v)), '', orderText(v.order, language)].join('\n'),
    html: (v) =>
      safeHtml`<p>${t.greeting(v.customerName)}</p><p>${t.body(v.order, status(v))}</p>${orderHtml(v.order, language)}`,
  };
};

export const customerNotice = defineTemplate<CustomerNoticeVars>({
  name: 'order-customer-notice',
  optional: [],
  tr: version('tr'),
  en: version('en'),
});
