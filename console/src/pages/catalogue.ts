// Imports for admins: the catalogue (a CSV of products, price lists or FX rates, all or nothing) and the
// order history (a CSV of past orders counted into customer figures). A refused file's rows are listed
// (row number, column, message); an accepted one is imported in the background, its progress shown (and
// found again after a reload) until it is done.
import { html, type TemplateResult } from 'lit';
import { api } from '../api.js';
import { type StringKey, t } from '../strings.js';
import { problemSlot } from '../ui.js';
import { type ImportSource, importJobs } from './import-jobs.js';
import { adminPage } from './rules.js';

const kinds: [slug: string, label: StringKey][] = [
  ['products', 'kindProducts'],
  ['price-lists', 'kindPriceLists'],
  ['fx-rates', 'kindFxRates'],
];

/** An admin page with an upload form (`fields` before the file) and its jobs below it. */
const importPage = (page: StringKey, hint: StringKey, fields: TemplateResult, source: ImportSource) => {
  const submit = importJobs(source, () => document.getElementById('outcome')!);
  adminPage(
    page,
    html`<p>${t(hint)}</p>
      <form data-import @submit=${submit}>
        ${problemSlot()}
        ${fields}
        <label>${t('csvFile')} <input type="file" name="file" accept=".csv,text/csv" required /></label>
        <button type="submit">${t('importFile')}</button>
      </form>
      <section id="outcome"></section>`,
  );
};

export const cataloguePage = async () => {
  const client = await api();
  importPage(
    'adminCatalogue',
    'catalogueHint',
    html`<label>${t('catalogueKind')}
      <select name="kind">${kinds.map(([slug, label]) => html`<option value=${slug}>${t(label)}</option>`)}</select>
    </label>`,
    {
      post: async (file, fields, headers) =>
        client.POST('/catalogue/{kind}', {
          params: { path: { kind: String(fields.get('kind')) } },
          body: await file.text(),
          headers: { ...headers, 'content-type': 'text/csv' },
          bodySerializer: (body) => body,
        }),
      list: async () => (await client.GET('/catalogue-imports')).data?.items ?? [],
      get: async (jobId) => (await client.GET('/catalogue-imports/{jobId}', { params: { path: { jobId } } })).data,
      resume: (jobId) => client.POST('/catalogue-imports/{jobId}/resume', { params: { path: { jobId } } }),
    },
  );
};

export const orderImportPage = async () => {
  const client = await api();
  importPage('ordersImport', 'ordersImportHint', html``, {
    post: async (file, _fields, headers) =>
      client.POST('/analytics/imports/orders', {
        body: await file.text(),
        headers: { ...headers, 'content-type': 'text/csv' },
        bodySerializer: (body) => body,
      }),
    list: async () => (await client.GET('/analytics/imports/orders')).data?.items ?? [],
    get: async (jobId) => (await client.GET('/analytics/imports/orders/{jobId}', { params: { path: { jobId } } })).data,
    resume: (jobId) => client.POST('/analytics/imports/orders/{jobId}/resume', { params: { path: { jobId } } }),
  });
};
