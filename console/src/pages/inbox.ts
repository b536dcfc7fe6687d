// A unit's day: its inbox (the requests, orders and cases routed to it, most urgent first, each with
// the business minutes left on its clock) and a request's page as a dealer works it from the mail
// link — the customer's name and phone, what they want and when they could come, the history, and
// accept, decline with a reason or report the outcome, each sent with the seq the page was read at.
// A purchase request (the purchasing unit's) has no page: its row carries its moves — ordered with the
// supplier's reference and day, received, cancelled with a reason.
import { html, nothing } from 'lit';
import { api, asProblem, idempotencyKey, type Problem } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, type LabelGroup, label, t, valuesOf } from '../strings.js';
import { clearProblem, formValues, problemSlot, problemView, show, statusView } from '../ui.js';
import { type HistoryRow, historyTable, showRefusal } from './record-forms.js';

type InboxItem = operations['getInbox']['responses'][200]['content']['application/json']['items'][number];
type Request = operations['getRequest']['responses'][200]['content']['application/json'];

/** Where a row's number leads: a record's page, or for a purchase request its order's rows here. */
const pages: Record<InboxItem['kind'], (item: InboxItem) => string> = {
  request: (item) => `#/requests/${item.id}`,
  order: (item) => `#/orders/${item.id}`,
  case: (item) => `#/cases/${item.id}`,
  purchase: (item) => `#/inbox?number=${encodeURIComponent(item.number)}`,
};
const statusGroups: Record<InboxItem['kind'], LabelGroup> = {
  request: 'requestStatus',
  order: 'orderStatus',
  case: 'caseStatus',
  purchase: 'purchaseStatus',
};
type PurchaseAction = operations['actOnPurchaseRequest']['parameters']['path']['action'];

/** A purchase request's moves in its row: each a small form sent with the seq the inbox was read at. */
const purchaseMoves = (item: InboxItem, reload: () => Promise<unknown>) => {
  const move = (action: PurchaseAction) => async (event: SubmitEvent) => {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    clearProblem(form);
    const client = await api();
    const answer = await client.POST('/purchase-requests/{purchaseRequestId}/{action}', {
      params: { path: { purchaseRequestId: item.id, action } },
      headers: idempotencyKey(),
      body: { seq: item.seq, ...formValues(form) },
    });
    if (answer.error) return showRefusal(form, asProblem(answer.error, answer.response.status) as Problem);
    await reload();
  };
  const forms: Record<PurchaseAction, () => unknown> = {
    order: () => html`<form data-move="order" @submit=${move('order')}>${problemSlot()}
      <label>${t('supplierRef')} <input name="supplierRef" maxlength="100" required /></label>
      <label>${t('expectedOn')} <input name="expectedOn" type="date" required /></label>
      <button type="submit">${t('markOrdered')}</button></form>`,
    receive: () => html`<form data-move="receive" @submit=${move('receive')}>${problemSlot()}
      <button type="submit">${t('markReceived')}</button></form>`,
    cancel: () => html`<form data-move="cancel" @submit=${move('cancel')}>${problemSlot()}
      <label>${t('cancelReason')} <input name="reason" maxlength="1000" required /></label>
      <button type="submit" class="secondary">${t('cancelPurchase')}</button></form>`,
  };
  return html`${item.supplierRef ? html`<p data-supplier>${item.supplierRef} · ${item.expectedOn}</p>` : nothing}
    ${item.allowedMoves.map((m) => forms[m.action as PurchaseAction]?.() ?? nothing)}`;
};

/** Business minutes as the reader takes them in: "95 minutes left" or "12 minutes late". */
const clock = (minutes: number | undefined) =>
  minutes === undefined
    ? t('noClock')
    : minutes >= 0
      ? `${minutes} ${t('minutesLeft')}`
      : `${-minutes} ${t('minutesLate')}`;

const subjectOf = (item: InboxItem) =>
  item.kind === 'request' && item.subject ? label('requestKind', item.subject) : (item.subject ?? '');

