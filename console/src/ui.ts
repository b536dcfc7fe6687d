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
