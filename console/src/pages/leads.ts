// A rep's leads: the list (status filter, pages by cursor), a lead's detail and its status moves.
import { html } from 'lit';
import { api, asProblem } from '../api.js';
import type { components, operations } from '../api-types.js';
import { dateTime, label, noteText, t, transition } from '../strings.js';
import { clearProblem, formValues, pagedTable, problemSlot, problemView, show, showProblem, statusView } from '../ui.js';

type LeadStatus = NonNullable<NonNullable<operations['listLeads']['parameters']['query']>['status']>;
const statuses: LeadStatus[] = ['new', 'contacted', 'qualified', 'converted', 'disqualified'];
type Problem = components['schemas']['Problem'];

export const leadsPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const status = statuses.find((s) => s === query.get('status'));
  const filter = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = formValues(event.target as HTMLFormElement).status;
    location.hash = chosen ? `#/leads?status=${chosen}` : '#/leads';
  };
  show(html`<h1>${t('leads')}</h1>
    <form @submit=${filter} role="search">
      <label>${t('status')}
        <select name="status">
          <option value="">${t('all')}</option>
          ${statuses.map((s) => html`<option value=${s} ?selected=${s === status}>${label('leadStatus', s)}</option>`)}
        </select>
      </label>
      <button type="submit">${t('filter')}</button>
    </form>
    <section id="list"></section>`);
  const client = await api();
  await pagedTable(
    document.getElementById('list')!,
    [t('name'), t('status'), t('created')],
    (lead) => html`<tr><td><a href="#/leads/${lead.leadId}">${lead.name}</a></td><td data-status=${lead.status}>${label('leadStatus', lead.status)}</td><td>${dateTime(lead.createdAt)}</td></tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/leads', { params: { query: { status, cursor, limit: 20 } } });
      return data ? { items: data.leads, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};

export const leadPage = async ({ leadId }: Record<string, string>) => {
  const client = await api();
  const { data: lead, error, response } = await client.GET('/leads/{leadId}', { params: { path: { leadId: leadId! } } });
  if (!lead) return show(html`<h1>${t('leads')}</h1>${problemView(asProblem(error, response.status))}`);
  const move = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { to, note } = formValues(form);
    const answer = await client.POST('/leads/{leadId}/status', {
      params: { path: { leadId: lead.leadId } },
      body: { to: to as LeadStatus, seq: lead.seq, note },
    });
    if (answer.error) return showProblem(form, asProblem(answer.error, answer.response.status) as Problem);
    await leadPage({ leadId: lead.leadId });
  };
  show(html`<h1>${lead.name}</h1>
    <p>${t('status')}: ${statusView('leadStatus', lead.status)} · <a href="#/customers/${lead.customerId}">${t('record')}</a></p>
    <form @submit=${move} data-move>
      ${problemSlot()}
      <fieldset role="group">
        <select name="to" aria-label=${t('moveTo')}>
          ${statuses.filter((s) => s !== lead.status).map((s) => html`<option value=${s}>${label('leadStatus', s)}</option>`)}
        </select>
        <button type="submit">${t('moveTo')}</button>
      </fieldset>
      <label>${t('note')} <input name="note" maxlength="1000" /></label>
    </form>
    <h2>${t('timeline')}</h2>
    <ul>${(lead.history ?? []).map((h) => html`<li>${dateTime(h.at)} · ${transition('leadStatus', h.from, h.to)} ${h.note ? `· ${noteText(h.note)}` : ''}</li>`)}</ul>`);
};
