// The work queues of units: a dealer's (or unit's) orders to acknowledge, a department's cases with
// their SLA clocks to resolve. Each row acts with the seq it was read at, so a stale row is a 409.
import { html, nothing } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { label, money, t, valuesOf } from '../strings.js';
import {
  ageField,
  ageOf,
  daysSince,
  exportButton,
  filterForm,
  pagedTable,
  rowAction,
  show,
  sortField,
  sortOf,
} from '../ui.js';

type OrderFilter = NonNullable<operations['listOrders']['parameters']['query']>;
type CaseFilter = NonNullable<operations['listCases']['parameters']['query']>;

/** The list's filter as the page's address carries it (`#/orders?unit=…&status=open&olderThanDays=2`). */
const filterOf = (query: URLSearchParams): OrderFilter => {
  const days = ageOf(query);
  return {
    status: (query.get('status') ?? 'routed') as OrderFilter['status'],
    ...(query.get('unit') ? { unit: query.get('unit')! } : {}),
    ...(days ? { olderThanDays: days } : {}),
    ...sortOf(query, 'oldest'),
    ...(query.get('number') ? { number: query.get('number')! } : {}),
  };
};

export const ordersPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const outcomes = new Map<string, string>();
  const filter = filterOf(query);
  const statuses = ['open', ...valuesOf('orderStatus')];
  const client = await api();
  show(html`<h1>${t('orders')}</h1>
    ${filterForm(
      '/orders',
      html`<label>${t('status')}
          <select name="status">${statuses.map(
            (s) =>
              html`<option value=${s} ?selected=${s === filter.status}>${s === 'open' ? t('openOrders') : label('orderStatus', s)}</option>`,
          )}</select></label>
        <label>${t('unit')} <input name="unit" value=${filter.unit ?? ''} maxlength="100" /></label>
        ${ageField(filter.olderThanDays)}
        ${sortField(sortOf(query, 'oldest'))}
        <label>${t('findNumber')} <input name="number" value=${filter.number ?? ''} maxlength="40" /></label>`,
      exportButton('orders.csv', () =>
        // The bytes as sent: read as text, the byte-order mark Excel needs would be dropped.
        client.GET('/orders/export', { params: { query: { ...filter, format: 'csv' } }, parseAs: 'blob' }),
      ),
    )}
    <section id="list"></section>`);
  const now = Date.now();
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('customer'), t('unit'), t('status'), t('age'), t('total'), ''],
    (order, redraw) => html`<tr data-order=${order.orderId}>
      <td><a href="#/orders/${order.orderId}">${order.number ?? order.orderId}</a></td>
      <td>${order.customerName ?? ''}</td><td data-unit>${order.unitId ?? ''}</td>
      <td data-status=${order.status}>${label('orderStatus', order.status)}</td>
      <td data-age>${daysSince(String(order.createdAt), now)}</td>
      <td data-total=${order.grandTotal.amount}>${money(order.grandTotal.amount, order.grandTotal.currency)}</td>
      <td>${
        order.status === 'routed'
          ? rowAction(outcomes, order.orderId, t('acknowledge'), redraw, () =>
              client.POST('/orders/{orderId}/status', {
                params: { path: { orderId: order.orderId } },
                body: { status: 'acknowledged', seq: order.seq as number },
              }),
            )
          : nothing
      }</td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/orders', {
        params: { query: { ...filter, cursor, limit: 20 } },
      });
      return data ? { items: data.orders, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};

/** The cases list's filter as the page's address carries it (`#/cases?unit=…&olderThanDays=2&breaching=today`). */
const caseFilterOf = (query: URLSearchParams): CaseFilter => {
  const days = ageOf(query);
  return {
    // Soonest due first (late ones on top) on the server, or newest first; one status, or the active ones.
    ...(query.get('sort') === 'due' ? { sort: 'due' as const } : {}),
    ...(valuesOf('caseStatus').includes(query.get('status') ?? '')
      ? { status: query.get('status') as CaseFilter['status'] }
      : {}),
    ...(query.get('unit') ? { unit: query.get('unit')! } : {}),
    ...(query.get('owner') ? { owner: query.get('owner')! } : {}),
    ...(days ? { olderThanDays: days } : {}),
    ...(query.get('breaching') === 'today' ? { breaching: 'today' as const } : {}),
  };
};

export const casesPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const outcomes = new Map<string, string>();
  const filter = caseFilterOf(query);
  const client = await api();
  const now = Date.now();
  show(html`<h1>${t('cases')}</h1>
    ${filterForm(
      '/cases',
      html`<label>${t('status')}
          <select name="status">
            <option value="">${t('all')}</option>
            ${valuesOf('caseStatus').map((s) => html`<option value=${s} ?selected=${s === filter.status}>${label('caseStatus', s)}</option>`)}
          </select>
        </label>
        <label>${t('unit')} <input name="unit" value=${filter.unit ?? ''} maxlength="100" /></label>
        <label>${t('owner')} <input name="owner" value=${filter.owner ?? ''} maxlength="100" /></label>
        ${ageField(filter.olderThanDays)}
        <label><input type="checkbox" name="breaching" value="today" ?checked=${filter.breaching === 'today'} />
          ${t('breachingToday')}</label>
        <label>${t('sortBy')}
          <select name="sort">
            <option value="">${t('newestFirst')}</option>
            <option value="due" ?selected=${filter.sort === 'due'}>${t('soonestDueFirst')}</option>
          </select>
        </label>`,
      exportButton('cases.csv', () =>
        client.GET('/cases/export', { params: { query: { ...filter, format: 'csv' } }, parseAs: 'blob' }),
      ),
    )}
    <section id="list"></section>`);
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('subject'), t('unit'), t('priority'), t('age'), t('sla'), ''],
    (c, redraw) => html`<tr data-case=${c.caseId}>
      <td><a href="#/cases/${c.caseId}">${c.caseNumber}</a></td><td>${c.subject}</td><td data-unit>${c.unit.id}</td>
      <td data-priority=${c.priority}>${label('priority', c.priority)}</td><td data-age>${daysSince(c.createdAt, now)}</td>
      <td>${c.sla.segment} · ${c.sla.targets.resolution} ${t('minutes')} · ${t('escalation')} ${c.sla.escalationLevel}</td>
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
      const { data, error, response } = await client.GET('/cases', {
        params: { query: { ...filter, cursor, limit: 20 } },
      });
      return data ? { items: data.cases, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};
