// The call-centre agent's desk: one screen per call. The caller is found by any Turkish phone form
// (GET /customers/lookup; several customers on one number are all shown, never a guess), with their
// 360° summary; an unknown number becomes a customer from the call (POST /customers); the call is
// logged with its outcome, a test drive / service appointment / quote request goes to the
// customer's preferred dealer inside its hours (POST /customers/{id}/requests, the API refuses a time
// outside them naming the field), and a case is opened (POST /cases). Keyboard first: the number
// field has the focus, Enter submits the form in focus, and Alt+key moves to each form (listed on the page).
import { html, nothing, render, type TemplateResult } from 'lit';
import { api, asProblem, idempotencyKey, type Problem } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, label, money, t, valuesOf } from '../strings.js';
import { clearProblem, formValues, onFields, problemSlot, show, showProblem } from '../ui.js';

type Match = NonNullable<
  operations['lookupCustomer']['responses'][200]['content']['application/json']
>['matches'][number];

/** Alt+key → the field it focuses; each shown on the page and set as aria-keyshortcuts. */
const shortcuts = [
  ['f', 'phone', 'shortcutFind'],
  ['n', 'name', 'shortcutNew'],
  ['o', 'outcome', 'shortcutOutcome'],
  ['b', 'kind', 'shortcutBook'],
  ['c', 'subject', 'shortcutCase'],
] as const;
const formOf = {
  phone: 'data-find',
  name: 'data-new-customer',
  outcome: 'data-log-call',
  kind: 'data-book',
  subject: 'data-open-case',
} as const;

const field = (name: keyof typeof formOf) => document.querySelector<HTMLElement>(`[${formOf[name]}] [name="${name}"]`);

const keys = (name: keyof typeof formOf) => {
  const entry = shortcuts.find(([, target]) => target === name);
  return entry ? `Alt+${entry[0].toUpperCase()}` : nothing;
};

/** "07.12.2026" (or 2026-12-07) and "10:30" as an instant in Istanbul time (UTC+3 all year). */
export const istanbulInstant = (date: string, time: string): string | undefined => {
  const d = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(date.trim());
  const iso = d ? `${d[3]}-${d[2]!.padStart(2, '0')}-${d[1]!.padStart(2, '0')}` : date.trim();
  const clock = /^(\d{1,2})[:.](\d{2})$/.exec(time.trim());
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso) || !clock) return undefined;
  const instant = `${iso}T${clock[1]!.padStart(2, '0')}:${clock[2]}:00+03:00`;
  return Number.isNaN(Date.parse(instant)) ? undefined : instant;
};

const noted = (form: HTMLFormElement, text: string | TemplateResult, attribute: string) =>
  render(
    html`<p role="status" data-notice=${attribute}>${text}</p>`,
    form.querySelector<HTMLElement>('[data-result]')!,
  );

const list = <T>(title: string, part: string, items: T[], more: boolean, item: (value: T) => unknown) =>
  html`<section data-part=${part}><h4>${title}</h4>${
    items.length === 0
      ? html`<p>${t('nothing')}</p>`
      : html`<ul>${items.map((value) => html`<li>${item(value)}</li>`)}${more ? html`<li>…</li>` : nothing}</ul>`
  }</section>`;

const consentChannels = { email: 'consentEmail', sms: 'consentSms', phone: 'consentPhone' } as const;
const consentStates = {
  requested: 'consentRequested',
  granted: 'consentGranted',
  withdrawn: 'consentWithdrawn',
} as const;

