// What a campaign is made of, kept small: segments (every filter the API accepts and the consent
// topic; the count of matching customers shown as the fields change, before saving) and templates
// (Turkish and English subject, HTML and text; a new one answers its preview), each listed by cursor.
// Problems land next to the field they name.
import { html, nothing, render, type TemplateResult } from 'lit';
import { api, asProblem, type Problem } from '../api.js';
import type { operations } from '../api-types.js';
import { anyOfWords, dateTime, day, label, money, monthCount, monthName, type StringKey, t, tf } from '../strings.js';
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
  /** A column the list shows after the name. */
  column?: { heading: StringKey; cell: (item: T) => TemplateResult },
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
  // Shown again (the language toggled), the page keeps its elements: what was rendered into them goes.
  render(nothing, document.getElementById('created')!);
  await pagedTable(
    document.getElementById('list')!,
    [t('name'), ...(column ? [t(column.heading)] : []), t('created')],
    (item) =>
      html`<tr><td>${item.name}</td>${column ? html`<td>${column.cell(item)}</td>` : nothing}<td>${dateTime(item.createdAt)}</td></tr>`,
    load,
  );
};

/** The start of an Istanbul calendar day (UTC+3 all year), as the ISO UTC instant the filter compares. */
const dayStart = (day: FormDataEntryValue | null) =>
  day ? new Date(`${day}T00:00:00+03:00`).toISOString() : undefined;

type Purchase = NonNullable<Filter['purchases']>[number];
type BuysLess = Extract<Purchase, { kind: 'buys-less' }>;

/**
 * The form's purchase conditions, each beside the slot its fields sit in (`filter.purchases.<slot>.…`):
 * slot 0 "bought" (or "only") a category in the months given, at least so many times and for so much
 * (amounts typed in TRY); slot 1 "never bought" another in the same months; slot 2 "buys less" than in
 * the earlier periods. A condition left empty is not sent, so the API's index is not the slot.
 */
const purchasesOf = (data: FormData) => {
  const field = (slot: number, name: string) => String(data.get(`filter.purchases.${slot}.${name}`) ?? '').trim();
  const number = (slot: number, name: string) => (field(slot, name) ? Number(field(slot, name)) : undefined);
  const from = field(0, 'from');
  const to = field(0, 'to');
  const conditions: { slot: number; condition: Purchase }[] = [];
  if (field(0, 'category')) {
    const amount = number(0, 'minAmount');
    conditions.push({
      slot: 0,
      condition: {
        kind: field(0, 'kind') === 'only' ? 'only' : 'bought',
        category: field(0, 'category'),
        from,
        to,
        ...(number(0, 'minOrders') !== undefined ? { minOrders: number(0, 'minOrders') } : {}),
        ...(amount !== undefined ? { minAmount: Math.round(amount * 100) } : {}),
      },
    });
  }
  if (field(1, 'category'))
    conditions.push({ slot: 1, condition: { kind: 'not-bought', category: field(1, 'category'), from, to } });
  if (field(2, 'kind') === 'buys-less') {
    const less: BuysLess = { kind: 'buys-less', measure: field(2, 'measure') === 'orders' ? 'orders' : 'amount' };
    if (field(2, 'category')) less.category = field(2, 'category');
    for (const name of ['periodMonths', 'periods', 'dropPercent'] as const)
      if (number(2, name) !== undefined) less[name] = number(2, name);
    conditions.push({ slot: 2, condition: less });
  }
  return conditions;
};

/**
 * The form's filter as the API takes it (each field by its path, empty ones left out), and the form
 * field a problem's path belongs to: a purchase condition's at its slot, a list item's at its list.
 */
