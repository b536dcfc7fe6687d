// What the order and case pages and the admin forms share: a refusal shown at the nearest field and
// a 409 in words, a list's row controls, percent and TRY ↔ hundredths, a
// record's next moves as buttons (each sends the seq the page was read at), and its history.
import { html } from 'lit';
import type { Problem } from '../api.js';
import { dateTime, type LabelGroup, label, noteText, type StringKey, t, transition } from '../strings.js';
import { clearProblem, problemSlot, showProblem } from '../ui.js';

/** A stale write (409) in the reader's words, the API's detail after it. */
export const inWords = (problem: Problem): Problem =>
  problem.status === 409 ? { ...problem, detail: `${t('staleSave')} (${problem.detail ?? problem.code})` } : problem;

/**
 * The input a problem's path belongs at: the path's own, else the first input under it
 * (`rules.0.when` → `rules.0.when.discountBpOver`), else its nearest parent's (`rules.2.unitIds.0` →
 * `rules.2.unitIds`); the path itself when none is found (shown above the form).
 */
const nearestField = (form: HTMLFormElement, path: string) => {
  for (let parts = path.split('.'); parts.length > 0 && parts[0] !== ''; parts = parts.slice(0, -1)) {
    const name = parts.join('.');
    const input = form.querySelector<HTMLInputElement>(
      `[name="${CSS.escape(name)}"], [name^="${CSS.escape(`${name}.`)}"]`,
    );
    if (input) return input.name;
  }
  return path;
};

/** Shows a refused save in its form: each problem next to the input nearest its path, a stale one in words above. */
export const showRefusal = (form: HTMLFormElement, problem: Problem) =>
  showProblem(
    form,
    inWords({ ...problem, errors: problem.errors?.map((e) => ({ ...e, path: nearestField(form, e.path) })) }),
  );

/** A list's row controls: move it up or down, or remove it; `change` gets the list as it should now be. */
export const rowControls = <T>(list: T[], i: number, change: (next: T[]) => void) => {
  const swap = (j: number) => {
    const next = [...list];
    [next[i], next[j]] = [next[j]!, next[i]!];
    change(next);
  };
  return html`<div role="group" class="row-controls">
    <button type="button" class="secondary outline" aria-label="${t('moveUp')} ${i + 1}" ?disabled=${i === 0} @click=${() => swap(i - 1)}>↑</button>
    <button type="button" class="secondary outline" aria-label="${t('moveDown')} ${i + 1}" ?disabled=${i === list.length - 1} @click=${() => swap(i + 1)}>↓</button>
    <button type="button" class="secondary outline" aria-label="${t('remove')} ${i + 1}" @click=${() => change(list.filter((_, j) => j !== i))}>✕</button>
  </div>`;
};

/** What a saved form says in its status line. */
export const savedAt = (seq: number) => `${t('saved')} ${t('readAtSeq')}: ${seq}`;

/** Percent in a form, basis points in the API; money in a form, minor units in the API. */
export const fromHundredths = (value: number | undefined) => (value === undefined ? '' : String(value / 100));
export const toHundredths = (value: FormDataEntryValue | null | undefined) =>
  value === null || value === undefined || String(value).trim() === '' ? undefined : Math.round(Number(value) * 100);

export interface Move {
  to: string;
  label: StringKey;
}

/**
 * The moves a record may take from its status, one button each, with an optional note; `send`
 * answers a problem (shown above the buttons) or nothing, after which the page reloads itself.
 */
export const movesForm = (moves: Move[], send: (to: string, note?: string) => Promise<Problem | undefined>) => {
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const to = (event.submitter as HTMLButtonElement | null)?.value;
    if (!to) return;
    clearProblem(form);
    const note = new FormData(form).get('note');
    const problem = await send(to, note ? String(note) : undefined);
    if (problem) showRefusal(form, problem);
  };
  return html`<h2>${t('nextMoves')}</h2>
    ${
      moves.length === 0
        ? html`<p>${t('noMoves')}</p>`
        : html`<form @submit=${submit} data-moves>
          ${problemSlot()}
          <label>${t('note')} <input name="note" maxlength="1000" /></label>
          <div class="grid">${moves.map((m) => html`<button type="submit" name="to" value=${m.to}>${t(m.label)}</button>`)}</div>
        </form>`
    }`;
};

export interface HistoryRow {
  at: string;
  from?: string;
  to: string;
  action: string;
  actorId: string;
  note?: string;
}

/** A record's history: each move in words (statuses of `group`, the lifecycle's action), its notes' instants in Istanbul time. */
export const historyTable = (group: LabelGroup, rows: HistoryRow[]) =>
  html`<h2>${t('history')}</h2>
    <div class="overflow-auto"><table class="striped" data-history>
      <thead><tr><th scope="col">${t('when')}</th><th scope="col">${t('status')}</th><th scope="col">${t('who')}</th><th scope="col">${t('note')}</th></tr></thead>
      <tbody>${rows.map(
        (h) =>
          html`<tr><td>${dateTime(h.at)}</td><td data-to=${h.to}>${transition(group, h.from, h.to)} (${label('action', h.action)})</td><td>${h.actorId}</td><td>${h.note ? noteText(h.note) : ''}</td></tr>`,
      )}</tbody>
    </table></div>`;