/** The caller's 360°: who, segment, preferred dealer, consents, open work and last contacts. */
const summary = (m: Match, dealerNames: ReadonlyMap<string, string>) => {
  const c = m.customer;
  return html`<dl class="grid" data-summary>
      <div><dt>${t('segment')}</dt><dd data-segment>${c.segment ?? '—'}</dd></div>
      <div><dt>${t('preferredDealer')}</dt><dd data-preferred-dealer=${c.preferredDealerId ?? ''}>${
        c.preferredDealerId ? (dealerNames.get(c.preferredDealerId) ?? c.preferredDealerId) : t('noPreferredDealer')
      }</dd></div>
      <div><dt>${t('phone')}</dt><dd>${c.phone ?? '—'}</dd></div>
      <div><dt>${t('email')}</dt><dd>${c.email ?? '—'}</dd></div>
    </dl>
    ${list(t('consents'), 'consents', m.consents, false, (x) => html`<span data-consent=${x.channel}>${t(consentChannels[x.channel])} · ${t(consentStates[x.state])} · ${dateTime(x.at)}</span>`)}
    <div class="grid">
      ${list(t('openCases'), 'cases', m.openCases.items, m.openCases.more, (x) => html`<a href="#/cases/${x.caseId}">${x.caseNumber}</a> · ${label('caseStatus', x.status)}`)}
      ${list(t('recentOrders'), 'orders', m.recentOrders.items, m.recentOrders.more, (x) => html`<a href="#/orders/${x.orderId}">${x.orderId.slice(-8)}</a> · ${label('orderStatus', x.status)}${x.grandTotal ? html` · ${money(x.grandTotal.amount, x.grandTotal.currency)}` : nothing}`)}
      ${list(t('openQuotes'), 'quotes', m.openQuotes.items, m.openQuotes.more, (x) => html`<a href="#/quotes/${x.quoteId}">Q-${x.quoteId.slice(-8)}</a> · ${label('quoteStatus', x.status)}${x.grandTotal ? html` · ${money(x.grandTotal.amount, x.grandTotal.currency)}` : nothing}`)}
    </div>
    <div class="grid">
      ${list(t('openRequests'), 'requests', m.openRequests.items, m.openRequests.more, (x) => html`${label('requestKind', x.kind)} · ${label('requestStatus', x.status)} · ${x.unitId}`)}
      ${list(t('lastContacts'), 'contacts', m.lastActivities.items, m.lastActivities.more, (x) => html`${label('activityKind', x.kind)}${x.outcome ? html` · ${label('outcome', x.outcome)}` : nothing}${x.subject ? html` · ${x.subject}` : nothing}`)}
    </div>`;
};

