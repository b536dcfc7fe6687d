// The work queues of units: a dealer's (or unit's) orders to acknowledge, a department's cases with
// their SLA clocks to resolve. Each row acts with the seq it was read at, so a stale row is a 409.
import { html } from 'lit';
import { api, asProblem } from '../api.js';
import { label, money, t } from '../strings.js';
import { pagedTable, rowAction, show } from '../ui.js';

export const ordersPage = async () => {
  const outcomes = new Map<string, string>();
  show(html`<h1>${t('orders')}</h1><section id="list"></section>`);
  const client = await api();
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('total'), t('status'), ''],
    (order, redraw) => html`<tr data-order=${order.orderId}>
      <td><a href="#/orders/${order.orderId}">${order.orderId}</a></td><td>${money(order.grandTotal.amount, order.grandTotal.currency)}</td><td data-status=${order.status}>${label('orderStatus', order.status)}</td>
      <td>${rowAction(outcomes, order.orderId, t('acknowledge'), redraw, () =>
        client.POST('/orders/{orderId}/status', {
          params: { path: { orderId: order.orderId } },
          body: { status: 'acknowledged', seq: order.seq as number },
        }),
      )}</td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/orders', {
        params: { query: { status: 'routed', cursor, limit: 20 } },
      });
      return data ? { items: data.orders, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};

export const casesPage = async () => {
  const outcomes = new Map<string, string>();
  show(html`<h1>${t('cases')}</h1><section id="list"></section>`);
  const client = await api();
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('subject'), t('priority'), t('sla'), ''],
    (c, redraw) => html`<tr data-case=${c.caseId}>
      <td><a href="#/cases/${c.caseId}">${c.caseNumber}</a></td><td>${c.subject}</td><td data-priority=${c.priority}>${label('priority', c.priority)}</td><td>${c.sla.segment} · ${c.sla.targets.resolution} ${t('minutes')} · ${t('escalation')} ${c.sla.escalationLevel}</td>
      <td>${
        // An open case is acknowledged first; the row then offers to resolve it, at the new seq.
        c.status === 'open'
          ? html`<button type="button" @click=${async () => {
              const { data, error, response } = await client.POST('/cases/{caseId}/status', {
                params: { path: { caseId: c.caseId } },
                body: { to: 'acknowledged', seq: c.seq },
              });
              if (data) Object.assign(c, { status: data.status, seq: data.seq });
              else outcomes.set(c.caseId, asProblem(error, response.status).detail ?? String(response.status));
              redraw();
            }}>${t('acknowledge')}</button>`
          : rowAction(outcomes, c.caseId, t('resolve'), redraw, () =>
              client.POST('/cases/{caseId}/status', {
                params: { path: { caseId: c.caseId } },
                body: { to: 'resolved', seq: c.seq },
              }),
            )
      }</td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/cases', { params: { query: { cursor, limit: 20 } } });
      return data
        ? {
            items: data.cases.filter((c) => c.status !== 'resolved' && c.status !== 'closed'),
            nextCursor: data.nextCursor,
          }
        : asProblem(error, response.status);
    },
  );
};
