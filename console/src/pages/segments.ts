// What a campaign is made of, kept small: segments (every filter the API accepts and the consent
// topic; the count of matching customers shown as the fields change, before saving) and templates
// (Turkish and English subject, HTML and text; a new one answers its preview), each listed by cursor.
// Problems land next to the field they name.
import { html, render, type TemplateResult } from 'lit';
import { api, asProblem, type Problem } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, label, type StringKey, t } from '../strings.js';
import { clearProblem, formValues, onFields, pagedTable, problemSlot, show, showProblem } from '../ui.js';

type Filter = operations['previewFilter']['requestBody']['content']['application/json']['filter'];

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
  create: (form: HTMLFormElement) => Promise<TemplateResult | Problem>,
  load: (cursor?: string) => Promise<{ items: T[]; nextCursor?: string } | Problem>,
  /** A field of the form changed (by its name). */
  changed?: (form: HTMLFormElement, field: string) => void,
) => {
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const answer = await create(form);
    if ('code' in answer) return showProblem(form, answer);
    render(answer, document.getElementById('created')!);
  };
  show(html`<h1>${t(title)}</h1>
    <details><summary>${t(formTitle)}</summary>
      <form @submit=${submit} @change=${(event: Event) => changed?.(event.currentTarget as HTMLFormElement, (event.target as HTMLInputElement).name)}>${problemSlot()}${fields}<button type="submit">${t('create')}</button></form>
    </details>
    <section id="created" role="status"></section>
    <section id="list"></section>`);
  await pagedTable(
    document.getElementById('list')!,
    [t('name'), t('created')],
    (item) => html`<tr><td>${item.name}</td><td>${dateTime(item.createdAt)}</td></tr>`,
    load,
  );
};

/** The start of an Istanbul calendar day (UTC+3 all year), as the ISO UTC instant the filter compares. */
const dayStart = (day: FormDataEntryValue | null) =>
  day ? new Date(`${day}T00:00:00+03:00`).toISOString() : undefined;

type Purchase = NonNullable<Filter['purchases']>[number];

/**
 * The purchase conditions: "bought" (or "only") a category in the months given, at least so many
 * times and for so much, and "never bought" another in the same months. Amounts are typed in TRY.
 */
const purchasesOf = (data: FormData): Filter['purchases'] => {
  const field = (name: string) => String(data.get(`filter.purchases.0.${name}`) ?? '').trim();
  const from = field('from');
  const to = field('to');
  const number = (name: string) => (field(name) ? Number(field(name)) : undefined);
  const conditions: Purchase[] = [];
  if (field('category')) {
    const amount = number('minAmount');
    conditions.push({
      kind: field('kind') === 'only' ? 'only' : 'bought',
      category: field('category'),
      from,
      to,
      ...(number('minOrders') !== undefined ? { minOrders: number('minOrders') } : {}),
      ...(amount !== undefined ? { minAmount: Math.round(amount * 100) } : {}),
    });
  }
  const never = String(data.get('filter.purchases.1.category') ?? '').trim();
  if (never) conditions.push({ kind: 'not-bought', category: never, from, to });
  return conditions.length ? conditions : undefined;
};

