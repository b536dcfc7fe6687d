// Leads in the caller's reach: the list (every status, or one; pages by cursor), and a lead's page:
// what the person wrote, their consent, who has the lead and why, notes, history and the moves allowed.
import { html, nothing } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import type { components, operations } from '../api-types.js';
import { dateTime, label, noteText, type StringKey, t, transition } from '../strings.js';
import {
  ageField,
  ageOf,
  clearProblem,
  createdBefore,
  exportButton,
  filterForm,
  formValues,
  pagedTable,
  problemSlot,
  problemView,
  show,
  showProblem,
  statusView,
} from '../ui.js';
import { consentTable } from './customer.js';

type LeadStatus = NonNullable<NonNullable<operations['listLeads']['parameters']['query']>['status']>;
const statuses: LeadStatus[] = ['new', 'contacted', 'qualified', 'converted', 'disqualified'];
type Problem = components['schemas']['Problem'];

/** The list's filter as the page's address carries it (`#/leads?status=new&owner=…&olderThanDays=2`). */
const leadFilterOf = (query: URLSearchParams) => ({
  status: statuses.find((s) => s === query.get('status')),
  owner: query.get('owner') || undefined,
  sort: query.get('sort') === 'oldest' ? ('oldest' as const) : undefined,
  to: createdBefore(ageOf(query)),
});

