// Quotes: a manager's approvals (quotes awaiting their step) and a rep's quote builder, whose totals
// are the API's own (the created draft answers its priced lines and totals).
import { html, nothing, render } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import { money, t } from '../strings.js';
import { formValues, pagedTable, problemSlot, rowAction, show, showProblem } from '../ui.js';

export const quotesPage = async () => {
  const outcomes = new Map<string, string>();
  show(html`<h1>${t('quotes')}</h1><p><a href="#/quotes/new" role="button">${t('newQuote')}</a></p>
    <h2>${t('awaitingMe')}</h2><section id="list"></section>`);
  const client = await api();
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('customer'), t('total'), ''],
    (quote, redraw) => html`<tr data-quote=${quote.quoteId}>
      <td>${quote.quoteId}</td><td><a href="#/customers/${quote.customerId}">${quote.customerId}</a></td>
      <td>${money(quote.grandTotal.amount, quote.grandTotal.currency)}</td>
      <td>${rowAction(outcomes, quote.quoteId, t('approve'), redraw, () =>
        client.POST('/quotes/{quoteId}/approve', { params: { path: { quoteId: quote.quoteId } }, body: { seq: quote.seq } }),
      )}</td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/quotes', { params: { query: { awaiting: 'me', cursor, limit: 20 } } });
      return data ? { items: data.quotes, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};

export const quoteBuilderPage = (_params: Record<string, string>, query: URLSearchParams) => {
  let lines = 1;
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const values = formValues(form);
    const body = {
      customerId: values.customerId ?? '',
      priceListId: values.priceListId ?? '',
      lines: Array.from({ length: lines }, (_, i) => ({ sku: values[`lines.${i}.sku`] ?? '', quantity: Number(values[`lines.${i}.quantity`] ?? 1) })),
    };
    const client = await api();
    const { data, error, response } = await client.POST('/quotes', { body, headers: idempotencyKey() });
    if (!data) return showProblem(form, asProblem(error, response.status));
    const total = (data as { totals?: { grandTotal?: { amount: number; currency: string } } }).totals?.grandTotal;
    render(
      html`<p role="status" data-quote-created=${data.quoteId}>${data.quoteId} · ${total ? money(total.amount, total.currency) : nothing}</p>`,
      document.getElementById('result')!,
    );
  };
  const line = (i: number) => html`<fieldset class="grid">
    <label>${t('sku')} <input name="lines.${i}.sku" required /></label>
    <label>${t('quantity')} <input name="lines.${i}.quantity" type="number" min="1" value="1" required /></label>
  </fieldset>`;
  const draw = () =>
    show(html`<h1>${t('newQuote')}</h1>
      <form @submit=${create} data-quote-builder>
        ${problemSlot()}
        <label>${t('customer')} <input name="customerId" value=${query.get('customer') ?? ''} required /></label>
        <label>${t('priceList')} <input name="priceListId" required /></label>
        ${Array.from({ length: lines }, (_, i) => line(i))}
        <button type="button" class="secondary" @click=${() => {
          lines += 1;
          draw();
        }}>${t('addLine')}</button>
        <button type="submit">${t('createQuote')}</button>
      </form>
      <section id="result"></section>`);
  draw();
};
