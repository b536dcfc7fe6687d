// The customer's whole record: a readable profile (edited at the seq it was read), consent per
// channel with its proof, each part as its own table paged by the part's cursor, logging an activity,
// and — for managers and admins — merging a duplicate into this record. An old id that was merged
// away answers with the survivor, and the page moves to the survivor's address.
import { html, nothing, render, type TemplateResult } from 'lit';
import { api, asProblem, idempotencyKey, type Problem } from '../api.js';
import type { paths } from '../api-types.js';
import { caller, holds } from '../caller.js';
import { dateTime, label, money, type StringKey, t } from '../strings.js';
import { clearProblem, formValues, pagedTable, problemSlot, problemView, show, showProblem } from '../ui.js';
import { instalmentsTable } from './sales.js';

type CustomerRecord = paths['/customers/{customerId}']['get']['responses'][200]['content']['application/json'];
type Profile = CustomerRecord['customer'];
type PartName =
  | 'timeline'
  | 'quotes'
  | 'orders'
  | 'cases'
  | 'leads'
  | 'opportunities'
  | 'requests'
  | 'contacts'
  | 'points'
  | 'instalments';
type Item<P extends PartName> = CustomerRecord[P]['items'][number];

/** A stale seq is said in words; any other problem as the API wrote it. */
export const staleInWords = (problem: Problem): Problem =>
  problem.status === 409 && problem.code.endsWith('-changed') ? { ...problem, detail: t('staleRecord') } : problem;

const amount = (total?: { amount: number; currency: string }) => (total ? money(total.amount, total.currency) : '');

interface PartView<P extends PartName> {
  part: P;
  title: StringKey;
  headings: StringKey[];
  row: (item: Item<P>) => TemplateResult;
}

const part = <P extends PartName>(view: PartView<P>) => view;

const partViews = [
  part({
    part: 'timeline',
    title: 'timeline',
    headings: ['when', 'kind', 'subject', 'who'],
    row: (a) =>
      html`<tr data-activity=${a.activityId}><td>${dateTime(a.occurredAt)}</td><td data-kind=${a.kind}>${label('activityKind', a.kind)}${a.outcome ? ` · ${label('outcome', a.outcome)}` : ''}${a.dueAt ? ` · ${t('dueBy')} ${dateTime(a.dueAt)}` : ''}</td><td>${a.subject ?? a.template ?? ''}</td><td>${a.createdBy}</td></tr>`,
  }),
  part({
    part: 'quotes',
    title: 'quotes',
    headings: ['number', 'status', 'total', 'validUntil'],
    row: (q) =>
      html`<tr data-quote=${q.quoteId}><td><a href="#/quotes/${q.quoteId}">${q.quoteId}</a> · v${q.version}</td><td data-status=${q.status}>${label('quoteStatus', q.status)}</td><td>${amount(q.grandTotal)}</td><td>${q.validUntil}</td></tr>`,
  }),
  part({
    part: 'orders',
    title: 'orders',
    headings: ['number', 'status', 'total', 'created'],
    row: (o) =>
      html`<tr data-order=${o.orderId}><td>${o.orderId}</td><td data-status=${o.status}>${label('orderStatus', o.status)}</td><td>${amount(o.grandTotal)}</td><td>${dateTime(o.createdAt)}</td></tr>`,
  }),
  part({
    part: 'cases',
    title: 'cases',
    headings: ['number', 'priority', 'status', 'created'],
    row: (c) =>
      html`<tr data-case=${c.caseId}><td>${c.caseNumber}</td><td data-priority=${c.priority}>${label('priority', c.priority)}</td><td data-status=${c.status}>${label('caseStatus', c.status)}</td><td>${dateTime(c.createdAt)}</td></tr>`,
  }),
  part({
    part: 'leads',
    title: 'leads',
    headings: ['status', 'interest', 'owner', 'created'],
    row: (l) =>
      html`<tr><td data-status=${l.status}><a href="#/leads/${l.leadId}">${label('leadStatus', l.status)}</a></td><td>${l.productInterest ?? ''}</td><td>${l.ownerId ?? ''}</td><td>${dateTime(l.createdAt)}</td></tr>`,
  }),
  part({
    part: 'opportunities',
    title: 'opportunities',
    headings: ['name', 'stage', 'total', 'closeDate'],
    row: (o) =>
      html`<tr><td>${o.name}</td><td data-stage=${o.stage}>${label('stage', o.stage)}</td><td>${amount(o.amount)}</td><td>${o.expectedCloseDate}</td></tr>`,
  }),
  part({
    part: 'requests',
    title: 'requests',
    headings: ['kind', 'status', 'created'],
    row: (r) =>
      html`<tr><td data-kind=${r.kind}>${label('requestKind', r.kind)}</td><td data-status=${r.status}>${label('requestStatus', r.status)}</td><td>${dateTime(r.createdAt)}</td></tr>`,
  }),
  part({
    part: 'points',
    title: 'points',
    headings: ['pointsBalance', 'pointsLots', 'rewardsIssued'],
    row: (p) =>
      html`<tr data-points=${p.balance}><td>${p.balance.toLocaleString()}</td><td>${p.lots.map((lot) => `${lot.points.toLocaleString()} · ${lot.expiresOn}`).join(', ')}</td><td>${p.rewardsIssued}</td></tr>`,
  }),
  part({
    part: 'contacts',
    title: 'contacts',
    headings: ['name', 'role', 'email', 'phone'],
    row: (c) =>
      html`<tr><td>${c.name}</td><td>${c.role ?? ''}</td><td>${c.email ?? ''}</td><td>${c.phone ?? ''}</td></tr>`,
  }),
  part({
    part: 'instalments',
    title: 'instalmentsTitle',
    headings: ['order', 'instalmentsTitle'],
    row: (plan) =>
      html`<tr data-plan-order=${plan.orderId}><td><a href="#/orders/${plan.orderId}">${plan.orderId}</a></td><td>${instalmentsTable(plan)}</td></tr>`,
  }),
];