const filterOf = (form: HTMLFormElement) => {
  const data = new FormData(form);
  const text = (name: string) => list(String(data.get(`filter.${name}`) ?? ''));
  const purchases = purchasesOf(data);
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
    purchases: purchases.length ? purchases.map((p) => p.condition) : undefined,
  };
  const fieldOf = (path: string) =>
    path
      .replace(/^filter\.purchases\.(\d+)/, (whole, i: string) => {
        const slot = purchases[Number(i)]?.slot;
        return slot === undefined ? whole : `filter.purchases.${slot}`;
      })
      .replace(/^(filter\.(?!purchases)\w+)\.\d+$/, '$1');
  return {
    filter: Object.fromEntries(
      Object.entries(filter).filter(
        ([, value]) => value !== undefined && !(Array.isArray(value) && value.length === 0),
      ),
    ) as Filter,
    onFields: (problem: Problem) => onFields(problem, fieldOf),
  };
};

/** What the API takes for a "buys less" parameter left out (its schema's documented defaults). */
const buysLessDefaults = { periodMonths: 3, periods: 4, dropPercent: 30 } as const;

/** One purchase condition in words. */
const purchaseWords = (condition: Purchase) => {
  if (condition.kind === 'buys-less') {
    const length = condition.periodMonths ?? buysLessDefaults.periodMonths;
    const periods = condition.periods ?? buysLessDefaults.periods;
    return tf(condition.measure === 'orders' ? 'summaryBuysLessOrders' : 'summaryBuysLessAmount', {
      current: monthCount(length, true),
      length: monthCount(length),
      before: monthCount(length * periods),
      drop: condition.dropPercent ?? buysLessDefaults.dropPercent,
      scope: condition.category ? tf('summaryInCategory', { category: condition.category }) : t('summaryOverall'),
    });
  }
  const sentence = { bought: 'summaryBought', only: 'summaryOnly', 'not-bought': 'summaryNotBought' } as const;
  const words = tf(sentence[condition.kind], {
    category: condition.category,
    from: monthName(condition.from),
    to: monthName(condition.to),
  });
  const bounds = [
    condition.minOrders !== undefined ? tf('summaryMinOrders', { n: condition.minOrders }) : '',
    condition.minAmount !== undefined ? tf('summaryMinAmount', { amount: money(condition.minAmount, 'TRY') }) : '',
  ].filter(Boolean);
  return bounds.length ? `${words} (${bounds.join(', ')})` : words;
};

const listed = ['tags', 'sectors', 'regions', 'cities', 'groups', 'ownerIds'] as const;

/** A segment's filter in the reader's words, a line a condition: what a marketer checks before using it. */
const summaryOf = (filter: Filter): string[] => {
  const lines = listed
    .filter((name) => filter[name]?.length)
    .map((name) => `${label('segmentField', name)}: ${anyOfWords(filter[name]!)}`);
  if (filter.languages?.length)
    lines.push(
      `${label('segmentField', 'languages')}: ${anyOfWords(filter.languages.map((l) => label('language', l)))}`,
    );
  if (filter.valueSegments?.length)
    lines.push(`${label('segmentField', 'valueSegments')}: ${anyOfWords(filter.valueSegments)}`);
  if (filter.lastOrderAfter) lines.push(`${t('lastOrderAfter')}: ${day(filter.lastOrderAfter)}`);
  if (filter.lastOrderBefore) lines.push(`${t('lastOrderBefore')}: ${day(filter.lastOrderBefore)}`);
  lines.push(...(filter.purchases ?? []).map(purchaseWords));
  return lines.length ? lines : [t('everyCustomer')];
};

const summaryView = (filter: Filter) =>
  html`<ul data-segment-summary>${summaryOf(filter).map((line) => html`<li>${line}</li>`)}</ul>`;

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

