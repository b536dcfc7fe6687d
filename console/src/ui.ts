// What every page shares: rendering into <main>, a problem shown next to the field it names, and
// lists that page on with the API's cursors.
import { html, nothing, render, type TemplateResult } from 'lit';
import { asProblem, type Problem } from './api.js';
import { type LabelGroup, label, t } from './strings.js';

export const main = () => document.getElementById('main')!;

export const show = (view: TemplateResult) => render(view, main());

/** A record's status in words, its machine value kept in `data-status` for tests and scripts. */
export const statusView = (group: LabelGroup, value: string) =>
  html`<strong data-status=${value}>${label(group, value)}</strong>`;

/**
 * Shows a problem in a form: each `errors[].path` next to the input of that name (aria-invalid and
 * its message linked by aria-describedby), and the detail above the form when no field is named.
 */
export const showProblem = (form: HTMLFormElement, problem: Problem) => {
  clearProblem(form);
  const general = form.querySelector<HTMLElement>('[data-problem]');
  let placed = false;
  for (const error of problem.errors ?? []) {
    const input = form.querySelector<HTMLInputElement>(`[name="${CSS.escape(error.path)}"]`);
    if (!input) continue;
    const note = document.createElement('small');
    note.id = `problem-${error.path.replace(/\W/g, '-')}`;
    note.dataset.fieldProblem = error.path;
    note.textContent = error.message;
    input.setAttribute('aria-invalid', 'true');
    input.setAttribute('aria-describedby', note.id);
    input.after(note);
    placed = true;
  }
  if (general && (!placed || problem.detail)) {
    general.textContent = problem.status === 404 ? t('notFound') : (problem.detail ?? problem.title);
    general.hidden = false;
  }
};

/**
 * A problem regrouped onto a form's own fields: `fieldOf` names the input a path belongs to (a list
 * item's problem at its list's field, say); one note per field, its messages joined.
 */
export const onFields = (problem: Problem, fieldOf: (path: string) => string): Problem => {
  const byField = new Map<string, Set<string>>();
  for (const { path, message } of problem.errors ?? []) {
    const field = fieldOf(path);
    byField.set(field, (byField.get(field) ?? new Set()).add(message));
  }
  return { ...problem, errors: [...byField].map(([path, messages]) => ({ path, message: [...messages].join(' ') })) };
};

export const clearProblem = (form: HTMLFormElement) => {
  for (const note of form.querySelectorAll('[data-field-problem]')) note.remove();
  for (const input of form.querySelectorAll('[aria-invalid]')) input.removeAttribute('aria-invalid');
  const general = form.querySelector<HTMLElement>('[data-problem]');
  if (general) general.hidden = true;
};

/** The slot above a form where a problem without a field goes. */
export const problemSlot = () => html`<p role="alert" class="problem" data-problem hidden></p>`;

/** A page-level problem: "not found" for a 404 (what the caller may not see looks absent), a 403 said in words. */
export const problemView = (problem: Problem) =>
  html`<article role="alert" data-page-problem>${problem.status === 404 ? t('notFound') : problem.status === 403 ? t('forbidden') : (problem.detail ?? problem.title)}</article>`;

export interface Page<T> {
  items: T[];
  nextCursor?: string;
}

/**
 * A table that loads its first page, then the next one on "More" with the cursor the API gave.
 * `load` takes the cursor and answers one page or a problem.
 */
export const pagedTable = async <T>(
  target: HTMLElement,
  headings: string[],
  row: (item: NoInfer<T>, redraw: () => void) => TemplateResult,
  load: (cursor?: string) => Promise<Page<T> | Problem>,
) => {
  const items: T[] = [];
  let cursor: string | undefined;
  const draw = (problem?: Problem) =>
    render(
      html`${problem ? problemView(problem) : nothing}
        ${
          items.length === 0 && !problem
            ? html`<p>${t('nothing')}</p>`
            : html`<div class="overflow-auto"><table class="striped">
              <thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
              <tbody>${items.map((item) => row(item, () => draw()))}</tbody>
            </table></div>`
        }
        ${cursor ? html`<button type="button" class="secondary" @click=${more}>${t('more')}</button>` : nothing}`,
      target,
    );
  const more = async () => {
    target.setAttribute('aria-busy', 'true');
    const page = await load(cursor).finally(() => target.removeAttribute('aria-busy'));
    if ('code' in page) return draw(page);
    items.push(...page.items);
    cursor = page.nextCursor;
    draw();
  };
  await more();
};

export const formValues = (form: HTMLFormElement) =>
  Object.fromEntries([...new FormData(form)].filter(([, v]) => v !== '').map(([k, v]) => [k, String(v)]));

/**
 * A row's action: runs the call, then the row shows `done` (or the problem's detail) instead of its
 * button, kept in `outcomes` by row id so a redraw (another page loaded) keeps it.
 */
export const rowAction = (
  outcomes: Map<string, string>,
  id: string,
  label: string,
  redraw: () => void,
  run: () => Promise<{ error?: unknown; response: Response }>,
) =>
  outcomes.has(id)
    ? html`${outcomes.get(id)}`
    : html`<button type="button" @click=${async () => {
        const { error, response } = await run();
        outcomes.set(id, error ? (asProblem(error, response.status).detail ?? String(response.status)) : `${label} ✓`);
        redraw();
      }}>${label}</button>`;