/** The channels marketing consent is given for, in the order the record shows them. */
const channels = [
  ['email', 'consentEmail'],
  ['sms', 'consentSms'],
  ['phone', 'consentPhone'],
] as const;

const consentStates = {
  requested: 'consentRequested',
  granted: 'consentGranted',
  withdrawn: 'consentWithdrawn',
} as const;

export const consentTable = (consents: CustomerRecord['consents']) => html`<div class="overflow-auto"><table>
    <thead><tr>${(['channel', 'state', 'since', 'provedBy', 'topic', 'via'] as const).map((h) => html`<th scope="col">${t(h)}</th>`)}</tr></thead>
    <tbody>${channels.map(([channel, word]) => {
      const entries = consents.filter((c) => c.channel === channel);
      if (entries.length === 0)
        return html`<tr data-consent=${channel}><th scope="row">${t(word)}</th><td colspan="5">${t('noConsent')}</td></tr>`;
      return entries.map(
        (c) =>
          html`<tr data-consent=${channel}><th scope="row">${t(word)}</th><td>${t(consentStates[c.state])}</td><td>${dateTime(c.at)}</td><td>${c.address}</td><td>${c.topic}</td><td>${c.via}${c.callId ? html` · <span data-call=${c.callId}>${t('callEvidence')}: ${c.callId} · ${c.agentId}</span>` : nothing}</td></tr>`,
      );
    })}</tbody>
  </table></div>`;

const profileFields = ['name', 'email', 'phone', 'company', 'sector', 'city', 'region', 'preferredDealerId'] as const;

const profileView = (record: CustomerRecord) => {
  const c = record.customer;
  const row = (word: StringKey, value: unknown) =>
    value ? html`<tr><th scope="row">${t(word)}</th><td>${String(value)}</td></tr>` : nothing;
  return html`<div class="overflow-auto"><table data-profile>
    ${row('email', c.email)} ${row('phone', c.phone)} ${row('company', c.company)} ${row('sector', c.sector)}
    ${row('city', [c.city, c.region].filter(Boolean).join(' / '))} ${row('languageOf', c.language && label('language', c.language))} ${row('segment', c.segment)}
    ${row('owners', [...record.owners.ownerIds, ...record.owners.teamIds].join(', '))} ${row('preferredDealer', c.preferredDealerId)}
  </table></div>`;
};

/** The profile's edit form: only what changed goes, with the seq the page read (an emptied field is removed). */
const editForm = (customer: Profile) => {
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const values = Object.fromEntries(new FormData(form)) as Record<string, string>;
    const changes = Object.fromEntries(
      [...profileFields, 'language' as const]
        .filter((field) => (values[field] ?? '') !== String(customer[field] ?? ''))
        .map((field) => [field, values[field] === '' && field !== 'name' ? null : values[field]]),
    );
    const client = await api();
    const { data, error, response } = await client.PATCH('/customers/{customerId}', {
      params: { path: { customerId: customer.customerId } },
      body: { ...changes, seq: customer.seq ?? 0 },
    });
    if (!data) return showProblem(form, staleInWords(asProblem(error, response.status)));
    await drawRecord(customer.customerId, t('saved'));
  };
  return html`<details><summary>${t('editProfile')}</summary>
    <form @submit=${save} data-edit-profile>
      ${problemSlot()}
      <div class="grid">
        ${profileFields.map((field) => html`<label>${t(field === 'preferredDealerId' ? 'preferredDealer' : field)} <input name=${field} .value=${String(customer[field] ?? '')} ?required=${field === 'name'} /></label>`)}
      </div>
      <label>${t('languageOf')}
        <select name="language">${(['tr', 'en'] as const).map((l) => html`<option value=${l} ?selected=${customer.language === l}>${label('language', l)}</option>`)}</select>
      </label>
      <button type="submit">${t('save')}</button>
    </form></details>`;
};

