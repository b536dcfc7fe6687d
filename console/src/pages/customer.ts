// The customer's whole record: the profile, then each part (leads, quotes, orders, cases, contacts,
// opportunities, requests, the timeline) as a table that pages on with the part's cursor.
import { html } from 'lit';
import { api, asProblem } from '../api.js';
import { t } from '../strings.js';
import { pagedTable, problemView, show } from '../ui.js';

const parts = ['timeline', 'leads', 'quotes', 'orders', 'cases', 'opportunities', 'requests', 'contacts'] as const;

/** A part's item in one line: its id, status or kind, and when. */
const summary = (item: Record<string, unknown>) => {
  const id = Object.entries(item).find(([k]) => k.endsWith('Id') && k !== 'ownerId')?.[1];
  return [item.status ?? item.kind ?? item.type, item.subject ?? item.name, id].filter(Boolean).join(' · ');
};

export const customerPage = async ({ customerId }: Record<string, string>) => {
  const client = await api();
  const { data, error, response } = await client.GET('/customers/{customerId}', { params: { path: { customerId: customerId! } } });
  if (!data) return show(html`<h1>${t('record')}</h1>${problemView(asProblem(error, response.status))}`);
  const { customer } = data;
  show(html`<h1>${customer.name}</h1>
    <p>${[customer.company, customer.email, customer.phone, customer.city, customer.segment].filter(Boolean).join(' · ')}</p>
    ${parts.map((part) => html`<section><h2>${part}</h2><div id="part-${part}"></div></section>`)}`);
  for (const part of parts) {
    await pagedTable(
      document.getElementById(`part-${part}`)!,
      ['', t('created')],
      (item) => {
        const row = item as Record<string, unknown>;
        return html`<tr><td>${summary(row)}</td><td>${String(row.at ?? row.occurredAt ?? row.createdAt ?? '')}</td></tr>`;
      },
      async (cursor?: string) => {
        const answer = await client.GET('/customers/{customerId}/{part}', { params: { path: { customerId: customer.customerId, part }, query: { cursor } } });
        return answer.data ? { items: answer.data.items, nextCursor: answer.data.nextCursor } : asProblem(answer.error, answer.response.status);
      },
    );
  }
};
