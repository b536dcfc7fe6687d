// Call lists: a new list from a segment with its script and the agents it is shared among, and a
// list's page with its progress (entries by state, the calls' outcomes, each agent's share), polled
// while calls remain.
import { html, nothing } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { label, t } from '../strings.js';
import { clearProblem, formValues, pollPage, problemSlot, problemView, show, showProblem } from '../ui.js';
import { pickerOptions, segmentSelect } from './marketing.js';

type Progress = operations['getList']['responses'][200]['content']['application/json'];
/** The list's own fields, which the progress answer carries beside its counts. */
interface ListFields {
  name?: string;
  script?: string;
  purpose?: 'commercial' | 'transactional';
  skipped?: Record<string, number>;
}

export const newCallListPage = async () => {
  const client = await api();
  const options = await pickerOptions(client, false);
  if (options.problem) return show(html`<h1>${t('newCallList')}</h1>${problemView(options.problem)}`);
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const v = formValues(form);
    const { data, error, response } = await client.POST('/call-lists', {
      body: {
        name: v.name ?? '',
        segmentId: v.segmentId ?? '',
        purpose: v.purpose === 'transactional' ? 'transactional' : 'commercial',
        ...(v.topic ? { topic: v.topic } : {}),
        script: v.script ?? '',
        agentIds: (v.agentIds ?? '')
          .split(/[\n,]/)
          .map((id) => id.trim())
          .filter(Boolean),
      },
    });
    // An agent's problem (agentIds.0) belongs to the one agents field.
    if (!data) {
      const problem = asProblem(error, response.status);
      const errors = problem.errors?.map((e) => ({ ...e, path: e.path.startsWith('agentIds') ? 'agentIds' : e.path }));
      return showProblem(form, { ...problem, ...(errors ? { errors } : {}) });
    }
    location.hash = `#/call-lists/${data.listId}`;
  };
  show(html`<h1>${t('newCallList')}</h1>
    <form data-new-call-list @submit=${submit}>
      ${problemSlot()}
      <label>${t('listName')} <input name="name" required maxlength="200" /></label>
      ${segmentSelect(options.segments)}
      <label>${t('purpose')}
        <select name="purpose">
          ${(['commercial', 'transactional'] as const).map((p) => html`<option value=${p}>${label('purpose', p)}</option>`)}
        </select></label>
      <label>${t('consentTopic')} <input name="topic" maxlength="50" /></label>
      <label>${t('callScript')} <textarea name="script" rows="5" required maxlength="4000"></textarea></label>
      <label>${t('agentIds')} <textarea name="agentIds" rows="3" required></textarea></label>
      <button type="submit">${t('createList')}</button>
    </form>`);
};

const countsList = (group: 'entryState' | 'outcome' | 'leftOut', counts: Record<string, number>, attr: string) => {
  const entries = Object.entries(counts);
  return entries.length === 0
    ? html`<p>${t('nothing')}</p>`
    : html`<dl class="grid" data-counts=${attr}>${entries.map(
        ([key, n]) => html`<div><dt>${label(group, key)}</dt><dd data-key=${key}>${n}</dd></div>`,
      )}</dl>`;
};

const progressView = (progress: Progress & ListFields) => {
  const done = progress.states.done ?? 0;
  return html`<h1>${progress.name ?? t('callList')}</h1>
    ${progress.purpose ? html`<p>${t('purpose')}: ${label('purpose', progress.purpose)}</p>` : nothing}
    <div role="status" aria-live="polite">
      <progress aria-label=${t('progress')} max=${Math.max(progress.total, 1)} value=${done}></progress>
      <p><strong data-called>${t('called')}: ${done} / ${progress.total}</strong></p>
      <h2>${t('status')}</h2>
      ${countsList('entryState', progress.states, 'state')}
      <h2>${t('outcomes')}</h2>
      ${countsList('outcome', progress.outcomes, 'outcome')}
    </div>
    <h2>${t('byAgent')}</h2>
    <div class="overflow-auto"><table class="striped">
      <thead><tr><th scope="col">${t('agent')}</th><th scope="col">${t('entries')}</th><th scope="col">${t('called')}</th></tr></thead>
      <tbody>${progress.agents.map(
        (a) =>
          html`<tr data-agent=${a.agentId}><td>${a.agentId}</td><td>${a.total}</td><td data-agent-done>${a.done}</td></tr>`,
      )}</tbody>
    </table></div>
    <h2>${t('skippedBy')}</h2>
    ${countsList('leftOut', progress.skipped ?? {}, 'left-out')}
    ${progress.script ? html`<details><summary>${t('callScript')}</summary><pre>${progress.script}</pre></details>` : nothing}`;
};

/** Every few seconds while calls remain. */
const POLL_MS = 3000;

export const callListPage = ({ listId }: Record<string, string>) =>
  pollPage(async (current) => {
    const { data, error, response } = await (await api()).GET('/call-lists/{listId}', {
      params: { path: { listId: listId! } },
    });
    if (!current()) return false;
    if (!data) {
      show(html`<h1>${t('callList')}</h1>${problemView(asProblem(error, response.status))}`);
      return false;
    }
    show(html`<div data-call-list=${data.listId}>${progressView(data as Progress & ListFields)}</div>`);
    return (data.states.done ?? 0) < data.total;
  }, POLL_MS);
