// To the unit an order is routed to, in its language: the order, whom it is for, how to reach them,
// and a one-tap acknowledge link (or the API) before its SLA runs out.
import { safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { defineTemplate, recordReference, type TemplateVersion } from '../../../shared/templates.js';
import type { Order } from '../order-store.js';
import { orderHtml, orderNumber, orderText } from './order-view.js';

export interface UnitOrderVars {
  order: Order;
  customerName: string;
  customerContact?: string;
  ackUrl: string;
  /** The acknowledgement deadline as people read it; absent when nothing re-routes it. */
  ackBy?: string;
  rerouted: boolean;
}

const text = {
  tr: {
    subject: (o: Order, rerouted: boolean) => `${rerouted ? 'Size yönlendirilen' : 'Yeni'} sipariş: ${orderNumber(o)}`,
    intro: (customer: string) => `${customer} için bir sipariş size yönlendirildi.`,
    rerouted: 'Önceki birim siparişi süresi içinde onaylamadığı için sipariş size aktarıldı.',
    contact: 'İletişim',
    ack: 'Siparişi aldım',
    ackBy: (when: string) => `Lütfen ${when} saatine kadar onaylayın; onaylanmayan sipariş başka bir birime aktarılır.`,
    reference: (orderId: string) => `Bağlantı bir kez kullanılabilir. ${recordReference('tr', 'order', orderId)}`,
  },
  en: {
    subject: (o: Order, rerouted: boolean) => `${rerouted ? 'Order passed to you' : 'New order'}: ${orderNumber(o)}`,
    intro: (customer: string) => `An order for ${customer} has been routed to you.`,
    rerouted: 'It comes to you because the unit before did not acknowledge it in time.',
    contact: 'Contact',
    ack: 'Acknowledge the order',
    ackBy: (when: string) => `Please acknowledge it by ${when}; an order left unacknowledged goes to another unit.`,
    reference: (orderId: string) => `The link works once. ${recordReference('en', 'order', orderId)}`,
  },
};

const version = (language: Language): TemplateVersion<UnitOrderVars> => {
  const t = text[language];
  return {
    subject: (v) => t.subject(v.order, v.rerouted),
    text: (v) =>
      [
        t.intro(v.customerName),
        ...(v.rerouted ? [t.rerouted] : []),
        ...(v.customerContact ? [`${t.contact}: ${v.customerContact}`] : []),
        '',
        orderText(v.order, language),
        '',
        `${t.ack}: ${v.ackUrl}`,
        ...(v.ackBy ? [t.ackBy(v.ackBy)] : []),
        t.reference(v.order.orderId),
      ].join('\n'),
    html: (v) =>
      safeHtml`<p>${t.intro(v.customerName)}</p>${v.rerouted ? safeHtml`<p>${t.rerouted}</p>` : ''}${
        v.customerContact ? safeHtml`<p>${t.contact}: ${v.customerContact}</p>` : ''
      }<h3 style="font-size:15px">${orderNumber(v.order)}</h3>${orderHtml(v.order, language)}<p><a href="${v.ackUrl}" style="display:inline-block;padding:14px 22px;background:#0b6e4f;color:#fff;text-decoration:none;border-radius:6px">${t.ack}</a></p>${
        v.ackBy ? safeHtml`<p>${t.ackBy(v.ackBy)}</p>` : ''
      }<p style="color:#52606d;font-size:13px">${t.reference(v.order.orderId)}</p>`,
  };
};

export const unitOrderMail = defineTemplate<UnitOrderVars>({
  name: 'unit-order',
  optional: ['customerContact', 'ackBy'],
  tr: version('tr'),
  en: version('en'),
});
