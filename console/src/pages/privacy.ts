// The privacy officer's page (KVKK): people's requests with their status and due date (30 days from
// receipt) and a form to register one; who read a customer's record, or whose records a staff member
// read; the retention rules, to review and change, and a dry run listing whom they would erase. A
// request's page shows what answering it gives (the export's contents, or the erasure's plan) and the
// moves the caller may make: an erasure only after a confirmation, a refusal only with its reason.
import { html, nothing, render } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { currentLanguage, dateTime, label, t, tf, valuesOf } from '../strings.js';
import {
  clearProblem,
  filterForm,
  formValues,
  pagedTable,
  problemSlot,
  problemView,
  show,
  showProblem,
  statusView,
} from '../ui.js';

type Client = Awaited<ReturnType<typeof api>>;
type Detail = operations['getSubjectRequest']['responses'][200]['content']['application/json'];
type SubjectRequest = Detail['request'];
type RecordRead = operations['listRecordReads']['responses'][200]['content']['application/json']['items'][number];
type Completed = operations['completeSubjectRequest']['responses'][200]['content']['application/json'];

const dueView = (r: SubjectRequest) =>
  html`<span data-due=${r.dueAt}>${dateTime(r.dueAt)}</span>${
    r.overdue ? html` <mark data-overdue>${t('answerLate')}</mark>` : nothing
  }`;

const requestsTable = (client: Client, status?: SubjectRequest['status']) =>
  pagedTable<SubjectRequest>(
    document.getElementById('subject-requests')!,
    [t('received'), t('kind'), t('customer'), t('dueDate'), t('status')],
    (r) => html`<tr data-subject-request=${r.requestId}>
      <td><a href="#/privacy/requests/${r.requestId}">${dateTime(r.receivedAt)}</a></td>
      <td>${label('subjectRequestKind', r.kind)}</td>
      <td><a href="#/customers/${r.customerId}">${r.customerId}</a></td>
      <td>${dueView(r)}</td><td>${statusView('subjectRequestStatus', r.status)}</td></tr>`,
    async (cursor) => {
      const { data, error, response } = await client.GET('/privacy/subject-requests', {
        params: { query: { status, limit: 25, cursor } },
      });
      return data ?? asProblem(error, response.status);
    },
  );

const readLog = (client: Client, query: URLSearchParams) => {
  const customerId = query.get('customerId') ?? undefined;
  const userId = query.get('userId') ?? undefined;
  const target = document.getElementById('record-reads')!;
  if (!customerId && !userId) return render(html`<p>${t('readLogHint')}</p>`, target);
  return pagedTable<RecordRead>(
    target,
    [t('when'), t('reader'), t('role'), t('customer'), t('readVia')],
    (r) => html`<tr data-record-read=${r.readId} data-reader=${r.userId} data-read-customer=${r.customerId}>
      <td>${dateTime(r.at)}</td><td>${r.userId}</td><td>${label('role', r.role)}</td>
      <td><a href="#/customers/${r.customerId}">${r.customerId}</a></td><td>${label('readRoute', r.route)}</td></tr>`,
    async (cursor) => {
      const { data, error, response } = await client.GET('/privacy/record-reads', {
        params: { query: { customerId, userId, limit: 25, cursor } },
      });
      return data ?? asProblem(error, response.status);
    },
  );
};

/** The rules in force, in a form that replaces them (guarded by the seq read); `saved` says the last save held. */
const retentionRules = async (client: Client, saved = false): Promise<void> => {
  const target = document.getElementById('retention-rules')!;
  const { data: rules, error, response } = await client.GET('/privacy/retention-rules');
  if (!rules) {
    render(problemView(asProblem(error, response.status)), target);
    return;
  }
  const save = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const values = formValues(form);
    const answer = await client.PUT('/privacy/retention-rules', {
      body: {
        leadInactiveDays: Number(values.leadInactiveDays),
        customerInactiveDays: Number(values.customerInactiveDays),
        seq: rules.seq,
      },
    });
    if (!answer.data) return showProblem(form, asProblem(answer.error, answer.response.status));
    await retentionRules(client, true);
  };
  const days = (name: 'leadInactiveDays' | 'customerInactiveDays') =>
    html`<label>${t(name)} <input type="number" name=${name} min="30" max="36500" required .value=${String(rules[name])} /></label>`;
  render(
    html`<form data-retention-rules @submit=${save}>${problemSlot()}
      <p><small>${t('retentionRulesHint')}</small></p>
      <div class="grid">${days('leadInactiveDays')}${days('customerInactiveDays')}</div>
      <p data-rules-changed>${
        rules.updatedAt ? `${t('rulesChanged')}: ${dateTime(rules.updatedAt)} · ${rules.updatedBy}` : t('rulesDefault')
      }</p>
      <button type="submit">${t('saveRules')}</button>
      <p role="status">${saved ? html`<span data-rules-saved>${t('saved')}</span>` : nothing}</p></form>`,
    target,
  );
};

