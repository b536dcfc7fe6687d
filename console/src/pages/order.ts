// An order as the unit it is routed to works it: lines, delivery, the unit and rule that routed it,
// the acknowledgement deadline (Istanbul time) and how long is left, the moves its status allows
// (each with the seq the page was read at), and its history with times.
import { html, nothing } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, money, type StringKey, t } from '../strings.js';
import { problemView, show, statusView } from '../ui.js';
import { type HistoryRow, historyTable, type Move, movesForm } from './record-forms.js';
import { orderInvoicing } from './sales.js';

type OrderMove = operations['getOrder']['responses'][200]['content']['application/json']['allowedMoves'][number];
type OrderStatus = OrderMove['to'];

interface Money {
  amount: number;
  currency: string;
}

/** What GET /orders/{orderId} answers beyond the fields its schema names. */
interface OrderDetail {
  lines: { sku: string; quantity: number; unitPrice: Money; total: Money }[];
  totals: { grandTotal: Money };
  delivery?: { address: string; city: string; region?: string };
  requestedDate?: string;
  unitId?: string;
  routing?: { unitId: string; ruleId: string; ackDueAt?: string };
}

const labels: Record<OrderStatus, StringKey> = {
  acknowledged: 'acknowledge',
  in_progress: 'startWork',
  shipped: 'ship',
  delivered: 'deliver',
  cancelled: 'cancel',
  returned: 'returned',
};

/** The moves the API says the caller's role may make, one button per status they reach. */
const nextMoves = (allowed: OrderMove[]): Move[] =>
  [...new Set(allowed.map((move) => move.to))].map((to) => ({ to, label: labels[to] }));

const MINUTE_MS = 60_000;

/** Minutes as the reader takes them in: "95 minutes left" or "12 minutes late". */
const minutesLeft = (minutes: number) =>
  minutes >= 0 ? `${minutes} ${t('minutesLeft')}` : `${-minutes} ${t('minutesLate')}`;

export const orderPage = async ({ orderId }: Record<string, string>) => {
  const client = await api();
  const { data, error, response } = await client.GET('/orders/{orderId}', { params: { path: { orderId: orderId! } } });
  if (!data) return show(html`<h1>${t('order')}</h1>${problemView(asProblem(error, response.status))}`);
  const order = data as typeof data & OrderDetail;
  const send = async (to: string, note?: string) => {
    const answer = await client.POST('/orders/{orderId}/status', {
      params: { path: { orderId: order.orderId } },
      body: { status: to as OrderStatus, seq: order.seq, note },
    });
    if (answer.error) return asProblem(answer.error, answer.response.status);
    await orderPage({ orderId: order.orderId });
    return undefined;
  };
  const moves = nextMoves(order.allowedMoves);
  const due = order.status === 'routed' ? order.routing?.ackDueAt : undefined;
  const { grandTotal } = order.totals;
  const invoicing = await orderInvoicing({ orderId: order.orderId, customerId: order.customerId, grandTotal });
  show(html`<h1>${t('order')} <span data-number>${String(order.number ?? order.orderId)}</span></h1>
    <p>${t('status')}: ${statusView('orderStatus', order.status)} · <a href="#/customers/${order.customerId}">${t('record')}</a>
      · ${t('total')}: ${money(grandTotal.amount, grandTotal.currency)}</p>
    <p>${t('routedTo')}: <strong data-unit>${order.unitId ?? '—'}</strong>${order.routing ? html` (${order.routing.ruleId})` : nothing}</p>
    ${
      due
        ? html`<p data-ack-due>${t('ackDue')}: <time datetime=${due}>${dateTime(due)}</time> · ${minutesLeft(Math.round((Date.parse(due) - Date.now()) / MINUTE_MS))}</p>`
        : nothing
    }
    ${movesForm(moves, send)}
    ${invoicing}
    <h2>${t('lines')}</h2>
    <div class="overflow-auto"><table class="striped">
      <thead><tr><th scope="col">${t('sku')}</th><th scope="col">${t('quantity')}</th><th scope="col">${t('unitPrice')}</th><th scope="col">${t('lineTotal')}</th></tr></thead>
      <tbody>${order.lines.map(
        (l) =>
          html`<tr><td>${l.sku}</td><td>${l.quantity}</td><td>${money(l.unitPrice.amount, l.unitPrice.currency)}</td><td>${money(l.total.amount, l.total.currency)}</td></tr>`,
      )}</tbody>
    </table></div>
    ${
      order.delivery
        ? html`<h2>${t('delivery')}</h2>
          <p>${[order.delivery.address, order.delivery.city, order.delivery.region].filter(Boolean).join(', ')}${
            order.requestedDate ? html` · ${t('requestedDate')}: ${order.requestedDate}` : nothing
          }</p>`
        : nothing
    }
    ${historyTable('orderStatus', order.history as HistoryRow[])}`);
};