/** The three forms of a call with a known customer: log it, book with the dealer, open a case. */
const callForms = (customerId: string, startedAt: string) => {
  const client = api();
  const logCall = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { outcome, subject, notes, callbackDate, callbackTime } = formValues(form);
    const callbackAt =
      outcome === 'callback-requested' ? istanbulInstant(callbackDate ?? '', callbackTime ?? '') : undefined;
    if (outcome === 'callback-requested' && !callbackAt) {
      return showProblem(form, {
        type: 'about:blank',
        title: t('badDateTime'),
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'callbackTime', message: t('badDateTime') }],
      });
    }
    const { data, error, response } = await (await client).POST('/customers/{customerId}/activities', {
      params: { path: { customerId } },
      headers: idempotencyKey(),
      body: {
        kind: 'call',
        direction: 'in',
        startedAt,
        endedAt: new Date().toISOString(),
        outcome: outcome as 'reached',
        ...(callbackAt ? { callbackAt } : {}),
        ...(subject ? { subject } : {}),
        ...(notes ? { notes } : {}),
      },
    });
    if (!data)
      return showProblem(
        form,
        onFields(asProblem(error, response.status), (p) => (p === 'callbackAt' ? 'callbackTime' : p)),
      );
    noted(form, t('callLogged'), 'call');
  };
  const book = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { kind, date, time, model, sku, notes } = formValues(form);
    const timed = kind !== 'quote';
    const appointmentAt = timed ? istanbulInstant(date ?? '', time ?? '') : undefined;
    if (timed && !appointmentAt) {
      return showProblem(form, {
        type: 'about:blank',
        title: t('badDateTime'),
        status: 400,
        code: 'validation-failed',
        errors: [{ path: 'time', message: t('badDateTime') }],
      });
    }
    const { data, error, response } = await (await client).POST('/customers/{customerId}/requests', {
      params: { path: { customerId } },
      headers: idempotencyKey(),
      body: {
        kind: kind as 'test-drive',
        channel: 'phone',
        ...(appointmentAt ? { appointmentAt } : {}),
        details: { ...(model ? { model } : {}), ...(sku ? { sku } : {}), ...(notes ? { notes } : {}) },
      },
    });
    // The API names appointmentAt (and details.x): shown at the time field and the detail's own input.
    if (!data) {
      const fieldOf = (p: string) => (p === 'appointmentAt' ? 'time' : p.replace(/^details\./, ''));
      return showProblem(form, onFields(asProblem(error, response.status), fieldOf));
    }
    noted(
      form,
      html`${t('booked')}: <strong data-unit=${data.unitId}>${data.unitId}</strong>${data.appointmentAt ? html` · ${dateTime(data.appointmentAt)}` : nothing}`,
      'booked',
    );
  };
  const openCase = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { type, category, priority, subject, description } = formValues(form);
    const { data, error, response } = await (await client).POST('/cases', {
      headers: idempotencyKey(),
      body: {
        customerId,
        channel: 'phone',
        type: type as 'complaint',
        category: category as 'other',
        priority: priority as 'normal',
        subject: subject ?? '',
        ...(description ? { description } : {}),
      },
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    noted(form, html`${t('caseOpened')}: <a href="#/cases/${data.caseId}">${data.caseNumber}</a>`, 'case');
  };
  const options = (group: Parameters<typeof valuesOf>[0], only?: readonly string[]) =>
    (only ?? valuesOf(group)).map((value) => html`<option value=${value}>${label(group, value)}</option>`);
  return html`<div class="grid desk-forms">
    <form @submit=${logCall} data-log-call aria-labelledby="log-call-title">
      <h3 id="log-call-title">${t('logCall')}</h3>
      ${problemSlot()}
      <label>${t('outcome')}
        <select name="outcome" required aria-keyshortcuts=${keys('outcome')}>
          ${options('outcome', ['reached', 'no-answer', 'callback-requested', 'not-interested', 'sale', 'complaint', 'busy', 'interested'])}
        </select>
      </label>
      <fieldset class="grid">
        <label>${t('callbackAt')} · ${t('appointmentDate')} <input name="callbackDate" inputmode="numeric" autocomplete="off" /></label>
        <label>${t('appointmentTime')} <input name="callbackTime" inputmode="numeric" autocomplete="off" /></label>
      </fieldset>
      <label>${t('subject')} <input name="subject" maxlength="200" autocomplete="off" /></label>
      <label>${t('note')} <textarea name="notes" maxlength="4000" rows="2"></textarea></label>
      <button type="submit">${t('logCall')}</button>
      <div data-result></div>
    </form>
    <form @submit=${book} data-book aria-labelledby="book-title">
      <h3 id="book-title">${t('book')}</h3>
      ${problemSlot()}
      <label>${t('kind')}
        <select name="kind" aria-keyshortcuts=${keys('kind')}>${options('requestKind', ['test-drive', 'service', 'quote'])}</select>
      </label>
      <fieldset class="grid">
        <label>${t('appointmentDate')} <input name="date" inputmode="numeric" autocomplete="off" /></label>
        <label>${t('appointmentTime')} <input name="time" inputmode="numeric" autocomplete="off" /></label>
      </fieldset>
      <label>${t('model')} <input name="model" maxlength="100" autocomplete="off" /></label>
      <label>${t('sku')} <input name="sku" maxlength="64" autocomplete="off" /></label>
      <label>${t('note')} <textarea name="notes" maxlength="2000" rows="2"></textarea></label>
      <button type="submit">${t('book')}</button>
      <div data-result></div>
    </form>
    <form @submit=${openCase} data-open-case aria-labelledby="case-title">
      <h3 id="case-title">${t('openCase')}</h3>
      ${problemSlot()}
      <label>${t('caseType')} <select name="type">${options('caseType')}</select></label>
      <label>${t('category')} <select name="category">${options('caseCategory')}</select></label>
      <label>${t('priority')} <select name="priority">${options('priority', ['normal', 'high', 'urgent', 'low'])}</select></label>
      <label>${t('subject')} <input name="subject" required maxlength="200" autocomplete="off" aria-keyshortcuts=${keys('subject')} /></label>
      <label>${t('description')} <textarea name="description" maxlength="4000" rows="2"></textarea></label>
      <button type="submit">${t('openCase')}</button>
      <div data-result></div>
    </form>
  </div>`;
};

