// To the customer when their order moves to a status the rules tell them about (shipped, delivered…).
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { defineTemplate, type TemplateVersion } from '../../../shared/templates.js';
import type { OrderStatus } from '../domain/lifecycle.js';
import type { Order } from '../order-store.js';
import { orderHtml, orderNumber, orderText } from './order-view.js';

export interface CustomerNoticeVars {
  order: Order;
  customerName: string;
  status: OrderStatus;
}

export const statusNames: Record<Language, Record<OrderStatus, string>> = {
  tr: {
    received: 'alındı',
    routed: 'ilgili birime iletildi',
    acknowledged: 'birim tarafından onaylandı',
    in_progress: 'hazırlanıyor',
    shipped: 'kargoya verildi',
    delivered: 'teslim edildi',
    cancelled: 'iptal edildi',
    returned: 'iade alındı',
  },
  en: {
    received: 'received',
    routed: 'passed to the unit that handles it',
    acknowledged: 'acknowledged',
    in_progress: 'being prepared',
    shipped: 'shipped',
    delivered: 'delivered',
    cancelled: 'cancelled',
    returned: 'returned',
  },
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
  const status = (v: CustomerNoticeVars) => statusNames[language][v.status];
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