const dryRun = async (client: Client) => {
  const target = document.getElementById('retention')!;
  target.setAttribute('aria-busy', 'true');
  const { data, error, response } = await client
    .POST('/privacy/retention-runs')
    .finally(() => target.removeAttribute('aria-busy'));
  if (!data) return render(problemView(asProblem(error, response.status)), target);
  render(
    html`<p data-retention-run=${data.runId}>${tf('retentionRunRules', {
      leads: data.rules.leadInactiveDays,
      customers: data.rules.customerInactiveDays,
    })} ${t('wouldErase')}: <strong data-candidates>${data.candidates.length}</strong></p>
      ${
        data.candidates.length === 0
          ? html`<p>${t('nothing')}</p>`
          : html`<div class="overflow-auto"><table class="striped">
            <thead><tr><th scope="col">${t('customer')}</th><th scope="col">${t('kind')}</th>
              <th scope="col">${t('lastActivity')}</th><th scope="col">${t('inactiveDays')}</th></tr></thead>
            <tbody>${data.candidates.map(
              (
                c,
              ) => html`<tr data-candidate=${c.customerId}><td><a href="#/customers/${c.customerId}">${c.customerId}</a></td>
                <td>${label('retentionKind', c.kind)}</td><td>${dateTime(c.lastActivityAt)}</td><td>${c.inactiveDays}</td></tr>`,
            )}</tbody></table></div>`
      }`,
    target,
  );
};

export const privacyPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const client = await api();
  const register = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { kind, customerId, email, phone } = formValues(form);
    const { data, error, response } = await client.POST('/privacy/subject-requests', {
      body: { kind: kind as SubjectRequest['kind'], customerId, email, phone },
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    location.hash = `#/privacy/requests/${data.requestId}`;
  };
  show(html`<h1>${t('privacyTitle')}</h1>
    <section aria-labelledby="requests-heading"><h2 id="requests-heading">${t('subjectRequests')}</h2>
      <p><small>${t('answerWithin30')}</small></p>
      <details><summary>${t('registerRequest')}</summary>
        <form data-register-request @submit=${register}>
          ${problemSlot()}
          <label>${t('kind')} <select name="kind">
            <option value="access">${label('subjectRequestKind', 'access')}</option>
            <option value="erasure">${label('subjectRequestKind', 'erasure')}</option></select></label>
          <p><small>${t('oneDetail')}</small></p>
          <div class="grid">
            <label>${t('customerNumber')} <input name="customerId" maxlength="26" /></label>
            <label>${t('email')} <input name="email" type="email" maxlength="254" /></label>
            <label>${t('phone')} <input name="phone" type="tel" maxlength="40" /></label>
          </div>
          <button type="submit">${t('registerRequest')}</button>
        </form></details>
      <label>${t('status')} <select data-request-status @change=${(e: Event) =>
        requestsTable(client, ((e.target as HTMLSelectElement).value || undefined) as SubjectRequest['status'])}>
        <option value="">${t('all')}</option>
        ${valuesOf('subjectRequestStatus').map((v) => html`<option value=${v}>${label('subjectRequestStatus', v)}</option>`)}
      </select></label>
      <div id="subject-requests"></div></section>
    <section aria-labelledby="reads-heading"><h2 id="reads-heading">${t('readLog')}</h2>
      ${filterForm(
        '/privacy',
        html`<label>${t('customerNumber')} <input name="customerId" maxlength="26" value=${query.get('customerId') ?? ''} /></label>
          <label>${t('staffMember')} <input name="userId" maxlength="100" value=${query.get('userId') ?? ''} /></label>`,
      )}
      <div id="record-reads"></div></section>
    <section aria-labelledby="retention-heading"><h2 id="retention-heading">${t('retention')}</h2>
      <div id="retention-rules"></div>
      <h3>${t('retentionDryRun')}</h3>
      <p><small>${t('dryRunErasesNothing')}</small></p>
      <button type="button" class="secondary" data-dry-run @click=${() => dryRun(client)}>${t('runDryRun')}</button>
      <div id="retention" aria-live="polite"></div></section>`);
  await Promise.all([requestsTable(client), readLog(client, query), retentionRules(client)]);
};

const counts = (entries: [string, number][]) =>
  html`<dl class="grid" data-counts>${entries.map(
    ([name, n]) => html`<div><dt>${name}</dt><dd data-count=${name}>${n}</dd></div>`,
  )}</dl>`;

const answerView = (detail: Detail) => {
  if (detail.export) {
    const parts = Object.entries(detail.export.parts);
    const total = parts.reduce((sum, [, n]) => sum + n, 0) + detail.export.consents;
    return html`<section data-export aria-labelledby="export-heading"><h2 id="export-heading">${t('exportContents')}</h2>
      <p>${t('exportHolds')} <strong data-export-items>${total}</strong></p>
      ${counts([[t('consents'), detail.export.consents], ...parts.filter(([, n]) => n > 0)])}</section>`;
  }
  if (detail.plan) {
    const { plan } = detail;
    return html`<section data-erasure-plan aria-labelledby="plan-heading"><h2 id="plan-heading">${t('erasurePlan')}</h2>
      ${counts([
        [t('toDelete'), plan.deleted],
        [t('keptAnonymised'), plan.keptAnonymised],
        [t('keptAsIs'), plan.keptAsIs],
      ])}
      ${
        plan.refusals.length
          ? html`<article role="alert" data-refusals><p>${t('cannotEraseYet')}</p>
            <ul>${plan.refusals.map((r) => html`<li>${r[currentLanguage()]}</li>`)}</ul></article>`
          : nothing
      }</section>`;
  }
  return nothing;
};