export const leadsPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const filter = leadFilterOf(query);
  const client = await api();
  show(html`<h1>${t('leads')}</h1>
    ${filterForm(
      '/leads',
      html`<label>${t('status')}
          <select name="status">
            <option value="">${t('all')}</option>
            ${statuses.map((s) => html`<option value=${s} ?selected=${s === filter.status}>${label('leadStatus', s)}</option>`)}
          </select>
        </label>
        <label>${t('owner')} <input name="owner" value=${filter.owner ?? ''} maxlength="100" /></label>
        ${ageField(ageOf(query))}
        <label>${t('sortBy')}
          <select name="sort">
            <option value="">${t('newestFirst')}</option>
            <option value="oldest" ?selected=${filter.sort === 'oldest'}>${t('oldestFirst')}</option>
          </select>
        </label>`,
      exportButton('leads.csv', () =>
        client.GET('/leads/export', { params: { query: { ...filter, format: 'csv' } }, parseAs: 'blob' }),
      ),
    )}
    <section id="list"></section>`);
  await pagedTable(
    document.getElementById('list')!,
    [t('number'), t('name'), t('status'), t('owner'), t('created')],
    (lead) =>
      html`<tr data-lead=${lead.leadId}><td data-number>${lead.number}</td><td><a href="#/leads/${lead.leadId}">${lead.name}</a></td><td data-status=${lead.status}>${label('leadStatus', lead.status)}</td><td data-owner>${lead.owner?.id ?? ''}</td><td>${dateTime(lead.createdAt)}</td></tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/leads', {
        params: { query: { ...filter, cursor, limit: 20 } },
      });
      return data ? { items: data.leads, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};

type LeadAnswer = operations['getLead']['responses'][200]['content']['application/json'];

/** A row of the lead's facts, left out when the lead has none. */
const fact = (word: StringKey, value: string | undefined) =>
  value ? html`<tr><th scope="row">${t(word)}</th><td>${value}</td></tr>` : nothing;

type Criterion = keyof NonNullable<NonNullable<LeadAnswer['assignment']>['when']>;
const ownerKinds = {
  user: 'ownerUser',
  dealer: 'ownerDealer',
  queue: 'ownerQueue',
} as const satisfies Record<string, StringKey>;
const criteria = {
  city: 'city',
  region: 'region',
  sector: 'sector',
  productInterest: 'interest',
} as const satisfies Record<Criterion, StringKey>;

/** Who has the lead, and why: the rule's conditions in words, or the queue nobody's rule led to. */
const ownerView = ({ owner, assignment }: LeadAnswer) => {
  if (!owner) return html`<p data-owner>${t('notAssigned')}</p>`;
  const kind = ownerKinds[owner.type as keyof typeof ownerKinds];
  const conditions = Object.entries(assignment?.when ?? {}).map(
    ([field, values]) => `${t(criteria[field as Criterion])}: ${(values ?? []).join(', ')}`,
  );
  // A rule since removed is named without its conditions; one with none matches any lead.
  const asked = assignment?.when ? ` · ${conditions.length ? conditions.join(' · ') : t('anyLead')}` : '';
  const why = owner.ruleId === 'fallback' ? t('fallbackQueue') : `${t('ruleAsked')} ${owner.ruleId}${asked}`;
  return html`<div class="overflow-auto"><table data-owner=${owner.id}>
    ${fact('assignedTo', `${assignment?.ownerName ?? owner.id}${kind ? ` (${t(kind)})` : ''}`)}
    ${fact('assignedWhy', why)}
  </table></div>`;
};

/** The statuses the API says the lead may move to now; a closed lead offers none. */
const moveForm = (lead: LeadAnswer, client: Awaited<ReturnType<typeof api>>) => {
  if (lead.allowedMoves.length === 0) return html`<p data-no-moves>${t('noMoves')}</p>`;
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
  return html`<form @submit=${move} data-move>
    ${problemSlot()}
    <fieldset role="group">
      <select name="to" aria-label=${t('moveTo')}>
        ${lead.allowedMoves.map((s) => html`<option value=${s}>${label('leadStatus', s)}</option>`)}
      </select>
      <button type="submit">${t('moveTo')}</button>
    </fieldset>
    <label>${t('note')} <input name="note" maxlength="1000" /></label>
  </form>`;
};

const noteForm = (lead: LeadAnswer, client: Awaited<ReturnType<typeof api>>) => {
  const add = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const answer = await client.POST('/leads/{leadId}/notes', {
      params: { path: { leadId: lead.leadId } },
      body: { text: String(new FormData(form).get('text') ?? '') },
      headers: idempotencyKey(),
    });
    if (answer.error) return showProblem(form, asProblem(answer.error, answer.response.status) as Problem);
    await leadPage({ leadId: lead.leadId });
  };
  return html`<form @submit=${add} data-add-note>
    ${problemSlot()}
    <label>${t('note')} <textarea name="text" maxlength="4000" required></textarea></label>
    <button type="submit">${t('addNote')}</button>
  </form>`;
};

export const leadPage = async ({ leadId }: Record<string, string>) => {
  const client = await api();
  const {
    data: lead,
    error,
    response,
  } = await client.GET('/leads/{leadId}', {
    params: { path: { leadId: leadId! } },
  });
  if (!lead) return show(html`<h1>${t('leads')}</h1>${problemView(asProblem(error, response.status))}`);
  const utm = Object.entries(lead.utm ?? {}).map(([k, v]) => `${k}: ${v}`);
  show(html`<h1>${lead.name}</h1>
    <p>${t('number')}: <strong data-number>${lead.number}</strong> · ${t('status')}: ${statusView('leadStatus', lead.status)}
      · <a href="#/customers/${lead.customerId}">${t('record')}</a></p>
    ${moveForm(lead, client)}
    <h2>${t('leadSaid')}</h2>
    ${lead.message ? html`<blockquote data-lead-message>${lead.message}</blockquote>` : nothing}
    <div class="overflow-auto"><table data-lead-facts>
      ${fact('interest', lead.productInterest)} ${fact('company', lead.company)} ${fact('sector', lead.sector)}
      ${fact('city', [lead.city, lead.region].filter(Boolean).join(' / '))}
      ${fact('contact', [lead.email, lead.phone].filter(Boolean).join(' · '))}
      ${fact('source', [lead.source, ...utm].filter(Boolean).join(' · '))}
      ${fact('created', dateTime(lead.createdAt))}
    </table></div>
    <h2>${t('consents')}</h2>
    ${consentTable(lead.consents)}
    <h2>${t('owner')}</h2>
    ${ownerView(lead)}
    <h2>${t('notes')}</h2>
    <ul data-notes>${lead.notes.map((n) => html`<li>${dateTime(n.createdAt)} · ${n.authorId}: ${n.text}</li>`)}</ul>
    ${noteForm(lead, client)}
    <h2>${t('timeline')}</h2>
    <ul data-history>${(lead.history ?? []).map(
      (h) => html`<li>${dateTime(h.at)} · ${transition('leadStatus', h.from, h.to)}
        ${h.note ? `· ${noteText(h.note)}` : ''}</li>`,
    )}</ul>`);
};