/** Datetime-local values are the reader's local time; the API takes instants with their offset. */
const instant = (local: string | undefined) => (local ? new Date(local).toISOString() : undefined);

const activityForm = (customerId: string) => {
  const log = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { kind, subject, notes, direction, callbackAt } = formValues(form);
    const now = new Date().toISOString();
    const call = {
      kind: 'call' as const,
      direction: direction === 'out' ? ('out' as const) : ('in' as const),
      startedAt: now,
      endedAt: now,
      subject,
      notes,
    };
    const body =
      kind === 'note'
        ? { kind: 'note' as const, subject, notes: notes ?? '' }
        : kind === 'callback'
          ? { ...call, outcome: 'callback-requested' as const, callbackAt: instant(callbackAt) ?? '' }
          : { ...call, outcome: 'reached' as const };
    const client = await api();
    const { data, error, response } = await client.POST('/customers/{customerId}/activities', {
      params: { path: { customerId } },
      headers: idempotencyKey(),
      body,
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    await drawRecord(customerId, t('saved'));
  };
  return html`<details><summary>${t('logActivity')}</summary>
    <form @submit=${log} data-log-activity>
      ${problemSlot()}
      <div class="grid">
        <label>${t('kind')}
          <select name="kind">
            <option value="call">${t('kindCall')}</option><option value="note">${t('note')}</option><option value="callback">${t('kindCallback')}</option>
          </select>
        </label>
        <label>${t('direction')}
          <select name="direction"><option value="in">${t('inbound')}</option><option value="out">${t('outbound')}</option></select>
        </label>
        <label>${t('callbackAt')} <input name="callbackAt" type="datetime-local" /></label>
      </div>
      <label>${t('subject')} <input name="subject" maxlength="200" /></label>
      <label>${t('note')} <textarea name="notes" maxlength="4000"></textarea></label>
      <button type="submit">${t('logActivity')}</button>
    </form></details>`;
};

/** What the side-by-side comparison shows of each customer. */
const compared: [StringKey, (r: CustomerRecord) => string][] = [
  ['name', (r) => r.customer.name],
  ['email', (r) => r.customer.email ?? ''],
  ['phone', (r) => r.customer.phone ?? ''],
  ['company', (r) => r.customer.company ?? ''],
  ['city', (r) => r.customer.city ?? ''],
  ['owners', (r) => r.owners.ownerIds.join(', ')],
  ['created', (r) => dateTime(r.customer.createdAt)],
  ...partViews.map(({ part: p, title }): [StringKey, (r: CustomerRecord) => string] => [
    title,
    (r) => `${r[p].items.length}${r[p].nextCursor ? '+' : ''}`,
  ]),
];

/** Candidates for the duplicate: by e-mail or phone through the lookup, else by name through the directory. */
const findCandidates = async (query: string) => {
  const client = await api();
  if (query.includes('@') || /^[+\d\s()-]+$/.test(query)) {
    const { data, error, response } = await client.GET('/customers/lookup', {
      params: { query: query.includes('@') ? { email: query } : { phone: query } },
    });
    return data ? data.matches.map((m) => m.customer) : asProblem(error, response.status);
  }
  const { data, error, response } = await client.GET('/customers', { params: { query: { q: query, limit: 20 } } });
  return data ? data.customers : asProblem(error, response.status);
};

const mergeSection = (kept: CustomerRecord) => {
  const target = () => document.getElementById('merge-result')!;
  const confirm = (duplicate: CustomerRecord) => async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const client = await api();
    const { data, error, response } = await client.POST('/customers/{customerId}/merge', {
      params: { path: { customerId: kept.customer.customerId } },
      headers: idempotencyKey(),
      body: { duplicateId: duplicate.customer.customerId },
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    await drawRecord(data.keptId, `${t(data.state === 'done' ? 'mergeDone' : 'mergeMoving')} (${data.duplicateId})`);
  };
  const compare = async (duplicateId: string) => {
    const client = await api();
    const { data, error, response } = await client.GET('/customers/{customerId}', {
      params: { path: { customerId: duplicateId } },
    });
    if (!data) return render(problemView(asProblem(error, response.status)), target());
    render(
      html`<div class="overflow-auto"><table data-compare>
          <thead><tr><th scope="col"></th><th scope="col">${t('keptRecord')}</th><th scope="col">${t('duplicateRecord')}</th></tr></thead>
          <tbody>${compared.map(([word, value]) => html`<tr><th scope="row">${t(word)}</th><td>${value(kept)}</td><td>${value(data)}</td></tr>`)}</tbody>
        </table></div>
        <form @submit=${confirm(data)} data-confirm-merge>
          ${problemSlot()}
          <p>${t('mergeWarning')}</p>
          <button type="submit">${t('mergeConfirm')}: ${data.customer.name}</button>
        </form>`,
      target(),
    );
  };
  const search = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const found = await findCandidates(formValues(form).q ?? '');
    if (!Array.isArray(found)) return showProblem(form, found);
    const others = found.filter((c) => c.customerId !== kept.customer.customerId);
    render(
      others.length === 0
        ? html`<p role="status">${t('notFound')}</p>`
        : html`<ul data-candidates>${others.map(
            (c) => html`<li>${c.name} · ${[c.email, c.phone, c.city].filter(Boolean).join(' · ')}
              <button type="button" class="secondary" data-candidate=${c.customerId} @click=${() => compare(c.customerId)}>${t('compare')}</button></li>`,
          )}</ul>`,
      target(),
    );
  };
  return html`<details><summary>${t('mergeTitle')}</summary>
    <form @submit=${search} role="search" data-merge-search>
      ${problemSlot()}
      <fieldset role="group">
        <input name="q" aria-label=${t('mergeSearch')} placeholder=${t('mergeSearch')} required />
        <button type="submit">${t('find')}</button>
      </fieldset>
    </form>
    <section id="merge-result" aria-live="polite"></section></details>`;
};

/** Merging is for managers, directors and admins; an integration's key may hold it too (the API decides). */

export const customerPage = ({ customerId }: Record<string, string>) => drawRecord(customerId!);

/** The record, with what the last action on it did (announced by the status line). */
const drawRecord = async (customerId: string, notice = '') => {
  const client = await api();
  const { data, error, response } = await client.GET('/customers/{customerId}', { params: { path: { customerId } } });
  if (!data) return show(html`<h1>${t('record')}</h1>${problemView(asProblem(error, response.status))}`);
  const { customer } = data;
  const mayMerge = holds(await caller(), 'customers:merge');
  // An id merged away answers with the survivor: the address follows, without a step in history.
  if (customer.customerId !== customerId) history.replaceState(null, '', `#/customers/${customer.customerId}`);
  show(html`<h1 data-customer=${customer.customerId}>${customer.name}</h1>
    <p>${t('number')}: <strong data-number>${data.number}</strong></p>
    ${data.mergedFrom ? html`<p data-merged>${t('mergedFrom')}: ${data.mergedFrom}</p>` : nothing}
    <p role="status" data-notice>${notice}</p>
    <p><a href="#/quotes/new?customer=${customer.customerId}" role="button" class="secondary">${t('newQuote')}</a>
      <a href="#/standing-orders/new?customer=${customer.customerId}" role="button" class="secondary">${t('newStandingOrder')}</a></p>
    ${profileView(data)}
    ${editForm(customer)}
    ${activityForm(customer.customerId)}
    ${mayMerge ? mergeSection(data) : nothing}
    <section><h2>${t('consents')}</h2>${consentTable(data.consents)}</section>
    ${partViews.map(({ part: p, title }) => html`<section><h2>${t(title)}</h2><div id="part-${p}"></div></section>`)}`);
  await Promise.all(
    partViews.map(({ part: p, headings, row }) =>
      pagedTable<Item<typeof p>>(
        document.getElementById(`part-${p}`)!,
        headings.map(t),
        (item) => (row as (item: Item<typeof p>) => TemplateResult)(item),
        async (cursor?: string) => {
          // The record carries each part's first page; only the next ones are asked for.
          if (!cursor) return data[p];
          const answer = await client.GET('/customers/{customerId}/{part}', {
            params: { path: { customerId: customer.customerId, part: p }, query: { cursor } },
          });
          return answer.data
            ? { items: answer.data.items as Item<typeof p>[], nextCursor: answer.data.nextCursor }
            : asProblem(answer.error, answer.response.status);
        },
      ),
    ),
  );
};