const matchView = (
  m: Match,
  dealerNames: ReadonlyMap<string, string>,
  startedAt: string,
  several: boolean,
  choose: () => void,
) =>
  html`<article data-match=${m.customer.customerId}>
    <header>
      <h2><a href="#/customers/${m.customer.customerId}">${m.customer.name}</a>${m.customer.company ? html` · ${m.customer.company}` : nothing}</h2>
      ${several ? html`<button type="button" class="secondary" @click=${choose}>${t('chooseCustomer')}</button>` : nothing}
    </header>
    ${summary(m, dealerNames)}
    ${several ? nothing : callForms(m.customer.customerId, startedAt)}
  </article>`;

type Dealer = operations['listDealers']['responses'][200]['content']['application/json']['dealers'][number];

const newCustomerForm = (phone: string, callId: string, dealers: Dealer[], created: (customerId: string) => void) => {
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { name, email, preferredDealerId } = formValues(form);
    // What the caller said yes to aloud, about the number they call from (never an e-mail address).
    const channels = (['sms', 'phone'] as const).filter(
      (channel) => form.querySelector<HTMLInputElement>(`input[name="spoken-${channel}"]`)?.checked,
    );
    const { data, error, response } = await (await api()).POST('/customers', {
      headers: idempotencyKey(),
      body: {
        name: name ?? '',
        phone: formValues(form).phone ?? phone,
        ...(email ? { email } : {}),
        ...(preferredDealerId ? { preferredDealerId } : {}),
        ...(channels.length ? { spokenConsent: { from: phone, channels, callId } } : {}),
      },
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    created(data.customer.customerId);
  };
  return html`<article data-unknown-caller>
    <p role="status">${t('unknownCaller')}</p>
    <form @submit=${create} data-new-customer aria-labelledby="new-customer-title">
      <h2 id="new-customer-title">${t('newCustomerFromCall')}</h2>
      ${problemSlot()}
      <!-- Before the name: the keyboard path from the name to "create" stays as it was; Shift+Tab reaches it. -->
      <fieldset data-spoken-consent>
        <legend>${t('spokenConsent')} (${phone})</legend>
        <label><input type="checkbox" name="spoken-sms" /> ${t('consentSms')}</label>
        <label><input type="checkbox" name="spoken-phone" /> ${t('consentPhone')}</label>
      </fieldset>
      <label>${t('name')} <input name="name" required maxlength="200" autocomplete="off" aria-keyshortcuts=${keys('name')} /></label>
      <label>${t('phone')} <input name="phone" type="tel" required maxlength="40" .value=${phone} autocomplete="off" /></label>
      <label>${t('email')} <input name="email" type="email" maxlength="254" autocomplete="off" /></label>
      <label>${t('preferredDealer')}
        <select name="preferredDealerId">
          <option value="">${t('noPreferredDealer')}</option>
          ${dealers.map((d) => html`<option value=${d.unitId}>${d.name}${d.cities[0] ? ` (${d.cities[0]})` : ''}</option>`)}
        </select>
      </label>
      <button type="submit">${t('create')}</button>
    </form>
  </article>`;
};

export const deskPage = (_params: Record<string, string>, query: URLSearchParams) => {
  let startedAt = new Date().toISOString();
  // The directory's dealers, read once: the new-customer form offers them, the summary names them.
  const dealerList = api()
    .then((client) => client.GET('/dealers', {}))
    .then(({ data }) => data?.dealers ?? []);
  let dealerNames: ReadonlyMap<string, string> = new Map();
  void dealerList.then((dealers) => {
    dealerNames = new Map(dealers.map((d) => [d.unitId, d.name]));
  });
  const results = () => document.getElementById('desk-results')!;

  const showMatches = (matches: Match[], chosen?: string) => {
    const shown = chosen ? matches.filter((m) => m.customer.customerId === chosen) : matches;
    const several = shown.length > 1;
    render(
      html`${several ? html`<p role="status" data-candidates=${shown.length}>${t('candidates')}</p>` : nothing}
        ${shown.map((m) => matchView(m, dealerNames, startedAt, several, () => showMatches(matches, m.customer.customerId)))}`,
      results(),
    );
    if (!several) field('outcome')?.focus();
  };

  const lookUp = async (phone: string): Promise<Problem | Match[]> => {
    const { data, error, response } = await (await api()).GET('/customers/lookup', { params: { query: { phone } } });
    return data ? data.matches : asProblem(error, response.status);
  };

  const find = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const phone = formValues(form).phone ?? '';
    // A new number is a new call: its time starts now.
    startedAt = new Date().toISOString();
    results().setAttribute('aria-busy', 'true');
    const found = await lookUp(phone).finally(() => results().removeAttribute('aria-busy'));
    if (!Array.isArray(found)) {
      if (found.code !== 'unknown-caller') {
        render(nothing, results());
        return showProblem(form, found);
      }
      const dealers = await dealerList;
      render(
        // A new number is a new call: the telephony's id when the call came through it, else the desk's own.
        newCustomerForm(phone, query.get('call') ?? `desk-${crypto.randomUUID()}`, dealers, async (customerId) => {
          const again = await lookUp(phone);
          if (Array.isArray(again)) showMatches(again, customerId);
          render(
            html`<p role="status" data-notice="customer">${t('customerCreated')}</p>`,
            document.getElementById('desk-notice')!,
          );
        }),
        results(),
      );
      field('name')?.focus();
      return;
    }
    await dealerList;
    showMatches(found);
  };

  const onKey = (event: KeyboardEvent) => {
    if (!location.hash.startsWith('#/desk')) return document.removeEventListener('keydown', onKey);
    if (!event.altKey || event.ctrlKey || event.metaKey) return;
    const entry = shortcuts.find(([key]) => key === event.key.toLowerCase());
    const target = entry && field(entry[1]);
    if (!target) return;
    event.preventDefault();
    target.focus();
  };
  document.addEventListener('keydown', onKey);

  show(html`<h1>${t('desk')}</h1>
    <form @submit=${find} role="search" data-find>
      ${problemSlot()}
      <fieldset role="group">
        <input name="phone" type="tel" autocomplete="off" aria-label=${t('phone')} placeholder="0532 123 45 67"
          required maxlength="40" autofocus aria-keyshortcuts=${keys('phone')} aria-describedby="desk-hint" .value=${query.get('phone') ?? ''} />
        <button type="submit">${t('find')}</button>
      </fieldset>
      <small id="desk-hint">${t('deskHint')}</small>
    </form>
    <div id="desk-notice"></div>
    <section id="desk-results" aria-live="polite"></section>
    <details data-shortcuts>
      <summary>${t('shortcuts')}</summary>
      <dl>
        ${shortcuts.map(([key, , words]) => html`<dt><kbd>Alt+${key.toUpperCase()}</kbd></dt><dd>${t(words)}</dd>`)}
        <dt><kbd>Enter</kbd></dt><dd>${t('shortcutEnter')}</dd>
      </dl>
    </details>`);
  field('phone')?.focus();
};
