// Catalogue import for admins: a CSV of products, price lists or FX rates sent as text/csv, all or
// nothing. A refused file's rows are listed (row number, column, message); an imported one says how
// many records it brought and the catalogue version it made.
import { html, nothing, render } from 'lit';
import { api, asProblem, type Problem } from '../api.js';
import { type StringKey, t } from '../strings.js';
import { clearProblem, problemSlot, showProblem } from '../ui.js';
import { adminPage } from './rules.js';

const kinds: [slug: string, label: StringKey][] = [
  ['products', 'kindProducts'],
  ['price-lists', 'kindPriceLists'],
  ['fx-rates', 'kindFxRates'],
];

/** An import error: the problem's field is the CSV column, `line` the 1-based file line. */
type RowProblem = NonNullable<Problem['errors']>[number] & { line?: number };

const rowProblems = (errors: RowProblem[]) =>
  html`<div class="overflow-auto"><table class="striped" data-import-errors>
    <thead><tr><th scope="col">${t('rowNumber')}</th><th scope="col">${t('column')}</th><th scope="col">${t('problem')}</th></tr></thead>
    <tbody>${errors.map((e) => html`<tr data-line=${e.line ?? ''}><td>${e.line ?? '—'}</td><td>${e.path || '—'}</td><td>${e.message}</td></tr>`)}</tbody>
  </table></div>`;

export const cataloguePage = async () => {
  const client = await api();
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const outcome = document.getElementById('outcome')!;
    clearProblem(form);
    render(nothing, outcome);
    const fields = new FormData(form);
    const kind = String(fields.get('kind'));
    const file = fields.get('file');
    if (!(file instanceof File) || file.size === 0) return;
    form.setAttribute('aria-busy', 'true');
    const answer = await client
      .POST('/catalogue/{kind}', {
        params: { path: { kind } },
        body: await file.text(),
        headers: { 'content-type': 'text/csv' },
        bodySerializer: (body) => body,
      })
      .finally(() => form.removeAttribute('aria-busy'));
    if (!answer.data) {
      const problem = asProblem(answer.error, answer.response.status);
      // Row problems name CSV columns, not this form's inputs: they go in their own table.
      showProblem(form, { ...problem, errors: [] });
      if (problem.code === 'import-failed') render(rowProblems(problem.errors ?? []), outcome);
      return;
    }
    const { imported, total, generation } = answer.data;
    render(
      html`<p role="status" data-imported=${imported}>${t('importedRecords')}: ${imported} / ${total} · ${t('catalogueVersion')}: ${generation}</p>`,
      outcome,
    );
  };
  adminPage(
    'adminCatalogue',
    html`<p>${t('catalogueHint')}</p>
      <form @submit=${submit} data-catalogue-import>
        ${problemSlot()}
        <label>${t('catalogueKind')}
          <select name="kind">${kinds.map(([slug, label]) => html`<option value=${slug}>${t(label)}</option>`)}</select>
        </label>
        <label>${t('csvFile')} <input type="file" name="file" accept=".csv,text/csv" required /></label>
        <button type="submit">${t('importFile')}</button>
      </form>
      <section id="outcome" aria-live="polite"></section>`,
  );
};
