// An order as units and customers read it: its number, lines, total, delivery and dates.
import { type SafeHtml, safeHtml } from '../../../shared/html.js';
import type { Language } from '../../../shared/language.js';
import { formatMoney } from '../../../shared/money.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import type { Order } from '../order-store.js';

export const orderNumber = (order: Pick<Order, 'orderId'>) => recordNumber('order', order.orderId);

const labels = {
  tr: {
    sku: 'Ürün',
    quantity: 'Adet',
    unitPrice: 'Birim fiyat',
    total: 'Tutar',
    grandTotal: 'Genel toplam',
    delivery: 'Teslimat',
    requested: 'İstenen tarih',
  },
  en: {
    sku: 'Product',
    quantity: 'Qty',
    unitPrice: 'Unit price',
    total: 'Amount',
    grandTotal: 'Grand total',
    delivery: 'Delivery',
    requested: 'Requested date',
  },
};

export const orderText = (order: Order, language: Language) => {
  const l = labels[language];
  return [
    ...order.lines.map(
      (line) =>
        `- ${line.sku} × ${line.quantity} @ ${formatMoney(line.unitPrice, language)} = ${formatMoney(line.total, language)}`,
    ),
    `${l.grandTotal}: ${formatMoney(order.totals.grandTotal, language)}`,
    ...(order.delivery
      ? [`${l.delivery}: ${order.delivery.address}, ${order.delivery.city}`]
      : order.city
        ? [`${l.delivery}: ${order.city}`]
        : []),
    ...(order.requestedDate ? [`${l.requested}: ${order.requestedDate}`] : []),
  ].join('\n');
};

export const orderHtml = (order: Order, language: Language): SafeHtml => {
  const l = labels[language];
  const cell = 'padding:4px 8px;border-bottom:1px solid #e4e7eb;text-align:left';
  return safeHtml`<table style="border-collapse:collapse;width:100%;font-size:14px"><thead><tr><th style="${cell}">${l.sku}</th><th style="${cell}">${l.quantity}</th><th style="${cell}">${l.unitPrice}</th><th style="${cell}">${l.total}</th></tr></thead><tbody>${order.lines.map(
    (line) =>
      safeHtml`<tr><td style="${cell}">${line.sku}</td><td style="${cell}">${line.quantity}</td><td style="${cell}">${formatMoney(line.unitPrice, language)}</td><td style="${cell}">${formatMoney(line.total, language)}</td></tr>`,
  )}</tbody></table><p><strong>${l.grandTotal}: ${formatMoney(order.totals.grandTotal, language)}</strong></p>${
    order.delivery
      ? safeHtml`<p>${l.delivery}: ${order.delivery.address}, ${order.delivery.city}</p>`
      : order.city
        ? safeHtml`<p>${l.delivery}: ${order.city}</p>`
        : ''
  }${order.requestedDate ? safeHtml`<p>${l.requested}: ${order.requestedDate}</p>` : ''}`;
};
