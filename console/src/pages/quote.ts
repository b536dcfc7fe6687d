// A quote's page: its lines, discounts, KDV and totals in its currency, validity, versions and
// approval steps, and the actions its status allows the caller, each sent with the seq the page
// read. The PDF is fetched through the API with the bearer and opened as a blob (a bare link to the
// API would answer 401 in a browser).
import { html, nothing, render, type TemplateResult } from 'lit';
import { api, asProblem } from '../api.js';
import type { paths } from '../api-types.js';
import { caller } from '../caller.js';
import { currentLanguage, dateTime, label, money, type StringKey, t, transition } from '../strings.js';
import { clearProblem, formValues, problemSlot, problemView, show, showProblem, statusView } from '../ui.js';
import { staleInWords } from './customer.js';
import { costRollUp } from './sales.js';

type QuoteView = paths['/quotes/{quoteId}']['get']['responses'][200]['content']['application/json'];
type Status = QuoteView['status'];

interface Money {
  amount: number;
  currency: string;
}
type Bilingual = Record<'tr' | 'en', string>;

/** What the API answers beyond the document's loose schema: the priced lines, totals and approval. */
interface Priced {
  lines: {
    sku: string;
    quantity: number;
    name?: Bilingual;
    unit?: string;
    unitPrice: Money;
    discountBp: number;
    net: Money;
    taxRateBp: number;
    tax: Money;
    total: Money;
  }[];
  totals: {
    subtotal: Money;
    discountTotal: Money;
    netTotal: Money;
    grandTotal: Money;
    taxByRate: { taxRateBp: number; base: Money; tax: Money }[];
  };
  approvalSteps?: { role: string; reasons: Bilingual[] }[];
  approval?: { steps: number; approved: number };
  approvals?: { step: number; userId: string; at: string }[];
  rejection?: { step: number; reason: string; userId: string; at: string };
}

type Action = 'submit' | 'approve' | 'reject' | 'send' | 'answer' | 'revise';

/** The quote lifecycle's moves, by the status they start from. */
const actionsOf: Record<Status, Action[]> = {
  draft: ['submit'],
  submitted: [],
  pending_approval: ['approve', 'reject'],
  approved: ['send'],
  rejected: ['revise'],
  sent: ['answer', 'revise'],
  accepted: [],
  declined: ['revise'],
  expired: ['revise'],
};

const percent = (bp: number) => `${(bp / 100).toLocaleString(currentLanguage())} %`;
const shown = (m: Money) => money(m.amount, m.currency);

/** The role whose approval the quote waits for, while it waits. */
const awaitedRole = (quote: QuoteView & Priced) =>
  quote.status === 'pending_approval' && quote.approval
    ? quote.approvalSteps?.[quote.approval.approved]?.role
    : undefined;

/** Approving is the awaited role's (the API decides; this only leaves out buttons). */
const forCaller = (quote: QuoteView & Priced, role: string | undefined) => (action: Action) =>
  (action !== 'approve' && action !== 'reject') || role === awaitedRole(quote);

const linesTable = (quote: Priced) => html`<div class="overflow-auto"><table class="striped" data-lines>
    <thead><tr>${(['sku', 'product', 'quantity', 'unitPrice', 'discount', 'net', 'taxRate', 'tax', 'total'] as StringKey[]).map((h) => html`<th scope="col">${t(h)}</th>`)}</tr></thead>
    <tbody>${quote.lines.map(
      (
        l,
      ) => html`<tr><td>${l.sku}</td><td>${l.name?.[currentLanguage()] ?? ''}</td><td>${l.quantity} ${l.unit ?? ''}</td><td>${shown(l.unitPrice)}</td>
        <td>${percent(l.discountBp)}</td><td>${shown(l.net)}</td><td>${percent(l.taxRateBp)}</td><td>${shown(l.tax)}</td><td>${shown(l.total)}</td></tr>`,
    )}</tbody>
  </table></div>`;

const totalsTable = (quote: Priced) => html`<table data-totals>
    <tr><th scope="row">${t('subtotal')}</th><td>${shown(quote.totals.subtotal)}</td></tr>
    <tr><th scope="row">${t('discount')}</th><td>${shown(quote.totals.discountTotal)}</td></tr>
    <tr><th scope="row">${t('net')}</th><td>${shown(quote.totals.netTotal)}</td></tr>
    ${quote.totals.taxByRate.map((r) => html`<tr><th scope="row">${t('tax')} ${percent(r.taxRateBp)} (${shown(r.base)})</th><td>${shown(r.tax)}</td></tr>`)}
    <tr><th scope="row">${t('total')}</th><td><strong data-grand-total>${shown(quote.totals.grandTotal)}</strong></td></tr>
  </table>`;

const approvalTable = (quote: Priced) => {
  const steps = quote.approvalSteps ?? [];
  if (steps.length === 0) return nothing;
  const stateOf = (i: number) => {
    const done = quote.approvals?.find((a) => a.step === i);
    if (done) return `${t('approvedBy')} ${done.userId} · ${dateTime(done.at)}`;
    if (quote.rejection?.step === i) return `${t('rejectedBy')} ${quote.rejection.userId}: ${quote.rejection.reason}`;
    return quote.approval && i === quote.approval.approved ? t('awaiting') : t('notYet');
  };
  return html`<section><h2>${t('approvalSteps')}</h2><div class="overflow-auto"><table data-approval>
    <thead><tr><th scope="col">#</th><th scope="col">${t('role')}</th><th scope="col">${t('why')}</th><th scope="col">${t('state')}</th></tr></thead>
    <tbody>${steps.map((s, i) => html`<tr><td>${i + 1}</td><td>${label('role', s.role)}</td><td>${s.reasons.map((r) => r[currentLanguage()]).join('; ')}</td><td>${stateOf(i)}</td></tr>`)}</tbody>
  </table></div></section>`;
};

