// The work queues of units: a dealer's (or unit's) orders to acknowledge, a department's cases with
// their SLA clocks to resolve. Each row acts with the seq it was read at, so a stale row is a 409.
import { html } from 'lit';
import { api, asProblem } from '../api.js';
import { money, t } from '../strings.js';
import { pagedTable, show } from '../ui.js';

/** A row's action button; its problem, if any, replaces the button's cell text. */
const act = (label: string, run: () => Promise<{ error?: unknown; response: Response }>) => async (event: Event) => {
  const button = event.target as HTMLButtonElement;
  button.setAttribute('aria-busy', 'true');
  const { error, response } = await run();
  const cell = button.parentElement!;
  cell.textContent = error ? (asProblem(error, response.status).detail ?? String(response.status)) : `${label} ✓`;
};

export const ordersPage = async () => {
  show(html`<h1>${t('orders')}</h1><section id="list"></section>`);
  const client = await api();
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('total'), t('status'), ''],
    (order) => html`<tr data-order=${order.orderId}>
      <td>${order.orderId}</td><td>${money(order.grandTotal.amount, order.grandTotal.currency)}</td><td>${order.status}</td>
      <td><button type="button" @click=${act(t('acknowledge'), () =>
        client.POST('/orders/{orderId}/status', { params: { path: { orderId: order.orderId } }, body: { status: 'acknowledged', seq: order.seq as number } }),
      )}>${t('acknowledge')}</button></td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/orders', { params: { query: { status: 'routed', cursor, limit: 20 } } });
      return data ? { items: data.orders, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};

export const casesPage = async () => {
  show(html`<h1>${t('cases')}</h1><section id="list"></section>`);
  const client = await api();
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('subject'), t('priority'), t('sla'), ''],
    (c) => html`<tr data-case=${c.caseId}>
      <td>${c.caseNumber}</td><td>${c.subject}</td><td>${c.priority}</td><td>${c.sla.segment} · ${c.sla.targets.resolution} min · L${c.sla.escalationLevel}</td>
      <td><button type="button" @click=${act(t('resolve'), () =>
        client.POST('/cases/{caseId}/status', { params: { path: { caseId: c.caseId } }, body: { to: 'resolved', seq: c.seq, note: 'resolved' } }),
      )}>${t('resolve')}</button></td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/cases', { params: { query: { cursor, limit: 20 } } });
      return data ? { items: data.cases.filter((c) => c.status !== 'resolved' && c.status !== 'closed'), nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};
