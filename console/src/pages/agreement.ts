// A sales agreement as its owner works it: status, validity and who accepted it, committed against
// ordered volume per product or category, the periodic order's months placed and ahead (each ahead
// skippable), the day its renewal reminder goes out, and its PDF.
import { html, nothing } from 'lit';
import { api, asProblem } from '../api.js';
import { dateTime, t } from '../strings.js';
import { problemView, show } from '../ui.js';

interface AgreementDetail {
  title: string;
  number: string;
  acceptance?: { name: string; at: string };
  volume: { sku?: string; category?: string; quantity: number; ordered: number; remaining: number }[];
  placedPeriods: { period: string; orderId: string }[];
  upcomingPeriods: { period: string; dueOn: string; skipped: boolean }[];
  renewalReminderOn: string;
}

export const agreementPage = async ({ agreementId }: Record<string, string>) => {
  const client = await api();
  const { data, error, response } = await client.GET('/agreements/{agreementId}', {
    params: { path: { agreementId: agreementId! } },
  });
  if (!data) return show(html`<h1>${t('agreement')}</h1>${problemView(asProblem(error, response.status))}`);
  const a = data as typeof data & AgreementDetail;
  const skip = async (period: string) => {
    const answer = await client.POST('/agreements/{agreementId}/skip', {
      params: { path: { agreementId: a.agreementId } },
      body: { seq: a.seq, period },
    });
    if (answer.error) return show(problemView(asProblem(answer.error, answer.response.status)));
    return agreementPage({ agreementId: a.agreementId });
  };
  show(html`<h1>${t('agreement')} <span data-number>${a.number}</span></h1>
    <p><strong>${a.title}</strong> · ${t('status')}: <span data-status>${a.status}</span>
      · <a href="#/customers/${a.customerId}">${t('record')}</a></p>
    <p>${t('validity')}: ${a.validFrom} – ${a.validUntil} · ${t('renewalReminder')}: <span data-renewal>${a.renewalReminderOn}</span></p>
    ${a.acceptance ? html`<p data-accepted>${t('acceptedBy')}: ${a.acceptance.name}, ${dateTime(a.acceptance.at)}</p>` : nothing}
    <h2>${t('committed')} / ${t('orderedVolume')}</h2>
    <div class="overflow-auto"><table class="striped" data-volume>
      <thead><tr><th scope="col">${t('sku')}</th><th scope="col">${t('committed')}</th><th scope="col">${t('orderedVolume')}</th><th scope="col">${t('remaining')}</th></tr></thead>
      <tbody>${a.volume.map(
        (v) =>
          html`<tr><td>${v.sku ?? v.category}</td><td>${v.quantity}</td><td>${v.ordered}</td><td>${v.remaining}</td></tr>`,
      )}</tbody>
    </table></div>
    <h2>${t('periodicOrders')}</h2>
    <div class="overflow-auto"><table class="striped" data-periods>
      <thead><tr><th scope="col">${t('period')}</th><th scope="col">${t('dueOn')}</th><th scope="col">${t('status')}</th></tr></thead>
      <tbody>${a.placedPeriods.map(
        (p) =>
          html`<tr><td>${p.period}</td><td></td><td><a href="#/orders/${p.orderId}">${t('placedOrder')}</a></td></tr>`,
      )}${a.upcomingPeriods.map(
        (p) =>
          html`<tr><td>${p.period}</td><td>${p.dueOn}</td><td>${
            p.skipped
              ? t('skippedMonth')
              : html`<button type="button" class="secondary" @click=${() => skip(p.period)}>${t('skipMonth')}</button>`
          }</td></tr>`,
      )}</tbody>
    </table></div>`);
};