/** One action's form: its fields, the seq read with the page, and the problem next to the field it names. */
const actionForm = (quote: QuoteView & Priced, action: Action) => {
  const act = async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const client = await api();
    const params = { path: { quoteId: quote.quoteId } };
    const { seq } = quote;
    const step = quote.approval?.approved;
    const values = formValues(form);
    const answer = await (action === 'approve'
      ? client.POST('/quotes/{quoteId}/approve', { params, body: { seq, step } })
      : action === 'reject'
        ? client.POST('/quotes/{quoteId}/reject', { params, body: { seq, step, reason: values.reason ?? '' } })
        : action === 'answer'
          ? client.POST('/quotes/{quoteId}/answer', {
              params,
              body: { seq, answer: values.answer === 'declined' ? 'declined' : 'accepted' },
            })
          : client.POST(`/quotes/{quoteId}/${action}`, { params, body: { seq } }));
    if (answer.error) return showProblem(form, staleInWords(asProblem(answer.error, answer.response.status)));
    await drawQuote(quote.quoteId, `${t(action)} ✓`);
  };
  const fields: Partial<Record<Action, TemplateResult>> = {
    reject: html`<label>${t('reason')} <input name="reason" maxlength="1000" required /></label>`,
    answer: html`<label>${t('customerAnswer')}
      <select name="answer"><option value="accepted">${t('accepted')}</option><option value="declined">${t('declined')}</option></select></label>`,
  };
  return html`<form @submit=${act} data-action=${action}>${problemSlot()}${fields[action] ?? nothing}<button type="submit">${t(action)}</button></form>`;
};

/** Fetches the PDF with the bearer and opens it as a blob; the link stays for a second look. */
const openPdf = (quoteId: string, version?: number) => async () => {
  const target = document.getElementById('pdf')!;
  const client = await api();
  const { data, error, response } = await client.GET('/quotes/{quoteId}/pdf', {
    params: { path: { quoteId }, query: version ? { version: String(version) } : {} },
    headers: { accept: 'application/pdf' },
    parseAs: 'blob',
  });
  if (!data) return render(problemView(asProblem(error, response.status)), target);
  const url = URL.createObjectURL(data as Blob);
  render(html`<a href=${url} target="_blank" rel="noopener" data-pdf>${t('pdfReady')}</a>`, target);
  window.open(url, '_blank', 'noopener');
};

const quoteView = (quote: QuoteView & Priced, current: boolean) => html`
  <h1>${t('quote')} ${quote.quoteId} · v${quote.version}</h1>
  <p>${t('status')}: ${statusView('quoteStatus', quote.status)} · ${t('validUntil')}: ${quote.validUntil} ·
    <a href="#/customers/${quote.customerId}">${t('record')}</a> · ${t('owner')}: ${quote.ownerId}</p>
  ${quote.rejection ? html`<p>${t('rejectedBy')} ${quote.rejection.userId}: ${quote.rejection.reason}</p>` : nothing}
  ${linesTable(quote)}
  ${totalsTable(quote)}
  ${costRollUp(quote.lines)}
  ${approvalTable(quote)}
  <p><button type="button" class="secondary" @click=${openPdf(quote.quoteId, current ? undefined : quote.version)}>${t('openPdf')}</button></p>
  <div id="pdf" aria-live="polite"></div>`;

export const quotePage = ({ quoteId }: Record<string, string>) => drawQuote(quoteId!);

/** The quote, with what the last action on it did (announced by the status line). */
const drawQuote = async (quoteId: string, notice = '') => {
  const client = await api();
  const { data, error, response } = await client.GET('/quotes/{quoteId}', { params: { path: { quoteId } } });
  if (!data) return show(html`<h1>${t('quote')}</h1>${problemView(asProblem(error, response.status))}`);
  const quote = data as QuoteView & Priced;
  const actions = actionsOf[quote.status].filter(forCaller(quote, (await caller())?.role));
  show(html`<p role="status" data-notice>${notice}</p>${quoteView(quote, true)}
    <section data-actions><h2>${t('actions')}</h2>${actions.length ? actions.map((a) => actionForm(quote, a)) : html`<p>${t('nothing')}</p>`}</section>
    ${
      quote.versions.length > 1
        ? html`<section><h2>${t('versions')}</h2><ul>${quote.versions.map((v) => html`<li><a href="#/quotes/${quote.quoteId}/versions/${v.version}">v${v.version}</a></li>`)}</ul></section>`
        : nothing
    }
    <section><h2>${t('timeline')}</h2>
      <ul>${quote.history.map((h) => html`<li>${dateTime(h.at)} · ${transition('quoteStatus', h.from, h.to)} · ${h.actorId}</li>`)}</ul></section>`);
};

/** An earlier version, as it was: read only. */
export const quoteVersionPage = async ({ quoteId, version }: Record<string, string>) => {
  const client = await api();
  const { data, error, response } = await client.GET('/quotes/{quoteId}/versions/{version}', {
    params: { path: { quoteId: quoteId!, version: version! } },
  });
  if (!data) return show(html`<h1>${t('quote')}</h1>${problemView(asProblem(error, response.status))}`);
  show(
    html`${quoteView(data as QuoteView & Priced, false)}<p><a href="#/quotes/${quoteId}">${t('currentVersion')}</a></p>`,
  );
};
