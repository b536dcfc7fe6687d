// The admin's rules as forms: order routing (an editable table of rules in order, each region/city
// or category → units), the quote approval policy (thresholds → approving role, in order), and the
// analytics rules (A/B/C shares, commission rates). Each save sends the seq the page read, so a
// stale page gets the API's 409 in words; a field's problem shows next to that field.
import { html, nothing, type TemplateResult } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { label, type StringKey, t, valuesOf } from '../strings.js';
import { clearProblem, problemSlot, problemView, show } from '../ui.js';
import { adminNav } from './admin-nav.js';
import { fromHundredths, rowControls, savedAt, showRefusal, toHundredths } from './record-forms.js';

type RoutingRule = operations['getRoutingRules']['responses'][200]['content']['application/json']['rules'][number];
type ApprovalRule = operations['getApprovalPolicy']['responses'][200]['content']['application/json']['rules'][number];

/** An admin page: its heading, the links to the other admin pages, and its body. */
export const adminPage = (current: StringKey, body: TemplateResult) =>
  show(html`${adminNav(current)}<h1>${t(current)}</h1>${body}`);

/** A save's outcome, announced. */
const statusLine = (text: string) => html`<p role="status" data-saved>${text}</p>`;

interface Saved {
  seq: number;
  saved: string;
}

/**
 * A form's save: what is typed read into the state, sent with the seq it was read at, then the new
 * seq announced or the refusal shown in the form (fields next to their inputs, a 409 in words).
 */
const saving =
  (
    state: Saved,
    redraw: () => void,
    read: (fields: FormData) => void,
    put: (fields: FormData) => Promise<{ data?: { seq: number }; error?: unknown; response: Response }>,
  ) =>
  async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const fields = new FormData(form);
    clearProblem(form);
    read(fields);
    state.saved = '';
    redraw();
    const answer = await put(fields);
    if (!answer.data) return showRefusal(form, asProblem(answer.error, answer.response.status));
    state.seq = answer.data.seq;
    state.saved = savedAt(state.seq);
    redraw();
  };

/** The form's fields as FormData, and a comma list as its items. */
const fieldsOf = (event: Event) => new FormData((event.currentTarget ?? event.target) as HTMLFormElement);
const items = (value: FormDataEntryValue | null) =>
  String(value ?? '')
    .split(',')
    .map((item) => item.trim())
    .filter(Boolean);

// ---- order routing --------------------------------------------------------------------------------

const ruleKinds: [RoutingRule['kind'], StringKey][] = [
  ['preferred-dealer', 'kindPreferredDealer'],
  ['region', 'kindRegion'],
  ['category', 'kindCategory'],
];

const ruleOf = (fields: FormData, i: number): RoutingRule => {
  const id = String(fields.get(`rules.${i}.id`) ?? '');
  const kind = String(fields.get(`rules.${i}.kind`));
  if (kind === 'preferred-dealer') return { id, kind };
  const unitIds = items(fields.get(`rules.${i}.unitIds`));
  if (kind === 'category') return { id, kind, categories: items(fields.get(`rules.${i}.categories`)), unitIds };
  const cities = items(fields.get(`rules.${i}.cities`));
  const regions = items(fields.get(`rules.${i}.regions`));
  return { id, kind: 'region', ...(cities.length ? { cities } : {}), ...(regions.length ? { regions } : {}), unitIds };
};

