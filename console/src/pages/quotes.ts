// Quotes: a manager's approvals (quotes awaiting their step) and a rep's quote builder, whose totals
// are the API's own (the created draft answers its priced lines and totals).
import { html, nothing, render } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import { money, t } from '../strings.js';
import { clearProblem, formValues, pagedTable, problemSlot, rowAction, show, showProblem } from '../ui.js';

export const quotesPage = async () => {
  const outcomes = new Map<string, string>();
  show(html`<h1>${t('quotes')}</h1><p><a href="#/quotes/new" role="button">${t('newQuote')}</a></p>
    <h2>${t('awaitingMe')}</h2><section id="list"></section>`);
  const client = await api();
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('customer'), t('total'), ''],
    (quote, redraw) => html`<tr data-quote=${quote.quoteId}>
      <td><a href="#/quotes/${quote.quoteId}">${quote.quoteId}</a></td><td><a href="#/customers/${quote.customerId}">${quote.customerId}</a></td>
      <td>${money(quote.grandTotal.amount, quote.grandTotal.currency)}</td>
      <td>${rowAction(outcomes, quote.quoteId, t('approve'), redraw, () =>
        client.POST('/quotes/{quoteId}/approve', {
          params: { path: { quoteId: quote.quoteId } },
          body: { seq: quote.seq },
        }),
      )}</td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/quotes', {
        params: { query: { awaiting: 'me', cursor, limit: 20 } },
      });
      return data ? { items: data.quotes, nextCursor: data.nextCursor } : asProblem(error, response.status);
    },
  );
};

/** A price list as GET /catalogue/price-lists answers it (the catalogue's own import shape). */
interface PriceList {
  id: string;
  name: string;
  currency: string;
  prices: { sku: string; unitPrice: number }[];
}

/**
 * The quote builder: lines priced from the chosen price list as they are typed (quantity × list
 * price, before discounts and KDV), then the API's own totals for the created draft.
 */
export const quoteBuilderPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const client = await api();
  const lists = await client.GET('/catalogue/{kind}', { params: { path: { kind: 'price-lists' } } });
  const priceLists = Array.isArray(lists.data) ? (lists.data as PriceList[]) : [];
  const state = { priceListId: priceLists[0]?.id ?? '', lines: [{ sku: '', quantity: 1 }] };
  const liveTotal = () => {
    const list = priceLists.find((l) => l.id === state.priceListId);
    if (!list) return nothing;
    const amount = state.lines.reduce(
      (sum, line) => sum + (list.prices.find((p) => p.sku === line.sku)?.unitPrice ?? 0) * line.quantity,
      0,
    );
    return money(amount, list.currency);
  };
  const create = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const body = { customerId: formValues(form).customerId ?? '', priceListId: state.priceListId, lines: state.lines };
    const { data, error, response } = await client.POST('/quotes', { body, headers: idempotencyKey() });
    if (!data) return showProblem(form, asProblem(error, response.status));
    const total = (data as { totals?: { grandTotal?: { amount: number; currency: string } } }).totals?.grandTotal;
    render(
      html`<p role="status" data-quote-created=${data.quoteId}><a href="#/quotes/${data.quoteId}">${data.quoteId}</a> · ${total ? money(total.amount, total.currency) : nothing}</p>`,
      document.getElementById('result')!,
    );
  };
  const update = (i: number, field: 'sku' | 'quantity') => (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    state.lines[i] = { ...state.lines[i]!, [field]: field === 'quantity' ? Number(value) : value };
    draw();
  };
  const line = (i: number) => html`<fieldset class="grid">
    <label>${t('sku')} <input name="lines.${i}.sku" list="skus" required .value=${state.lines[i]!.sku} @input=${update(i, 'sku')} /></label>
    <label>${t('quantity')} <input name="lines.${i}.quantity" type="number" min="1" required .value=${String(state.lines[i]!.quantity)} @input=${update(i, 'quantity')} /></label>
  </fieldset>`;
  const draw = () =>
    show(html`<h1>${t('newQuote')}</h1>
      <form @submit=${create} data-quote-builder>
        ${problemSlot()}
        <label>${t('customer')} <input name="customerId" value=${query.get('customer') ?? ''} required /></label>
        <label>${t('priceList')}
          <select name="priceListId" @change=${(event: Event) => {
            state.priceListId = (event.target as HTMLSelectElement).value;
            draw();
          }}>
            ${priceLists.map((l) => html`<option value=${l.id} ?selected=${l.id === state.priceListId}>${l.name} (${l.currency})</option>`)}
          </select>
        </label>
        <datalist id="skus">${priceLists.find((l) => l.id === state.priceListId)?.prices.map((p) => html`<option value=${p.sku}></option>`)}</datalist>
        ${state.lines.map((_, i) => line(i))}
        <p>${t('subtotal')}: <output data-live-total>${liveTotal()}</output></p>
        <button type="button" class="secondary" @click=${() => {
          state.lines.push({ sku: '', quantity: 1 });
          draw();
        }}>${t('addLine')}</button>
        <button type="submit">${t('createQuote')}</button>
      </form>
      <section id="result"></section>`);
  draw();
};
