// A customer's standing order as staff work it: a form that creates one (the lines priced by a price
// list, the day of the month, the first and last day), and its page — status, the months placed with
// their orders, the months ahead, each of which can be paused (skipped) before it is placed, sent with
// the seq the page was read at.
import { html, nothing } from 'lit';
import { api, asProblem, idempotencyKey, type Problem } from '../api.js';
import { t } from '../strings.js';
import { clearProblem, formValues, problemSlot, problemView, show } from '../ui.js';
import { showRefusal } from './record-forms.js';

const LINES = 3;

export const newStandingOrderPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const customerId = query.get('customer') ?? '';
  const client = await api();
  const lists = await client.GET('/catalogue/{kind}', { params: { path: { kind: 'price-lists' } } });
  const priceLists = Array.isArray(lists.data) ? (lists.data as { id: string; name: string; currency: string }[]) : [];
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const v = formValues(form);
    const lines = Array.from({ length: LINES }, (_, i) => ({
      sku: v[`lines.${i}.sku`],
      quantity: v[`lines.${i}.quantity`],
    }))
      .filter((line) => line.sku)
      .map((line) => ({ sku: line.sku!, quantity: Number(line.quantity ?? 0) }));
    const priceList = priceLists.find((l) => l.id === v.priceListId);
    const answer = await client.POST('/customers/{customerId}/standing-orders', {
      params: { path: { customerId: v.customerId ?? '' } },
      headers: idempotencyKey(),
      body: {
        currency: priceList?.currency ?? 'TRY',
        ...(priceList ? { priceListId: priceList.id } : {}),
        dayOfMonth: Number(v.dayOfMonth),
        startsOn: v.startsOn ?? '',
        ...(v.endsOn ? { endsOn: v.endsOn } : {}),
        lines,
      },
    });
    if (answer.error) return showRefusal(form, asProblem(answer.error, answer.response.status) as Problem);
    location.hash = `#/standing-orders/${answer.data.standingOrderId}`;
  };
  show(html`<h1>${t('newStandingOrder')}</h1>
    <form data-standing-order-form @submit=${submit}>${problemSlot()}
      <label>${t('customer')} <input name="customerId" value=${customerId} required autocomplete="off" /></label>
      ${Array.from(
        { length: LINES },
        (_, i) => html`<fieldset class="grid">
          <label>${t('sku')} <input name="lines.${i}.sku" ?required=${i === 0} autocomplete="off" /></label>
          <label>${t('quantity')} <input name="lines.${i}.quantity" type="number" min="1" max="1000000" /></label>
        </fieldset>`,
      )}
      <fieldset class="grid">
        <label>${t('priceList')}
          <select name="priceListId">${priceLists.map((l) => html`<option value=${l.id}>${l.name} (${l.currency})</option>`)}</select>
        </label>
        <label>${t('dayOfMonth')} <input name="dayOfMonth" type="number" min="1" max="28" required /></label>
        <label>${t('startsOn')} <input name="startsOn" type="date" required /></label>
        <label>${t('endsOn')} <input name="endsOn" type="date" /></label>
      </fieldset>
      <button type="submit">${t('createStandingOrder')}</button>
    </form>`);
};

export const standingOrderPage = async ({ standingOrderId }: Record<string, string>) => {
  const client = await api();
  const { data, error, response } = await client.GET('/standing-orders/{standingOrderId}', {
    params: { path: { standingOrderId: standingOrderId! } },
  });
  if (!data) return show(html`<h1>${t('standingOrder')}</h1>${problemView(asProblem(error, response.status))}`);
  const pause = (period: string) => async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const answer = await client.POST('/standing-orders/{standingOrderId}/skip', {
      params: { path: { standingOrderId: data.standingOrderId } },
      headers: idempotencyKey(),
      body: { seq: data.seq, period },
    });
    if (answer.error) return showRefusal(form, asProblem(answer.error, answer.response.status) as Problem);
    return standingOrderPage({ standingOrderId: data.standingOrderId });
  };
  const { schedule } = data;
  show(html`<h1>${t('standingOrder')}</h1>
    <p>${t('status')}: <span data-status=${data.status}>${data.status === 'active' ? t('active') : t('ended')}</span>
      · <a href="#/customers/${data.customerId}">${t('record')}</a></p>
    <p>${t('dayOfMonth')}: ${schedule.dayOfMonth} · ${t('startsOn')}: ${schedule.startsOn}${
      data.validUntil ? html` · ${t('endsOn')}: ${data.validUntil}` : nothing
    }</p>
    <ul data-lines>${schedule.lines.map((l) => html`<li>${l.sku} × ${l.quantity}</li>`)}</ul>
    <h2>${t('periodicOrders')}</h2>
    <div class="overflow-auto"><table class="striped" data-periods>
      <thead><tr><th scope="col">${t('period')}</th><th scope="col">${t('dueOn')}</th><th scope="col">${t('status')}</th></tr></thead>
      <tbody>${data.placedPeriods.map(
        (p) =>
          html`<tr><td>${p.period}</td><td></td><td><a href="#/orders/${p.orderId}">${t('placedOrder')}</a></td></tr>`,
      )}${data.upcomingPeriods.map(
        (p) =>
          html`<tr data-period=${p.period}><td>${p.period}</td><td>${p.dueOn}</td><td>${
            p.skipped
              ? t('skippedMonth')
              : html`<form @submit=${pause(p.period)}>${problemSlot()}
                  <button type="submit" class="secondary">${t('pauseMonth')}</button></form>`
          }</td></tr>`,
      )}</tbody>
    </table></div>`);
};