export const routingRulesPage = async () => {
  const client = await api();
  const { data, error, response } = await client.GET('/routing-rules');
  if (!data) return adminPage('adminRouting', problemView(asProblem(error, response.status)));
  const state = {
    rules: [...data.rules],
    fallbackUnitId: data.fallbackUnitId,
    notices: data.customerNotices as string[],
    seq: data.seq,
    saved: '',
  };
  /** Takes what is typed into the state (the rules array in place, so row controls see it). */
  const read = (fields: FormData) => {
    state.rules.forEach((_, i) => {
      state.rules[i] = ruleOf(fields, i);
    });
    state.fallbackUnitId = String(fields.get('fallbackUnitId') ?? '');
    state.notices = fields.getAll('customerNotices').map(String);
  };
  const save = saving(
    state,
    () => draw(),
    read,
    () =>
      client.PUT('/routing-rules', {
        body: {
          rules: state.rules,
          fallbackUnitId: state.fallbackUnitId,
          customerNotices: state.notices,
          seq: state.seq,
        },
      }),
  );
  const input = (i: number, field: string, label: StringKey, value: string[] | string | undefined) =>
    html`<td><input name="rules.${i}.${field}" aria-label="${t(label)} ${i + 1}" .value=${Array.isArray(value) ? value.join(', ') : (value ?? '')} /></td>`;
  const none = html`<td>—</td>`;
  const row = (rule: RoutingRule, i: number) => html`<tr data-rule=${rule.id}>
    <td>${i + 1} ${rowControls(state.rules, i, (next) => {
      state.rules = next;
      draw();
    })}</td>
    ${input(i, 'id', 'ruleId', rule.id)}
    <td><select name="rules.${i}.kind" aria-label="${t('ruleKind')} ${i + 1}">
      ${ruleKinds.map(([kind, word]) => html`<option value=${kind} ?selected=${kind === rule.kind}>${t(word)}</option>`)}
    </select></td>
    ${rule.kind === 'region' ? html`${input(i, 'cities', 'cities', rule.cities)}${input(i, 'regions', 'regions', rule.regions)}` : html`${none}${none}`}
    ${rule.kind === 'category' ? input(i, 'categories', 'categories', rule.categories) : none}
    ${rule.kind === 'preferred-dealer' ? none : input(i, 'unitIds', 'unitIds', rule.unitIds)}
  </tr>`;
  const draw = () =>
    adminPage(
      'adminRouting',
      html`<p>${t('routingHint')}</p>
        <form @submit=${save} @change=${(event: Event) => {
          read(fieldsOf(event));
          draw();
        }} data-routing-rules>
          ${problemSlot()}
          <p>${t('readAtSeq')}: <strong data-seq>${state.seq}</strong></p>
          <div class="overflow-auto"><table class="striped rules-table">
            <thead><tr>${(['position', 'ruleId', 'ruleKind', 'cities', 'regions', 'categories', 'unitIds'] as const).map((h) => html`<th scope="col">${t(h)}</th>`)}</tr></thead>
            <tbody>${state.rules.map(row)}</tbody>
          </table></div>
          <button type="button" class="secondary" @click=${() => {
            state.rules.push({ id: `rule-${state.rules.length + 1}`, kind: 'region', unitIds: [] });
            draw();
          }}>${t('addRule')}</button>
          <label>${t('fallbackUnit')} <input name="fallbackUnitId" required .value=${state.fallbackUnitId} /></label>
          <fieldset><legend>${t('customerNotices')}</legend>
            ${valuesOf('orderStatus').map(
              (s) =>
                html`<label><input type="checkbox" name="customerNotices" value=${s} .checked=${state.notices.includes(s)} /> ${label('orderStatus', s)}</label>`,
            )}
          </fieldset>
          <button type="submit">${t('save')}</button>
          ${state.saved ? statusLine(state.saved) : nothing}
        </form>`,
    );
  draw();
};

// ---- quote approval policy ------------------------------------------------------------------------

/** Each condition in the form's units: percent for basis points, TRY for kuruş (both hundredths). */
const conditions: [keyof ApprovalRule['when'], StringKey][] = [
  ['discountBpOver', 'discountOver'],
  ['lineDiscountBpOver', 'lineDiscountOver'],
  ['totalTryOver', 'totalOver'],
  ['marginBpUnder', 'marginUnder'],
];

const approvalRuleOf = (fields: FormData, i: number): ApprovalRule => {
  const description = String(fields.get(`rules.${i}.description`) ?? '').trim();
  const when = Object.fromEntries(
    conditions.flatMap(([key]) => {
      const value = toHundredths(fields.get(`rules.${i}.when.${key}`));
      return value === undefined ? [] : [[key, value]];
    }),
  );
  return {
    id: String(fields.get(`rules.${i}.id`) ?? ''),
    ...(description ? { description } : {}),
    when,
    approverRole: String(fields.get(`rules.${i}.approverRole`) ?? ''),
  };
};

export const approvalPolicyPage = async () => {
  const client = await api();
  const { data, error, response } = await client.GET('/approval-policy');
  if (!data) return adminPage('adminApproval', problemView(asProblem(error, response.status)));
  const state = { rules: [...data.rules], seq: data.seq, saved: '' };
  const read = (fields: FormData) => {
    state.rules.forEach((_, i) => {
      state.rules[i] = approvalRuleOf(fields, i);
    });
  };
  const save = saving(
    state,
    () => draw(),
    read,
    () => client.PUT('/approval-policy', { body: { rules: state.rules, seq: state.seq } }),
  );
  const rule = (r: ApprovalRule, i: number) => html`<fieldset data-policy-rule=${r.id}>
    <legend>${i + 1}. ${r.id}</legend>
    ${rowControls(state.rules, i, (next) => {
      state.rules = next;
      draw();
    })}
    <div class="grid">
      <label>${t('ruleId')} <input name="rules.${i}.id" required .value=${r.id} /></label>
      <label>${t('approverRole')} <input name="rules.${i}.approverRole" required .value=${r.approverRole} /></label>
    </div>
    <label>${t('description')} <input name="rules.${i}.description" .value=${r.description ?? ''} /></label>
    <div class="grid">${conditions.map(
      ([key, label]) =>
        html`<label>${t(label)} <input type="number" step="0.01" name="rules.${i}.when.${key}" .value=${fromHundredths(r.when[key])} /></label>`,
    )}</div>
  </fieldset>`;
  const draw = () =>
    adminPage(
      'adminApproval',
      html`<p>${t('policyHint')}</p>
        <form @submit=${save} @change=${(event: Event) => read(fieldsOf(event))} data-approval-policy>
          ${problemSlot()}
          <p>${t('readAtSeq')}: <strong data-seq>${state.seq}</strong></p>
          ${state.rules.map(rule)}
          <button type="button" class="secondary" @click=${() => {
            state.rules.push({ id: `rule-${state.rules.length + 1}`, when: {}, approverRole: 'manager' });
            draw();
          }}>${t('addRule')}</button>
          <button type="submit">${t('save')}</button>
          ${state.saved ? statusLine(state.saved) : nothing}
        </form>`,
    );
  draw();
};

