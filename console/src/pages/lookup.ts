// An agent's main task: find the caller by phone (GET /customers/lookup), open their record, and log
// the call (POST /customers/{id}/activities).
import { html, nothing, render } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import { t } from '../strings.js';
import { clearProblem, formValues, problemSlot, show, showProblem } from '../ui.js';

export const lookupPage = () => {
  const find = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const client = await api();
    const { data, error, response } = await client.GET('/customers/lookup', {
      params: { query: { phone: formValues(form).phone } },
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    render(
      data.matches.length === 0
        ? html`<p data-no-match>${t('notFound')}</p>`
        : html`${data.matches.map(({ customer }) => callForm(customer.customerId, customer.name))}`,
      document.getElementById('matches')!,
    );
  };
  show(html`<h1>${t('lookup')}</h1>
    <form @submit=${find} role="search">
      ${problemSlot()}
      <fieldset role="group">
        <input name="phone" type="tel" autocomplete="off" aria-label=${t('phone')} placeholder="+90…" required />
        <button type="submit">${t('find')}</button>
      </fieldset>
    </form>
    <section id="matches"></section>`);
};

const callForm = (customerId: string, name: string) => {
  const log = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const { direction, subject, notes } = formValues(form);
    const now = new Date().toISOString();
    const client = await api();
    const { data, error, response } = await client.POST('/customers/{customerId}/activities', {
      params: { path: { customerId } },
      headers: idempotencyKey(),
      body: {
        kind: 'call',
        direction: direction === 'out' ? 'out' : 'in',
        startedAt: now,
        endedAt: now,
        outcome: 'reached',
        subject,
        notes,
      },
    });
    if (!data) return showProblem(form, asProblem(error, response.status));
    render(html`<p role="status" data-saved>${t('saved')}</p>`, form.querySelector<HTMLElement>('[data-result]')!);
  };
  return html`<article>
    <h2><a href="#/customers/${customerId}">${name}</a></h2>
    <form @submit=${log} data-log-call>
      ${problemSlot()}
      <label>${t('direction')}
        <select name="direction"><option value="in">${t('inbound')}</option><option value="out">${t('outbound')}</option></select>
      </label>
      <label>${t('subject')} <input name="subject" maxlength="200" /></label>
      <label>${t('note')} <textarea name="notes" maxlength="4000"></textarea></label>
      <button type="submit">${t('logCall')}</button>
      <div data-result>${nothing}</div>
    </form>
  </article>`;
};
