// Quotes: a manager's approvals (quotes awaiting their step) and a rep's quote builder, whose totals
// are the API's own (the created draft answers its priced lines and totals).
import { html, nothing, render } from 'lit';
import { api, asProblem, idempotencyKey } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, label, money, t, valuesOf } from '../strings.js';
import {
  ageField,
  ageOf,
  clearProblem,
  createdBefore,
  exportButton,
  filterForm,
  formValues,
  onFields,
  pagedTable,
  problemSlot,
  rowAction,
  show,
  showProblem,
  sortField,
  sortOf,
} from '../ui.js';

type QuoteStatus = NonNullable<NonNullable<operations['listQuotes']['parameters']['query']>['status']>;

/** The list's filter as the page's address carries it (`#/quotes?status=sent&owner=…&olderThanDays=7`). */
const quoteFilterOf = (query: URLSearchParams) => ({
  status: valuesOf('quoteStatus').find((s) => s === query.get('status')) as QuoteStatus | undefined,
  owner: query.get('owner') || undefined,
  to: createdBefore(ageOf(query)),
  ...sortOf(query, 'newest'),
});

export const quotesPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const outcomes = new Map<string, string>();
  const filter = quoteFilterOf(query);
  const client = await api();
  show(html`<h1>${t('quotes')}</h1><p><a href="#/quotes/new" role="button">${t('newQuote')}</a></p>
    <h2>${t('awaitingMe')}</h2><section id="list"></section>
    <h2>${t('allQuotes')}</h2>
    ${filterForm(
      '/quotes',
      html`<label>${t('status')}
          <select name="status">
            <option value="">${t('all')}</option>
            ${valuesOf('quoteStatus').map((s) => html`<option value=${s} ?selected=${s === filter.status}>${label('quoteStatus', s)}</option>`)}
          </select>
        </label>
        <label>${t('owner')} <input name="owner" value=${filter.owner ?? ''} maxlength="100" /></label>
        ${ageField(ageOf(query))}
        ${sortField(sortOf(query, 'newest'))}`,
      exportButton('quotes.csv', () =>
        client.GET('/quotes/export', { params: { query: { ...filter, format: 'csv' } }, parseAs: 'blob' }),
      ),
    )}
    <section id="all-quotes"></section>`);
  await pagedTable(
    document.getElementById('list')!,
    ['#', t('customer'), t('total'), ''],
    (quote, redraw) => html`<tr data-quote=${quote.quoteId}>
      <td><a href="#/quotes/${quote.quoteId}">${quote.number}</a></td><td><a href="#/customers/${quote.customerId}">${quote.customerId}</a></td>
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
  await pagedTable(
    document.getElementById('all-quotes')!,
    ['#', t('status'), t('owner'), t('total'), t('created')],
    (quote) => html`<tr data-listed-quote=${quote.quoteId}>
      <td data-quote-number><a href="#/quotes/${quote.quoteId}">${quote.number}</a></td>
      <td data-status=${quote.status}>${label('quoteStatus', quote.status)}</td><td>${quote.ownerId}</td>
      <td data-total>${money(quote.grandTotal.amount, quote.grandTotal.currency)}</td><td>${dateTime(String(quote.createdAt))}</td>
    </tr>`,
    async (cursor?: string) => {
      const { data, error, response } = await client.GET('/quotes', {
        params: { query: { ...filter, cursor, limit: 20 } },
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
 * The quote builder: lines from the chosen price list's products with quantity (and the ERP's stock of
 * each beside it, warning when the line asks for more) and line discount, a
 * quote discount, validity, an instalment plan, delivery terms and notes. Every figure is the API's:
 * "work out the totals" asks POST /quotes/preview, which prices the draft as creating it would and
 * answers the rows the PDF prints (KDV per rate, TRY equivalent, the plan); creating the draft
 * answers its own, and its PDF opens from here.
 */
export const quoteBuilderPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const client = await api();
  const lists = await client.GET('/catalogue/{kind}', { params: { path: { kind: 'price-lists' } } });
  const priceLists = Array.isArray(lists.data) ? (lists.data as PriceList[]) : [];
  const state = {
    priceListId: priceLists[0]?.id ?? '',
    lines: [{ sku: '', quantity: 1, discount: '' }],
  };
  /** A percentage as typed ("7,5" or "7.5") in basis points; empty is none, anything else is sent as typed to be refused. */
  const basisPoints = (typed: string | undefined) => {
    if (!typed) return undefined;
    const value = Number(typed.replace(',', '.'));
    return Number.isFinite(value) ? Math.round(value * 100) : Number.NaN;
  };
  const bodyOf = (form: HTMLFormElement) => {
    const v = formValues(form);
    const count = v.instalments ? Number(v.instalments) : undefined;
    return {
      customerId: v.customerId ?? '',
      priceListId: state.priceListId,
      lines: state.lines.map((line) => ({
        sku: line.sku,
        quantity: line.quantity,
        discountBp: basisPoints(line.discount) ?? 0,
      })),
      ...(v.quoteDiscount ? { quoteDiscountBp: basisPoints(v.quoteDiscount) } : {}),
      ...(v.validUntil ? { validUntil: v.validUntil } : {}),
      ...(count
        ? {
            paymentTerms: {
              type: 'instalments' as const,
              count,
              firstDueDate: v.firstDueDate ?? '',
              ...(v.intervalMonths ? { intervalMonths: Number(v.intervalMonths) } : {}),
            },
          }
        : {}),
      ...(v.deliveryTerms ? { deliveryTerms: v.deliveryTerms } : {}),
      ...(v.notes ? { notes: v.notes } : {}),
    };
  };
  /** A problem's path on the builder's own inputs: a line's discount at its percent field, a plan's at its count. */
  const fieldOf = (path: string) =>
    path
      .replace(/^lines\.(\d+)\.discountBp$/, 'lines.$1.discount')
      .replace(/^quoteDiscountBp$/, 'quoteDiscount')
      .replace(/^paymentTerms\.count$/, 'instalments')
      .replace(/^paymentTerms\.firstDueDate$/, 'firstDueDate')
      .replace(/^paymentTerms\.intervalMonths$/, 'intervalMonths')
      .replace(/^paymentTerms(\..*)?$/, 'instalments');
  const rowsView = (preview: QuotePreview) => html`<section data-preview>
      <p>${t('currency')}: <strong data-currency>${preview.currency}</strong> · ${t('fxDate')}: <strong data-fx-date>${preview.fxDate}</strong>${
        preview.currency === 'TRY' ? nothing : html` · ${preview.rateToTry}`
      } · ${t('validUntil')}: ${preview.validUntil}</p>
      <div class="overflow-auto"><table class="striped">
        <thead><tr><th scope="col">${t('product')}</th><th scope="col">${t('quantity')}</th><th scope="col">${t('unitPrice')}</th><th scope="col">${t('discount')}</th><th scope="col">${t('lineTotal')}</th></tr></thead>
        <tbody>${preview.rows.lines.map((l) => html`<tr data-line=${l.sku}><td>${l.name} <small>${l.sku} · ${t('taxRate')} ${l.taxRate}</small></td><td>${l.quantity}</td><td>${l.unitPrice}</td><td>${l.discount}</td><td>${l.amount}</td></tr>`)}</tbody>
      </table></div>
      <table data-totals>${preview.rows.totals.map((r) => html`<tr><th scope="row">${r.strong ? html`<strong>${r.label}</strong>` : r.label}</th><td>${r.strong ? html`<strong>${r.value}</strong>` : r.value}</td></tr>`)}</table>
      ${
        preview.rows.plan.length
          ? html`<h3>${t('paymentPlan')}</h3><ol data-plan>${preview.rows.plan.map((p) => html`<li>${p.dueDate}: ${p.amount}</li>`)}</ol>`
          : nothing
      }
    </section>`;
  const submit = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const body = bodyOf(form) as QuoteBody;
    const result = document.getElementById('result')!;
    const creating = (event.submitter as HTMLButtonElement | null)?.value === 'create';
    if (!creating) {
      const { data, error, response } = await client.POST('/quotes/preview', { body });
      if (!data) return showProblem(form, onFields(asProblem(error, response.status), fieldOf));
      return render(rowsView(data as QuotePreview), result);
    }
    const { data, error, response } = await client.POST('/quotes', { body, headers: idempotencyKey() });
    if (!data) return showProblem(form, onFields(asProblem(error, response.status), fieldOf));
    const total = data.totals.grandTotal;
    render(
      html`<p role="status" data-quote-created=${data.quoteId}><a href="#/quotes/${data.quoteId}">Q-${data.quoteId.slice(-8)}</a> · ${money(total.amount, total.currency)}
        · <button type="button" class="secondary" @click=${() => openPdf(data.quoteId)}>${t('openPdf')}</button></p>
        <div id="pdf" aria-live="polite"></div>`,
      result,
    );
  };
  const openPdf = async (quoteId: string) => {
    const { data, error, response } = await client.GET('/quotes/{quoteId}/pdf', {
      params: { path: { quoteId }, query: {} },
      headers: { accept: 'application/pdf' },
      parseAs: 'blob',
    });
    const target = document.getElementById('pdf')!;
    if (!data)
      return render(html`<p role="alert">${asProblem(error, response.status).detail ?? response.status}</p>`, target);
    const url = URL.createObjectURL(data as Blob);
    render(html`<a href=${url} target="_blank" rel="noopener" data-pdf>${t('pdfReady')}</a>`, target);
  };
  const update = (i: number, field: 'sku' | 'quantity' | 'discount') => (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    state.lines[i] = { ...state.lines[i]!, [field]: field === 'quantity' ? Number(value) : value };
    if (field === 'quantity') draw();
  };
  /** The ERP's stock of the lines' products, as GET /stock answers it (`off` without an ERP: nothing shown). */
  const stock: { erp?: 'answered' | 'unavailable' | 'off'; available: Map<string, number> } = { available: new Map() };
  const askStock = async () => {
    const skus = [...new Set(state.lines.map((l) => l.sku.trim()).filter(Boolean))];
    if (!skus.length) return draw();
    const { data } = await client.GET('/stock', { params: { query: { products: skus.join(',') } } });
    stock.erp = data?.erp;
    stock.available = new Map((data?.items ?? []).map((item) => [item.productId, item.available]));
    draw();
  };
  /** Beside the quantity: what the ERP has of the product, and a warning when the line asks for more. */
  const stockOf = (i: number) => {
    const { sku, quantity } = state.lines[i]!;
    if (!sku || !stock.erp || stock.erp === 'off') return nothing;
    if (stock.erp === 'unavailable') return html`<small data-stock-unknown>${t('stockUnknown')}</small>`;
    const available = stock.available.get(sku.trim());
    // A product the ERP keeps no stock of (a service): nothing to show.
    if (available === undefined) return nothing;
    return quantity > available
      ? html`<small role="alert" class="warning" data-stock=${available} data-stock-short>${t('stockShort')}: ${available}</small>`
      : html`<small data-stock=${available}>${t('inStock')}: ${available}</small>`;
  };
  const products = () => priceLists.find((l) => l.id === state.priceListId)?.prices ?? [];
  const line = (i: number) => html`<fieldset class="grid" data-line-input=${i}>
    <label>${t('sku')} <input name="lines.${i}.sku" list="skus" required autocomplete="off" .value=${state.lines[i]!.sku} @input=${update(i, 'sku')} @change=${askStock} /></label>
    <label>${t('quantity')} <input name="lines.${i}.quantity" type="number" min="1" max="1000000" required .value=${String(state.lines[i]!.quantity)} @input=${update(i, 'quantity')} />
      <span data-stock-for=${i}>${stockOf(i)}</span></label>
    <label>${t('lineDiscount')} <input name="lines.${i}.discount" inputmode="decimal" autocomplete="off" .value=${state.lines[i]!.discount} @input=${update(i, 'discount')} /></label>
    ${
      state.lines.length > 1
        ? html`<button type="button" class="secondary outline" @click=${() => {
            state.lines.splice(i, 1);
            draw();
          }}>${t('removeLine')}</button>`
        : nothing
    }
  </fieldset>`;
  const draw = () =>
    show(html`<h1>${t('newQuote')}</h1>
      <form @submit=${submit} data-quote-builder>
        ${problemSlot()}
        <label>${t('customer')} <input name="customerId" value=${query.get('customer') ?? ''} required autocomplete="off" /></label>
        <label>${t('priceList')}
          <select name="priceListId" @change=${(event: Event) => {
            state.priceListId = (event.target as HTMLSelectElement).value;
            draw();
          }}>
            ${priceLists.map((l) => html`<option value=${l.id} ?selected=${l.id === state.priceListId}>${l.name} (${l.currency})</option>`)}
          </select>
        </label>
        <datalist id="skus">${products().map((p) => html`<option value=${p.sku}></option>`)}</datalist>
        ${state.lines.map((_, i) => line(i))}
        <button type="button" class="secondary" @click=${() => {
          state.lines.push({ sku: '', quantity: 1, discount: '' });
          draw();
        }}>${t('addLine')}</button>
        <fieldset class="grid">
          <label>${t('quoteDiscount')} <input name="quoteDiscount" inputmode="decimal" autocomplete="off" /></label>
          <label>${t('validUntil')} <input name="validUntil" placeholder="YYYY-AA-GG" autocomplete="off" /></label>
        </fieldset>
        <fieldset class="grid">
          <label>${t('instalments')} <input name="instalments" type="number" min="1" max="360" /></label>
          <label>${t('firstDueDate')} <input name="firstDueDate" autocomplete="off" /></label>
          <label>${t('intervalMonths')} <input name="intervalMonths" type="number" min="1" max="12" /></label>
        </fieldset>
        <label>${t('deliveryTerms')} <textarea name="deliveryTerms" maxlength="1000" rows="2"></textarea></label>
        <label>${t('notes')} <textarea name="notes" maxlength="4000" rows="2"></textarea></label>
        <div class="grid">
          <button type="submit" value="preview" class="secondary">${t('showTotals')}</button>
          <button type="submit" value="create">${t('createQuote')}</button>
        </div>
      </form>
      <section id="result" aria-live="polite"></section>`);
  draw();
};

type QuoteBody = NonNullable<operations['createQuote']['requestBody']>['content']['application/json'];

/** What POST /quotes/preview answers that the builder shows. */
interface QuotePreview {
  currency: string;
  fxDate: string;
  rateToTry: string;
  validUntil: string;
  rows: {
    lines: {
      name: string;
      sku: string;
      quantity: string;
      unitPrice: string;
      discount: string;
      amount: string;
      taxRate: string;
    }[];
    totals: { label: string; value: string; strong?: boolean }[];
    plan: { dueDate: string; amount: string }[];
  };
}