// ---- lists a manager filters and exports ------------------------------------------------------------

/**
 * A list's filter form: its non-empty fields become the page's address (`#/leads?status=new&…`), so a
 * filtered list is a link to keep or send, and a reload shows the same list. `after` sits beside the
 * filter button (the export, say).
 */
export const filterForm = (path: string, fields: TemplateResult, after: TemplateResult | typeof nothing = nothing) => {
  const apply = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = [...new FormData(event.target as HTMLFormElement)]
      .map(([k, v]) => [k, String(v).trim()])
      .filter(([, v]) => v !== '');
    location.hash = chosen.length ? `#${path}?${new URLSearchParams(chosen)}` : `#${path}`;
  };
  return html`<form data-list-filter role="search" aria-label=${t('filter')} @submit=${apply}>
    <div class="grid">${fields}</div>
    <button type="submit">${t('filter')}</button> ${after}
  </form>`;
};

const DAY_MS = 24 * 3600 * 1000;

/** The address's "at least N days old" (a whole number of days, 1 or more), or none. */
export const ageOf = (query: URLSearchParams) => {
  const days = Number(query.get('olderThanDays'));
  return Number.isInteger(days) && days > 0 ? days : undefined;
};

/** "At least N days old" as a list API's `to`: the instant N days ago. */
export const createdBefore = (days: number | undefined) =>
  days ? new Date(Date.now() - days * DAY_MS).toISOString() : undefined;

/** The age filter's field, as every list offers it. */
export const ageField = (days: number | undefined) =>
  html`<label>${t('olderThanDays')} <input name="olderThanDays" type="number" min="1" max="3650" value=${days ?? ''} /></label>`;

export const listSorts = ['oldest', 'newest', 'highest', 'lowest'] as const;
export type ListSort = (typeof listSorts)[number];

/** The address's sort (by age or by value) and currency, as the order and quote lists take them. */
export const sortOf = (query: URLSearchParams, fallback: ListSort) => ({
  sort: listSorts.find((s) => s === query.get('sort')) ?? fallback,
  ...(/^[A-Z]{3}$/.test(query.get('currency') ?? '') ? { currency: query.get('currency')! } : {}),
});

/**
 * The sort field: by age either way, or by net value either way within one currency (TRY unless one is
 * named: the API compares no amounts of two currencies).
 */
export const sortField = ({ sort, currency }: ReturnType<typeof sortOf>) =>
  html`<label>${t('sortOrder')}
      <select name="sort">${listSorts.map(
        (s) => html`<option value=${s} ?selected=${s === sort}>${t(`${s}First`)}</option>`,
      )}</select></label>
    <label>${t('currency')} <input name="currency" value=${currency ?? ''} maxlength="3" placeholder="TRY" /></label>`;

/** Whole days since an instant, as a list's age column shows it. */
export const daysSince = (iso: string, now: number) => Math.floor((now - Date.parse(iso)) / DAY_MS);

/**
 * "Export what you see": asks the list's export route with the list's own filter and saves the CSV the
 * API writes (BOM, formula-safe cells) under the name the API gives; a refusal shows beside the button.
 */
export const exportButton = (
  fallbackName: string,
  fetchCsv: () => Promise<{ data?: Blob; error?: unknown; response: Response }>,
) => {
  const save = async (event: Event) => {
    const button = event.target as HTMLButtonElement;
    const problemAt = button.nextElementSibling as HTMLElement;
    problemAt.hidden = true;
    button.setAttribute('aria-busy', 'true');
    const { data, error, response } = await fetchCsv().finally(() => button.removeAttribute('aria-busy'));
    if (data === undefined) {
      problemAt.textContent = asProblem(error, response.status).detail ?? String(response.status);
      problemAt.hidden = false;
      return;
    }
    const name = /filename="([^"]+)"/.exec(response.headers.get('content-disposition') ?? '')?.[1] ?? fallbackName;
    const link = document.createElement('a');
    link.href = URL.createObjectURL(data);
    link.download = name;
    link.click();
    URL.revokeObjectURL(link.href);
  };
  return html`<button type="button" class="secondary" data-export @click=${save}>${t('exportCsv')}</button><p role="alert" class="problem" data-export-problem hidden></p>`;
};

/** Stops the polling of the page shown last (another page, or this one drawn again). */
let stopPolling = () => {};
window.addEventListener('hashchange', () => stopPolling());
export const stopPagePolling = () => stopPolling();

/**
 * Runs `step` now and again every `ms` while it answers true, until another page is shown or starts
 * polling. `current()` tells `step`, after its awaits, whether its page is still the one shown.
 */
export const pollPage = async (step: (current: () => boolean) => Promise<boolean>, ms: number) => {
  stopPolling();
  const here = location.hash;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let stopped = false;
  stopPolling = () => {
    stopped = true;
    clearTimeout(timer);
  };
  const current = () => !stopped && location.hash === here;
  const run = async () => {
    if ((await step(current)) && current()) timer = setTimeout(run, ms);
  };
  await run();
};