// ---- analytics: A/B/C shares and commission rates ---------------------------------------------------

export const analyticsRulesPage = async () => {
  const client = await api();
  const { data, error, response } = await client.GET('/analytics/rules');
  if (!data) return adminPage('adminAnalytics', problemView(asProblem(error, response.status)));
  const segments = { ...data.segments, saved: '' };
  const commission = {
    basis: data.commission.basis,
    defaultRateBp: data.commission.defaultRateBp,
    reps: Object.entries((data.commission.repRatesBp ?? {}) as Record<string, number>).map(([id, rateBp]) => ({
      id,
      rateBp,
    })),
    seq: data.commission.seq as number,
    saved: '',
  };
  const saveSegments = saving(
    segments,
    () => draw(),
    () => undefined,
    async (fields) => {
      const answer = await client.PUT('/analytics/rules/segments', {
        body: {
          aShareBp: toHundredths(fields.get('aShareBp')) as number,
          bShareBp: toHundredths(fields.get('bShareBp')) as number,
          seq: segments.seq,
        },
      });
      return { ...answer, data: answer.data?.segments };
    },
  );
  /** Takes the typed rates into the list in place, so row controls see them. */
  const readReps = (fields: FormData) =>
    commission.reps.forEach((_, i) => {
      commission.reps[i] = {
        id: String(fields.get(`reps.${i}.id`) ?? '').trim(),
        rateBp: toHundredths(fields.get(`reps.${i}.rate`)) ?? 0,
      };
    });
  const saveCommission = saving(
    commission,
    () => draw(),
    readReps,
    async (fields) => {
      const answer = await client.PUT('/analytics/rules/commission', {
        body: {
          basis: fields.get('basis') === 'margin' ? 'margin' : 'net',
          defaultRateBp: toHundredths(fields.get('defaultRateBp')) as number,
          repRatesBp: Object.fromEntries(commission.reps.filter((r) => r.id).map((r) => [r.id, r.rateBp])),
          seq: commission.seq,
        },
      });
      return { ...answer, data: answer.data?.commission };
    },
  );
  const draw = () =>
    adminPage(
      'adminAnalytics',
      html`<h2>${t('segments')}</h2>
        <form @submit=${saveSegments} data-segment-rules>
          ${problemSlot()}
          <div class="grid">
            <label>${t('aShare')} <input type="number" step="0.01" name="aShareBp" required .value=${fromHundredths(segments.aShareBp)} /></label>
            <label>${t('bShare')} <input type="number" step="0.01" name="bShareBp" required .value=${fromHundredths(segments.bShareBp)} /></label>
          </div>
          <button type="submit">${t('save')}</button>
          ${segments.saved ? statusLine(segments.saved) : nothing}
        </form>
        <h2>${t('commission')}</h2>
        <form @submit=${saveCommission} @change=${(event: Event) => readReps(fieldsOf(event))} data-commission-rules>
          ${problemSlot()}
          <div class="grid">
            <label>${t('basis')}
              <select name="basis">
                <option value="net" ?selected=${commission.basis === 'net'}>${t('basisNet')}</option>
                <option value="margin" ?selected=${commission.basis === 'margin'}>${t('basisMargin')}</option>
              </select>
            </label>
            <label>${t('defaultRate')} <input type="number" step="0.01" name="defaultRateBp" required .value=${fromHundredths(commission.defaultRateBp)} /></label>
          </div>
          <fieldset><legend>${t('repRates')}</legend>
            ${commission.reps.map(
              (rep, i) => html`<div class="grid">
                <label>${t('repId')} <input name="reps.${i}.id" .value=${rep.id} /></label>
                <label>${t('rate')} <input type="number" step="0.01" name="reps.${i}.rate" .value=${fromHundredths(rep.rateBp)} /></label>
                ${rowControls(commission.reps, i, (next) => {
                  commission.reps = next;
                  draw();
                })}
              </div>`,
            )}
            <button type="button" class="secondary" @click=${() => {
              commission.reps.push({ id: '', rateBp: 0 });
              draw();
            }}>${t('addRate')}</button>
          </fieldset>
          <button type="submit">${t('save')}</button>
          ${commission.saved ? statusLine(commission.saved) : nothing}
        </form>`,
    );
  draw();
};
