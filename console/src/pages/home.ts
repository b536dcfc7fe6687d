// My work today: a count per queue, each a link to the page that works it. The reads run in
// parallel; a count the caller's role may not read (403/404) is left out, not shown as an error; a
// first page followed by a cursor shows as "20+".
import { html, nothing, render } from 'lit';
import { api, asProblem, type Problem } from '../api.js';
import { type StringKey, t } from '../strings.js';
import { show } from '../ui.js';

const PAGE = 20;

/** A count, or the problem that kept it from being read. */
type Count = string | Problem;

const counted = (items: number, more: boolean): string => `${items}${more ? '+' : ''}`;

/** The Istanbul calendar day of an instant, as YYYY-MM-DD. */
const istanbulDay = (at: Date) => new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Istanbul' }).format(at);

/** "Near breach": at most this many business minutes left on the running SLA target, or already missed. */
const NEAR_BREACH_MINUTES = 120;

/** The API gives each listed case its business minutes left (absent while the clock stands). */
const nearBreach = (c: { sla: { minutesLeft?: number } }) =>
  c.sla.minutesLeft !== undefined && c.sla.minutesLeft <= NEAR_BREACH_MINUTES;

/** A read's count, or the problem it answered. */
const read = <T>(
  call: Promise<{ data?: T; error?: unknown; response: Response }>,
  count: (data: T) => Count,
): Promise<Count> => call.then(({ data, error, response }) => (data ? count(data) : asProblem(error, response.status)));

const counts = async (now: Date): Promise<[StringKey, string, Promise<Count>][]> => {
  const client = await api();
  const agenda = client.GET('/agenda', {});
  const today = istanbulDay(now);
  const dueToday = read(agenda, (week) =>
    String(
      week.entries.filter(
        (e) =>
          e.kind === 'todo' && e.status === 'open' && new Date(e.at) >= now && istanbulDay(new Date(e.at)) === today,
      ).length,
    ),
  );
  return [
    [
      'newLeads',
      '#/leads?status=new',
      read(client.GET('/leads', { params: { query: { status: 'new', limit: PAGE } } }), (d) =>
        counted(d.leads.length, !!d.nextCursor),
      ),
    ],
    [
      'awaitingMe',
      '#/quotes',
      // The approval inbox answers one page without a cursor: a full page may have more behind it.
      read(client.GET('/quotes', { params: { query: { awaiting: 'me', limit: PAGE } } }), (d) =>
        counted(d.quotes.length, d.quotes.length === PAGE),
      ),
    ],
    ['agendaToday', '#/agenda', dueToday],
    // Overdue in any week, not only this one: the API's own list of open to-dos past due.
    [
      'overdue',
      '#/agenda',
      read(client.GET('/agenda/overdue', { params: { query: { limit: PAGE } } }), (d) =>
        counted(d.entries.length, !!d.nextCursor),
      ),
    ],
    [
      'casesNearBreach',
      '#/cases',
      read(client.GET('/cases', { params: { query: { limit: 100 } } }), (d) =>
        counted(d.cases.filter(nearBreach).length, !!d.nextCursor),
      ),
    ],
    [
      'ordersToAcknowledge',
      '#/orders',
      read(client.GET('/orders', { params: { query: { status: 'routed', limit: PAGE } } }), (d) =>
        counted(d.orders.length, !!d.nextCursor),
      ),
    ],
  ];
};

export const homePage = async () => {
  show(html`<h1>${t('home')}</h1><ul id="counts" aria-live="polite"></ul>
    <p><a href="#/lookup">${t('lookup')}</a> · <a href="#/dashboard">${t('dashboard')}</a></p>`);
  const tiles = await counts(new Date());
  const answers = await Promise.all(tiles.map(([, , count]) => count));
  render(
    html`${tiles.map(([label, href], i) => {
      const answer = answers[i]!;
      // What the caller's role may not read is not theirs to work: left out.
      if (typeof answer !== 'string' && (answer.status === 403 || answer.status === 404)) return nothing;
      return html`<li data-count=${label}><a href=${href}>${t(label)}: <strong>${typeof answer === 'string' ? answer : (answer.detail ?? answer.title)}</strong></a></li>`;
    })}`,
    document.getElementById('counts')!,
  );
};