/** "Buys less than before": the API's parameters, filled with its defaults (one left empty is the default). */
const buysLessFields = () => html`<fieldset><legend>${t('buysLessField')}</legend>
  <label><input type="checkbox" role="switch" name="filter.purchases.2.kind" value="buys-less" />${t('buysLessOn')}</label>
  <small>${t('buysLessHint')}</small>
  <div class="grid">
    <label>${t('buysLessMeasure')} <select name="filter.purchases.2.measure">
      ${(['amount', 'orders'] as const).map((m) => html`<option value=${m}>${label('buysLessMeasure', m)}</option>`)}
    </select></label>
    <label>${t('buysLessCategory')} <input name="filter.purchases.2.category" maxlength="100" /></label>
  </div>
  <div class="grid">
    <label>${t('buysLessPeriodMonths')} <input type="number" min="1" max="12"
      name="filter.purchases.2.periodMonths" value=${buysLessDefaults.periodMonths} /></label>
    <label>${t('buysLessPeriods')} <input type="number" min="1" max="12"
      name="filter.purchases.2.periods" value=${buysLessDefaults.periods} /></label>
    <label>${t('buysLessDrop')} <input type="number" min="1" max="100"
      name="filter.purchases.2.dropPercent" value=${buysLessDefaults.dropPercent} /></label>
  </div>
</fieldset>`;

export const segmentsPage = async () => {
  const client = await api();
  /** Only the newest preview's answer is shown: an older one may come back after it. */
  let asked = 0;
  const preview = async (form: HTMLFormElement, field: string) => {
    if (!field.startsWith('filter.')) return;
    const mine = ++asked;
    const target = document.getElementById('filter-count')!;
    const { filter, onFields } = filterOf(form);
    render(summaryView(filter), document.getElementById('filter-summary')!);
    target.setAttribute('aria-busy', 'true');
    const { data, error, response } = await client.POST('/segments/preview', { body: { filter } });
    if (mine !== asked) return;
    target.removeAttribute('aria-busy');
    clearProblem(form);
    if (!data) {
      render(html`${t('filterCountHint')}`, target);
      return showProblem(form, onFields(asProblem(error, response.status)));
    }
    render(
      html`${t('segmentCount')}: <strong data-filter-count>${data.complete ? '' : `${t('atLeast')} `}${data.count}</strong>
        <small>(${data.scanned} ${t('customersRead')})</small>`,
      target,
    );
  };
  const page = makeAndList(
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
      ${buysLessFields()}
      <label>${t('consentTopic')} <input name="consent.topic" required value="offers" /></label>
      <section aria-label=${t('segmentConditions')} id="filter-summary"></section>
      <p id="filter-count" role="status" aria-live="polite"></p>`,
    async (form) => {
      const values = formValues(form);
      const { filter, onFields } = filterOf(form);
      const body = {
        name: values.name ?? '',
        filter,
        consent: { channel: 'email' as const, topic: values['consent.topic'] ?? '' },
      };
      const made = await client.POST('/segments', { body });
      if (!made.data) return onFields(asProblem(made.error, made.response.status));
      const counted = await client.GET('/segments/{segmentId}/preview', {
        params: { path: { segmentId: made.data.segmentId } },
      });
      return html`<p data-segment-created=${made.data.segmentId}>${made.data.name} · ${t('segmentCount')}:
          <strong data-created-count>${counted.data?.count ?? '—'}</strong></p>
        ${summaryView(made.data.filter as Filter)}`;
    },
    async (cursor) => {
      const { data, error, response } = await client.GET('/segments', { params: { query: { cursor, limit: 20 } } });
      return data ? { items: data.items, nextCursor: data.next } : asProblem(error, response.status);
    },
    preview,
    { heading: 'segmentConditions', cell: (segment) => summaryView(segment.filter as Filter) },
  );
  // The form is shown before the list loads. The count's place holds only what is rendered into it,
  // so a count replaces the hint rather than following it. Shown again (the language toggled), the form
  // keeps what was typed: a form already summed up is counted and summed up again in the new language.
  const summary = document.getElementById('filter-summary')!;
  if (summary.querySelector('[data-segment-summary]')) void preview(summary.closest('form')!, 'filter.');
  else render(html`${t('filterCountHint')}`, document.getElementById('filter-count')!);
  await page;
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
