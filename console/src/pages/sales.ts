// What selling leaves beside a product, a customer and an order: a product's recipe (its components'
// quantities and costs, which may be left out or replaced), an order's instalments (paid, not yet due,
// overdue) and the manager's list of overdue ones, and the invoice and payments the ERP posted.
import { html, nothing, type TemplateResult } from 'lit';
import { api, asProblem } from '../api.js';
import { money, type StringKey, t } from '../strings.js';
import { problemView, show } from '../ui.js';

interface Money {
  amount: number;
  currency: string;
}

interface Component {
  sku: string;
  kind: 'product' | 'service';
  quantity: number;
  unitCost?: Money;
  supplier: string;
  optional: boolean;
  alternatives: { sku: string; unitCost?: Money; supplier: string }[];
}

const shown = (m?: Money) => (m ? money(m.amount, m.currency) : '—');

/** A product's page: its recipe, each component's cost (its own, or the catalogue's when it has none). */
export const productPage = async ({ sku }: Record<string, string>) => {
  const client = await api();
  const { data, error, response } = await client.GET('/recipes/{sku}', { params: { path: { sku: sku! } } });
  const title = html`<h1>${t('recipe')} <span data-sku>${sku}</span></h1>`;
  if (response.status === 404) return show(html`${title}<p data-no-recipe>${t('noRecipe')}</p>`);
  if (!data) return show(html`${title}${problemView(asProblem(error, response.status))}`);
  const components = data.components as Component[];
  const costed = components.filter((c) => c.unitCost);
  const currency = costed[0]?.unitCost?.currency;
  const sameCurrency = costed.every((c) => c.unitCost?.currency === currency);
  const rollUp = costed.reduce((sum, c) => sum + c.unitCost!.amount * c.quantity, 0);
  show(html`${title}
    <div class="overflow-auto"><table class="striped" data-recipe>
      <thead><tr>${(
        [
          'component',
          'componentKind',
          'quantity',
          'unitCost',
          'componentCost',
          'supplier',
          'optionalComponent',
          'substitutes',
        ] satisfies StringKey[]
      ).map((h) => html`<th scope="col">${t(h)}</th>`)}</tr></thead>
      <tbody>${components.map(
        (c) => html`<tr data-component=${c.sku}>
          <td>${c.sku}</td><td>${c.kind}</td><td>${c.quantity}</td>
          <td>${c.unitCost ? shown(c.unitCost) : t('catalogueCost')}</td>
          <td data-cost>${c.unitCost ? money(c.unitCost.amount * c.quantity, c.unitCost.currency) : '—'}</td>
          <td>${c.supplier}</td><td data-optional>${c.optional ? t('yes') : t('no')}</td>
          <td data-substitutes>${c.alternatives.map((a) => `${a.sku} (${shown(a.unitCost)}, ${a.supplier})`).join('; ')}</td>
        </tr>`,
      )}</tbody>
    </table></div>
    ${
      currency && sameCurrency
        ? html`<p>${t('recipeCost')}: <strong data-recipe-cost>${money(rollUp, currency)}</strong></p>`
        : nothing
    }`);
};

export interface InstalmentPlan {
  orderId: string;
  customerId: string;
  paid: Money;
  instalments: { n: number; dueDate: string; amount: Money; covered: Money; status: 'paid' | 'due' | 'overdue' }[];
}

const stateKeys: Record<InstalmentPlan['instalments'][number]['status'], StringKey> = {
  paid: 'instalmentPaid',
  due: 'instalmentDue',
  overdue: 'instalmentOverdue',
};

/** One plan's instalments as a small table: number, due date, amount, paid so far, state. */
export const instalmentsTable = (plan: InstalmentPlan): TemplateResult =>
  html`<table data-plan=${plan.orderId}>
    <thead><tr><th scope="col">${t('instalmentNo')}</th><th scope="col">${t('dueOn')}</th><th scope="col">${t('total')}</th><th scope="col">${t('paidSoFar')}</th><th scope="col">${t('status')}</th></tr></thead>
    <tbody>${plan.instalments.map(
      (i) =>
        html`<tr data-instalment=${i.n} data-state=${i.status}><td>${i.n}</td><td>${i.dueDate}</td><td>${shown(i.amount)}</td><td>${shown(i.covered)}</td><td>${
          i.status === 'overdue' ? html`<mark>${t(stateKeys[i.status])}</mark>` : t(stateKeys[i.status])
        }</td></tr>`,
    )}</tbody>
  </table>`;