/** The form's filter as the API takes it: each field by its path, empty ones left out. */
const filterOf = (form: HTMLFormElement): Filter => {
  const data = new FormData(form);
  const text = (name: string) => list(String(data.get(`filter.${name}`) ?? ''));
  const filter: Filter = {
    tags: text('tags'),
    sectors: text('sectors'),
    regions: text('regions'),
    cities: text('cities'),
    groups: text('groups'),
    ownerIds: text('ownerIds'),
    languages: data.getAll('filter.languages').map(String) as Filter['languages'],
    valueSegments: data.getAll('filter.valueSegments').map(String) as Filter['valueSegments'],
    lastOrderAfter: dayStart(data.get('filter.lastOrderAfter')),
    lastOrderBefore: dayStart(data.get('filter.lastOrderBefore')),
    purchases: purchasesOf(data),
  };
  return Object.fromEntries(
    Object.entries(filter).filter(([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0)),
  );
};

/** A list item's problem (`filter.tags.3`) belongs to its list's field. */
const onListFields = (problem: Problem) => onFields(problem, (path) => path.replace(/\.\d+$/, ''));

const textField = (name: 'tags' | 'sectors' | 'regions' | 'cities' | 'groups' | 'ownerIds') =>
  html`<label>${t(name)} <input name=${`filter.${name}`} /></label>`;
const choices = (
  name: 'languages' | 'valueSegments',
  legend: StringKey,
  options: readonly { value: string; label: string }[],
) =>
  html`<fieldset><legend>${t(legend)}</legend>
    ${options.map(({ value, label: word }) => html`<label><input type="checkbox" name=${`filter.${name}`} value=${value} />${word}</label>`)}
  </fieldset>`;

export const segmentsPage = async () => {
  const client = await api();
  /** Only the newest preview's answer is shown: an older one may come back after it. */
  let asked = 0;
  const preview = async (form: HTMLFormElement, field: string) => {
    if (!field.startsWith('filter.')) return;
    const mine = ++asked;
    const target = document.getElementById('filter-count')!;
    target.setAttribute('aria-busy', 'true');
    const { data, error, response } = await client.POST('/segments/preview', { body: { filter: filterOf(form) } });
    if (mine !== asked) return;
    target.removeAttribute('aria-busy');
    clearProblem(form);
    if (!data) {
      render(html`${t('filterCountHint')}`, target);
      return showProblem(form, onListFields(asProblem(error, response.status)));
    }
    render(
      html`${t('segmentCount')}: <strong data-filter-count>${data.complete ? '' : `${t('atLeast')} `}${data.count}</strong>
        <small>(${data.scanned} ${t('customersRead')})</small>`,
      target,
    );
  };
  await makeAndList(
    'segmentsTitle',
    'newSegment',
    html`<label>${t('name')} <input name="name" required maxlength="120" /></label>
      ${textField('tags')}${textField('sectors')}${textField('regions')}${textField('cities')}${textField('groups')}
      ${choices('languages', 'customerLanguages', [
        { value: 'tr', label: label('language', 'tr') },
        { value: 'en', label: label('language', 'en') },
      ])}
      ${choices(
        'valueSegments',
        'valueSegmentsField',
        ['A', 'B', 'C'].map((v) => ({ value: v, label: v })),
      )}
      <div class="grid">
        <label>${t('lastOrderAfter')} <input type="date" name="filter.lastOrderAfter" /></label>
        <label>${t('lastOrderBefore')} <input type="date" name="filter.lastOrderBefore" /></label>
      </div>
      ${textField('ownerIds')}
      <fieldset><legend>${t('purchasesField')}</legend>
        <div class="grid">
          <label>${t('purchaseKind')} <select name="filter.purchases.0.kind">
            <option value="bought">${t('purchaseBought')}</option><option value="only">${t('purchaseOnly')}</option>
          </select></label>
          <label>${t('purchaseCategory')} <input name="filter.purchases.0.category" /></label>
          <label>${t('purchaseNever')} <input name="filter.purchases.1.category" /></label>
        </div>
        <div class="grid">
          <label>${t('purchaseFrom')} <input type="month" name="filter.purchases.0.from" /></label>
          <label>${t('purchaseTo')} <input type="month" name="filter.purchases.0.to" /></label>
          <label>${t('purchaseMinOrders')} <input type="number" min="1" name="filter.purchases.0.minOrders" /></label>
          <label>${t('purchaseMinAmount')} <input type="number" min="0" name="filter.purchases.0.minAmount" /></label>
        </div>
      </fieldset>
      <label>${t('consentTopic')} <input name="consent.topic" required value="offers" /></label>
      <p id="filter-count" role="status" aria-live="polite">${t('filterCountHint')}</p>`,
    async (form) => {
      const values = formValues(form);
      const body = {
        name: values.name ?? '',
        filter: filterOf(form),
        consent: { channel: 'email' as const, topic: values['consent.topic'] ?? '' },
      };
      const made = await client.POST('/segments', { body });
      if (!made.data) return onListFields(asProblem(made.error, made.response.status));
      const counted = await client.GET('/segments/{segmentId}/preview', {
        params: { path: { segmentId: made.data.segmentId } },
      });
      return html`<p data-segment-created=${made.data.segmentId}>${made.data.name} · ${t('segmentCount')}: ${counted.data?.count ?? '—'}</p>`;
    },
    async (cursor) => {
      const { data, error, response } = await client.GET('/segments', { params: { query: { cursor, limit: 20 } } });
      return data ? { items: data.items, nextCursor: data.next } : asProblem(error, response.status);
    },
    preview,
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
        (l) => html`<fieldset><legend>${label('language', l)}</legend>
          <label>${t('subject')} <input name=${`parts.${l}.subject`} required maxlength="200" /></label>
          <label>${t('htmlPart')} <textarea name=${`parts.${l}.html`} required rows="4"></textarea></label>
          <label>${t('textPart')} <textarea name=${`parts.${l}.text`} required rows="3"></textarea></label>
        </fieldset>`,
      )}`,
    async (form) => {
      const values = formValues(form);
      const part = (l: (typeof languages)[number]) => ({
        subject: values[`parts.${l}.subject`] ?? '',
        html: values[`parts.${l}.html`] ?? '',
        text: values[`parts.${l}.text`] ?? '',
      });
      const made = await client.POST('/templates', {
        body: { name: values.name ?? '', parts: { tr: part('tr'), en: part('en') } },
      });
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