/** What answering did: the document the person is given, or what the erasure deleted and kept. */
const answeredView = (answer: Completed) => {
  if (answer.document)
    return html`<h2>${t('exportDocument')}</h2>
      <iframe title=${t('exportDocument')} sandbox="" srcdoc=${answer.document} data-export-document></iframe>`;
  if (answer.erasure)
    return html`<h2 data-erased>${t('erased')}</h2>
      ${counts([
        [t('deletedCount'), answer.erasure.deleted],
        [t('anonymisedCount'), answer.erasure.keptAnonymised],
        [t('keptAsIsCount'), answer.erasure.keptAsIs],
      ])}`;
  return nothing;
};

export const subjectRequestPage = async ({ requestId }: Record<string, string>) => {
  const client = await api();
  const path = { requestId: requestId! };
  const {
    data: detail,
    error,
    response,
  } = await client.GET('/privacy/subject-requests/{requestId}', {
    params: { path },
  });
  if (!detail) return show(html`<h1>${t('subjectRequest')}</h1>${problemView(asProblem(error, response.status))}`);
  const r = detail.request;
  const complete = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const answer = await client.POST('/privacy/subject-requests/{requestId}/complete', {
      params: { path },
      body: { seq: r.seq },
    });
    if (!answer.data) return showProblem(form, asProblem(answer.error, answer.response.status));
    await subjectRequestPage(path);
    render(answeredView(answer.data), document.getElementById('answer')!);
  };
  /** Erasing cannot be undone: the button asks first, and only "yes" erases. */
  const confirmErasure = (open: boolean) =>
    render(
      open
        ? html`<form data-complete @submit=${complete}>${problemSlot()}
            <p>${t('confirmErasure')}</p>
            <div role="group">
              <button type="submit" class="contrast">${t('yesErase')}</button>
              <button type="button" class="secondary" @click=${() => confirmErasure(false)}>${t('dismiss')}</button>
            </div></form>`
        : html`<button type="button" @click=${() => confirmErasure(true)}>${t('eraseNow')}</button>`,
      document.getElementById('complete')!,
    );
  const refuse = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const answer = await client.POST('/privacy/subject-requests/{requestId}/refuse', {
      params: { path },
      body: { seq: r.seq, reason: formValues(form).reason ?? '' },
    });
    if (!answer.data) return showProblem(form, asProblem(answer.error, answer.response.status));
    await subjectRequestPage(path);
  };
  show(html`<h1>${t('subjectRequest')}: ${label('subjectRequestKind', r.kind)}</h1>
    <p><a href="#/privacy">${t('privacyTitle')}</a></p>
    <dl class="grid" data-subject-request=${r.requestId}>
      <div><dt>${t('status')}</dt><dd>${statusView('subjectRequestStatus', r.status)}</dd></div>
      <div><dt>${t('customer')}</dt><dd><a href="#/customers/${r.customerId}">${r.customerId}</a></dd></div>
      <div><dt>${t('received')}</dt><dd>${dateTime(r.receivedAt)}</dd></div>
      <div><dt>${t('dueDate')}</dt><dd>${dueView(r)}</dd></div>
      ${r.answeredAt ? html`<div><dt>${t(r.status === 'refused' ? 'refused' : 'answered')}</dt><dd data-answered>${dateTime(r.answeredAt)} · ${r.answeredBy}</dd></div>` : nothing}
      ${r.answerId ? html`<div><dt>${t('answerRecord')}</dt><dd data-answer-record>${r.answerId}</dd></div>` : nothing}
    </dl>
    ${r.refusal ? html`<p data-refusal>${t('refusalReason')}: ${r.refusal}</p>` : nothing}
    ${answerView(detail)}
    ${
      detail.moves.includes('complete') && r.kind === 'access'
        ? html`<form data-complete @submit=${complete}>${problemSlot()}
          <button type="submit">${t('answerWithExport')}</button></form>`
        : nothing
    }
    <section id="complete" aria-live="polite"></section>
    ${
      detail.moves.includes('refuse')
        ? html`<details><summary>${t('refuseRequest')}</summary><form data-refuse @submit=${refuse}>${problemSlot()}
          <label>${t('refusalReason')} <input name="reason" maxlength="500" required /></label>
          <button type="submit" class="secondary">${t('refuseWithReason')}</button></form></details>`
        : nothing
    }
    <section id="answer" aria-live="polite"></section>`);
  // The page's places keep what was rendered into them when the page is shown again: start them afresh.
  render(nothing, document.getElementById('answer')!);
  if (detail.moves.includes('complete') && r.kind === 'erasure') confirmErasure(false);
  else render(nothing, document.getElementById('complete')!);
};