/** The manager's list: every order with an instalment past its due date and not paid in full. */
export const overdueInstalmentsPage = async () => {
  const client = await api();
  const { data, error, response } = await client.GET('/instalments/overdue');
  const title = html`<h1>${t('overdueInstalments')}</h1>`;
  if (!data) return show(html`${title}${problemView(asProblem(error, response.status))}`);
  const plans = data.plans as InstalmentPlan[];
  show(html`${title}<p>${t('asOf')}: <span data-as-of>${data.asOf}</span></p>
    ${
      plans.length === 0
        ? html`<p>${t('noOverdueInstalments')}</p>`
        : plans.map(
            (plan) => html`<section data-overdue-order=${plan.orderId}>
              <h2><a href="#/orders/${plan.orderId}">${t('order')} ${plan.orderId}</a></h2>
              <p><a href="#/customers/${plan.customerId}">${t('customer')}</a> · ${t('paidSoFar')}: ${shown(plan.paid)}</p>
              <div class="overflow-auto">${instalmentsTable(plan)}</div>
            </section>`,
          )
    }`);
};

interface Invoice {
  orderId: string;
  invoiceNumber: string;
  eInvoiceType: string;
  eInvoiceId: string;
  issuedOn: string;
}
interface Payment {
  orderId: string;
  amount: Money;
}

/**
 * The order's invoice and payment status from the ERP's postings on the customer's record; nothing
 * when the caller may not read the record (a unit's people work the order, not the books).
 */
export const orderInvoicing = async (order: { orderId: string; customerId: string; grandTotal: Money }) => {
  const client = await api();
  const part = (name: 'invoices' | 'payments' | 'instalments') =>
    client.GET('/customers/{customerId}/{part}', {
      params: { path: { customerId: order.customerId, part: name }, query: { limit: 100 } },
    });
  const [invoices, payments, plans] = await Promise.all([part('invoices'), part('payments'), part('instalments')]);
  if (!invoices.data || !payments.data) return nothing;
  const invoice = (invoices.data.items as Invoice[]).find((i) => i.orderId === order.orderId);
  const paid = (payments.data.items as Payment[])
    .filter((p) => p.orderId === order.orderId)
    .reduce((sum, p) => sum + p.amount.amount, 0);
  const plan = ((plans.data?.items ?? []) as InstalmentPlan[]).find((p) => p.orderId === order.orderId);
  const overdue = plan?.instalments.some((i) => i.status === 'overdue');
  const state: StringKey = paid >= order.grandTotal.amount ? 'paidInFull' : paid > 0 ? 'partlyPaid' : 'unpaid';
  return html`<section data-invoicing><h2>${t('invoicing')}</h2>
    ${
      invoice
        ? html`<p>${t('invoiceNumber')}: <strong data-invoice-number>${invoice.invoiceNumber}</strong> (${invoice.issuedOn})
          · ${t('eInvoiceId')} (${invoice.eInvoiceType}): <code data-e-invoice>${invoice.eInvoiceId}</code></p>`
        : html`<p>${t('notInvoiced')}</p>`
    }
    <p>${t('paymentStatus')}: <strong data-payment-status=${state}>${t(state)}</strong>
      · ${t('paidSoFar')}: <span data-paid>${money(paid, order.grandTotal.currency)}</span>
      ${overdue ? html` · <mark data-overdue>${t('instalmentOverdue')}</mark>` : nothing}</p>
    ${plan ? html`<div class="overflow-auto">${instalmentsTable(plan)}</div>` : nothing}
  </section>`;
};

interface CostedLine {
  sku: string;
  quantity: number;
  net: Money;
  unitCost?: Money;
  margin?: Money;
  marginBp?: number;
  components?: { sku: string; quantity: number; unitCost: Money; cost: Money; substitutes?: string }[];
}

const percentOf = (bp: number) => `${(bp / 100).toFixed(2)} %`;

/** A quote's recipe lines: each component's cost, the roll-up per unit, and the line's margin. */
export const costRollUp = (lines: CostedLine[]) => {
  const recipes = lines.filter((l) => l.components?.length && l.unitCost && l.margin);
  if (recipes.length === 0) return nothing;
  return html`<h2>${t('recipeCost')}</h2>${recipes.map(
    (l) => html`<div class="overflow-auto"><table class="striped" data-roll-up=${l.sku}>
      <caption>${l.sku} × ${l.quantity}</caption>
      <thead><tr><th scope="col">${t('component')}</th><th scope="col">${t('quantity')}</th><th scope="col">${t('unitCost')}</th><th scope="col">${t('componentCost')}</th></tr></thead>
      <tbody>${l.components!.map(
        (c) =>
          html`<tr data-component=${c.sku}><td>${c.sku}${c.substitutes ? ` (${c.substitutes})` : ''}</td><td>${c.quantity}</td><td>${shown(c.unitCost)}</td><td>${shown(c.cost)}</td></tr>`,
      )}</tbody>
      <tfoot>
        <tr><th scope="row" colspan="3">${t('unitCost')}</th><td data-unit-cost>${shown(l.unitCost)}</td></tr>
        <tr><th scope="row" colspan="3">${t('net')}</th><td>${shown(l.net)}</td></tr>
        <tr><th scope="row" colspan="3">${t('lineMargin')}</th><td data-margin>${shown(l.margin)} · ${percentOf(l.marginBp ?? 0)}</td></tr>
      </tfoot>
    </table></div>`,
  )}`;
};
