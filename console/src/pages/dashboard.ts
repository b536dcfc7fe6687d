// The analytics dashboard (issue #12): the firm's counters for this month, revenue by month and
// currency, the A/B/C shares, the pipeline by stage, SLA attainment and the campaign funnel. Each
// chart draws what its route answers; a route the caller's scopes do not reach leaves its chart out.
import {
  ArcElement,
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  type ChartConfiguration,
  DoughnutController,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { html, nothing } from 'lit';
import { api, asProblem } from '../api.js';
import { label, money, percent, type StringKey, t } from '../strings.js';
import { problemView, show } from '../ui.js';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, DoughnutController, ArcElement, Legend, Tooltip);

/** The revenue rows the dashboard adds to its documented counters (GET /reports/orders/revenue's shape). */
interface RevenueRow {
  period: string;
  currency: string;
  total: number;
}

const palette = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b'];

const canvas = (id: string, title: StringKey) =>
  html`<article><h2>${t(title)}</h2><div class="chart"><canvas id=${id} role="img" aria-label=${t(title)}></canvas></div></article>`;

const draw = (id: string, config: ChartConfiguration) => {
  const element = document.getElementById(id) as HTMLCanvasElement | null;
  if (element)
    new Chart(element, { ...config, options: { animation: false, maintainAspectRatio: false, ...config.options } });
};

/** What the table reads of GET /analytics/performance. */
interface Performance {
  commission: { basis: 'net' | 'margin' };
  rows: {
    group: string;
    quotesWon: number;
    wonNetTry: number;
    marginWonTry: number;
    marginWonBp: number;
    commissionTry: number;
  }[];
}

/** Sales performance this year, saying what commission is paid on; the margin percentage rounded once, here. */
const performanceTable = (report: Performance) =>
  html`<article data-performance>
    <h2>${t('salesPerformance')}</h2>
    <p data-commission-basis>${t('commissionBasis')}: ${t(report.commission.basis === 'margin' ? 'basisMargin' : 'basisNet')}</p>
    <table>
      <thead>
        <tr><th>${t('group')}</th><th>${t('quotesWon')}</th><th>${t('wonNet')}</th><th>${t('marginWon')}</th><th>${t('commissionPaid')}</th></tr>
      </thead>
      <tbody>
        ${report.rows.map(
          (row) =>
            html`<tr>
              <td>${row.group}</td>
              <td>${row.quotesWon}</td>
              <td>${money(row.wonNetTry, 'TRY')}</td>
              <td>${money(row.marginWonTry, 'TRY')} (${percent(row.marginWonBp)})</td>
              <td>${money(row.commissionTry, 'TRY')}</td>
            </tr>`,
        )}
      </tbody>
    </table>
  </article>`;

export const dashboardPage = async () => {
  const client = await api();
  const [dashboard, pipeline, cases, campaigns, rules, sales] = await Promise.all([
    client.GET('/analytics/dashboard', {}),
    client.GET('/pipeline', {}),
    client.GET('/reports/cases', {}),
    client.GET('/campaigns/reports', {}),
    client.GET('/analytics/rules', {}),
    client.GET('/analytics/performance', {}),
  ]);
  if (!dashboard.data)
    return show(html`<h1>${t('dashboard')}</h1>${problemView(asProblem(dashboard.error, dashboard.response.status))}`);
  const counters = dashboard.data;
  const revenue = ((counters.orders as { revenue?: RevenueRow[] }).revenue ?? []).filter((r) => r.total > 0);
  const funnel = campaigns.data?.bySegment.reduce<Record<string, number>>((sum, row) => {
    for (const [step, n] of Object.entries(row.funnel)) sum[step] = (sum[step] ?? 0) + n;
    return sum;
  }, {});
  const sla = cases.data?.rows.reduce(
    (sum, row) => ({ met: sum.met + row.firstResponse.met, measured: sum.measured + row.firstResponse.measured }),
    { met: 0, measured: 0 },
  );
  show(html`<h1>${t('dashboard')}</h1>
    <article data-counters>
      <h2>${t('counters')}</h2>
      <dl class="grid">
        <div><dt>${t('leadsReceived')}</dt><dd>${counters.leads.received}</dd></div>
        <div><dt>${t('quotesSent')}</dt><dd>${counters.quotes.sent}</dd></div>
        <div><dt>${t('ordersReceived')}</dt><dd>${counters.orders.received}</dd></div>
        <div><dt>${t('casesOpened')}</dt><dd>${counters.cases.opened}</dd></div>
      </dl>
    </article>
    ${canvas('chart-revenue', 'revenue')}
    ${rules.data ? canvas('chart-segments', 'segments') : nothing}
    ${pipeline.data ? canvas('chart-pipeline', 'pipeline') : nothing}
    ${sla ? canvas('chart-sla', 'sla') : nothing}
    ${funnel ? canvas('chart-funnel', 'funnel') : nothing}
    ${typeof sales.data === 'object' ? performanceTable(sales.data) : nothing}`);

  const months = [...new Set(revenue.map((r) => r.period))].sort();
  const currencies = [...new Set(revenue.map((r) => r.currency))].sort();
  draw('chart-revenue', {
    type: 'bar',
    data: {
      labels: months,
      datasets: currencies.map((currency, i) => ({
        label: currency,
        backgroundColor: palette[i % palette.length],
        data: months.map((m) => (revenue.find((r) => r.period === m && r.currency === currency)?.total ?? 0) / 100),
      })),
    },
  });
  if (rules.data) {
    const { aShareBp, bShareBp } = rules.data.segments;
    draw('chart-segments', {
      type: 'doughnut',
      data: {
        labels: ['A', 'B', 'C'],
        datasets: [
          { data: [aShareBp / 100, bShareBp / 100, (10_000 - aShareBp - bShareBp) / 100], backgroundColor: palette },
        ],
      },
    });
  }
  if (pipeline.data) {
    const stages = pipeline.data.byStage;
    draw('chart-pipeline', {
      type: 'bar',
      data: {
        labels: stages.map((s) => label('stage', s.stage)),
        datasets: [{ label: t('pipeline'), data: stages.map((s) => s.count), backgroundColor: palette[0] }],
      },
    });
  }
  if (sla) {
    draw('chart-sla', {
      type: 'doughnut',
      data: {
        labels: [t('met'), t('missed')],
        datasets: [{ data: [sla.met, sla.measured - sla.met], backgroundColor: [palette[2]!, palette[3]!] }],
      },
    });
  }
  if (funnel) {
    draw('chart-funnel', {
      type: 'bar',
      data: {
        labels: Object.keys(funnel).map((step) => label('funnel', step)),
        datasets: [{ label: t('funnel'), data: Object.values(funnel), backgroundColor: palette[1] }],
      },
      options: { indexAxis: 'y' },
    });
  }
};
