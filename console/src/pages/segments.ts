// What a campaign is made of, kept small: segments (tags and cities, the consent topic; a new one
// answers its count) and templates (Turkish and English subject, HTML and text; a new one answers
// its preview), each listed by cursor. Problems land next to the field they name.
import { html, render, type TemplateResult } from 'lit';
import { api, asProblem } from '../api.js';
import { dateTime, type StringKey, t } from '../strings.js';
import { clearProblem, formValues, pagedTable, problemSlot, show, showProblem } from '../ui.js';

const list = (text = '') =>
  text
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

/** A create form above a list: `create` answers what to show of the new item, or a problem for the form. */
const makeAndList = async <T extends { name: string; createdAt: string }>(
  title: StringKey,
  formTitle: StringKey,
  fields: TemplateResult,
  create: (values: Record<string, string>) => Promise<TemplateResult | ReturnType<typeof asProblem>>,
  load: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string } | ReturnType<typeof asProblem>>,
) => {
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const answer = await create(formValues(form));
    if ('code' in answer) return showProblem(form, answer);
    render(answer, document.getElementById('created')!);
  };
  show(html`<h1>${t(title)}</h1>
    <details><summary>${t(formTitle)}</summary>
      <form @submit=${submit}>${problemSlot()}${fields}<button type="submit">${t('create')}</button></form>
    </details>
    <section id="created" role="status"></section>
    <section id="list"></section>`);
  await pagedTable(document.getElementById('list')!, [t('name'), t('created')], (item) => html`<tr><td>${item.name}</td><td>${dateTime(item.createdAt)}</td></tr>`, load);
};

export const segmentsPage = async () => {
  const client = await api();
  await makeAndList(
    'segmentsTitle',
    'newSegment',
    html`<label>${t('name')} <input name="name" required maxlength="120" /></label>
      <label>${t('tags')} <input name="tags" /></label>
      <label>${t('cities')} <input name="cities" /></label>
      <label>${t('consentTopic')} <input name="consent.topic" required value="offers" /></label>`,
    async (values) => {
      const filter = { ...(values.tags ? { tags: list(values.tags) } : {}), ...(values.cities ? { cities: list(values.cities) } : {}) };
      const made = await client.POST('/segments', { body: { name: values.name ?? '', filter, consent: { channel: 'email', topic: values['consent.topic'] ?? '' } } });
      if (!made.data) return asProblem(made.error, made.response.status);
      const preview = await client.GET('/segments/{segmentId}/preview', { params: { path: { segmentId: made.data.segmentId } } });
      return html`<p data-segment-created=${made.data.segmentId}>${made.data.name} · ${t('segmentCount')}: ${preview.data?.count ?? '—'}</p>`;
    },
    async (cursor) => {
      const { data, error, response } = await client.GET('/segments', { params: { query: { cursor, limit: 20 } } });
      return data ? { items: data.items, nextCursor: data.next } : asProblem(error, response.status);
    },
  );
};

const languages = ['tr', 'en'] as const;

export const templatesPage = async () => {
  const client = await api();
  await makeAndList(
    'templatesTitle',
    'newTemplate',
    html`<label>${t('name')} <input name="name" required maxlength="120" /></label>
      ${languages.map(
        (l) => html`<fieldset><legend>${t(`language_${l}`)}</legend>
          <label>${t('subject')} <input name=${`parts.${l}.subject`} required maxlength="200" /></label>
          <label>${t('htmlPart')} <textarea name=${`parts.${l}.html`} required rows="4"></textarea></label>
          <label>${t('textPart')} <textarea name=${`parts.${l}.text`} required rows="3"></textarea></label>
        </fieldset>`,
      )}`,
    async (values) => {
      const part = (l: (typeof languages)[number]) => ({ subject: values[`parts.${l}.subject`] ?? '', html: values[`parts.${l}.html`] ?? '', text: values[`parts.${l}.text`] ?? '' });
      const made = await client.POST('/templates', { body: { name: values.name ?? '', parts: { tr: part('tr'), en: part('en') } } });
      if (!made.data) return asProblem(made.error, made.response.status);
      const preview = await client.POST('/templates/{templateId}/preview', {
        params: { path: { templateId: made.data.templateId } },
        body: { language: 'tr', sample: { name: 'Ayşe Yılmaz', company: 'Deneme A.Ş.', owner: 'Zeynep' } },
      });
      return html`<p data-template-created=${made.data.templateId}>${made.data.name} · ${t('preview')}: ${preview.data?.subject ?? asProblem(preview.error, preview.response.status).detail}</p>`;
    },
    async (cursor) => {
      const { data, error, response } = await client.GET('/templates', { params: { query: { cursor, limit: 20 } } });
      return data ? { items: data.items, nextCursor: data.next } : asProblem(error, response.status);
    },
  );
};