export const inboxPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const client = await api();
  const number = query.get('number') ?? undefined;
  const { data, error, response } = await client.GET('/inbox', { params: { query: number ? { number } : {} } });
  const search = html`<form role="search" data-inbox-search @submit=${(event: SubmitEvent) => {
    event.preventDefault();
    const typed = String(new FormData(event.target as HTMLFormElement).get('number') ?? '').trim();
    location.hash = typed ? `#/inbox?number=${encodeURIComponent(typed)}` : '#/inbox';
  }}>
    <label>${t('findNumber')} <input name="number" value=${number ?? ''} maxlength="40" /></label>
    <button type="submit">${t('find')}</button>
  </form>`;
  if (!data) return show(html`<h1>${t('inbox')}</h1>${problemView(asProblem(error, response.status))}`);
  show(html`<h1>${t('inbox')}</h1><p>${t('inboxHint')}</p>${search}
    ${
      data.items.length === 0
        ? html`<p>${t('nothing')}</p>`
        : html`<div class="overflow-auto"><table class="striped" data-inbox>
          <thead><tr><th scope="col">${t('itemKind')}</th><th scope="col">${t('number')}</th><th scope="col">${t('customer')}</th><th scope="col">${t('subject')}</th><th scope="col">${t('status')}</th><th scope="col">${t('due')}</th><th scope="col">${t('actions')}</th></tr></thead>
          <tbody>${data.items.map(
            (item) => html`<tr data-item=${item.id} data-kind=${item.kind}>
              <td>${label('inboxKind', item.kind)}</td>
              <td><a href="${pages[item.kind](item)}">${item.number}</a></td>
              <td>${item.customerName ?? ''}</td><td>${subjectOf(item)}</td>
              <td data-status=${item.status}>${label(statusGroups[item.kind], item.status)}</td>
              <td data-minutes-left=${item.minutesLeft ?? nothing}>${clock(item.minutesLeft)}${
                item.dueAt ? html` · <time datetime=${item.dueAt}>${dateTime(item.dueAt)}</time>` : nothing
              }</td>
              <td>${item.kind === 'purchase' ? purchaseMoves(item, () => inboxPage(_params, query)) : nothing}</td>
            </tr>`,
          )}</tbody>
        </table></div>`
    }`);
};

const has = (request: Request, action: Request['allowedMoves'][number]['action']) =>
  request.allowedMoves.some((move) => move.action === action);

export const requestPage = async ({ requestId }: Record<string, string>) => {
  const client = await api();
  const { data, error, response } = await client.GET('/requests/{requestId}', {
    params: { path: { requestId: requestId! } },
  });
  if (!data) return show(html`<h1>${t('request')}</h1>${problemView(asProblem(error, response.status))}`);
  const request = data;
  const details = request.details as { model?: string; vehicle?: string; preferredTimes?: string[]; notes?: string };

  /** One move: sent once (an Idempotency-Key per click), refusals shown in its form. */
  const move =
    (action: 'accept' | 'decline' | 'done', fields: (form: HTMLFormElement) => Record<string, string | undefined>) =>
    async (event: SubmitEvent) => {
      event.preventDefault();
      const form = event.target as HTMLFormElement;
      clearProblem(form);
      const answer = await client.POST('/requests/{requestId}/{action}', {
        params: { path: { requestId: request.requestId, action } },
        headers: idempotencyKey(),
        body: { seq: request.seq, ...fields(form) },
      });
      if (answer.error) return showRefusal(form, asProblem(answer.error, answer.response.status) as Problem);
      const moved = answer.data;
      // A decline takes the request out of this dealer's hands: it is not theirs to read any more.
      if (action === 'decline') {
        const words = moved.status === 'declined' ? t('backToCallCenter') : t('passedOn');
        return show(html`<h1>${t('request')} ${request.number}</h1>
          <p role="status" data-declined=${moved.status}>${words}</p><p><a href="#/inbox">${t('inbox')}</a></p>`);
      }
      await requestPage({ requestId: request.requestId });
    };
  const value = (form: HTMLFormElement, name: string) => {
    const given = new FormData(form).get(name);
    return given ? String(given) : undefined;
  };
  const customer = request.customer;
  const rows: [string, unknown][] = [
    [t('customer'), customer?.name],
    [t('phone'), customer?.phone ? html`<a href="tel:${customer.phone}" data-phone>${customer.phone}</a>` : undefined],
    [t('email'), customer?.email],
    [t('model'), details.model],
    [t('vehicle'), details.vehicle],
    [
      t('preferredTimes'),
      details.preferredTimes?.length
        ? html`${details.preferredTimes.map((at, i) => html`${i ? ', ' : ''}<time datetime=${at}>${dateTime(at)}</time>`)}`
        : undefined,
    ],
    [t('notes'), details.notes],
    [t('acceptBy'), request.status === 'open' && request.acceptBy ? dateTime(String(request.acceptBy)) : undefined],
    [t('declinedWith'), request.declineReason],
    [t('outcomeLabel'), request.outcome ? label('requestOutcome', request.outcome) : undefined],
  ];
  show(html`<h1>${t('request')} <span data-number>${request.number}</span></h1>
    <p>${label('requestKind', request.kind)} · ${t('status')}: ${statusView('requestStatus', request.status)}</p>
    <dl data-request>${rows
      .filter(([, v]) => v !== undefined && v !== '')
      .map(([k, v]) => html`<dt>${k}</dt><dd>${v}</dd>`)}</dl>
    ${
      has(request, 'accept')
        ? html`<form data-move="accept" @submit=${move('accept', () => ({}))}>${problemSlot()}
            <button type="submit">${t('acceptRequest')}</button></form>`
        : nothing
    }
    ${
      has(request, 'done')
        ? html`<form data-move="done" @submit=${move('done', (f) => ({ outcome: value(f, 'outcome'), note: value(f, 'note') }))}>
            ${problemSlot()}
            <label>${t('outcomeLabel')}
              <select name="outcome" required>
                <option value=""></option>
                ${valuesOf('requestOutcome').map((o) => html`<option value=${o}>${label('requestOutcome', o)}</option>`)}
              </select></label>
            <label>${t('note')} <input name="note" maxlength="1000" /></label>
            <button type="submit">${t('reportDone')}</button></form>`
        : nothing
    }
    ${
      has(request, 'decline')
        ? html`<form data-move="decline" @submit=${move('decline', (f) => ({ reason: value(f, 'reason') }))}>
            ${problemSlot()}
            <label>${t('declineReasonLabel')} <textarea name="reason" maxlength="1000" required></textarea></label>
            <button type="submit" class="secondary">${t('declineRequest')}</button></form>`
        : nothing
    }
    ${historyTable('requestStatus', request.history as HistoryRow[])}`);
};
