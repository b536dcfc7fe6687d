// The agenda: my ISO week (or my team's) on the Istanbul calendar, to-dos and callbacks first with
// their due time, overdue ones said in words, each to-do ticked off with the seq it was read at. My
// own page also lists every open to-do past due, whatever week it fell in (paged by the API's cursor).
// Logging a callback is the customer page's; each row links the customer there.
import { html, nothing, type TemplateResult } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { currentLanguage, dateTime, label, type StringKey, t } from '../strings.js';
import { formValues, pagedTable, problemView, show, showProblem } from '../ui.js';

/** What a person's week and a team's week share, and the team's members when it is one. */
type Week = Omit<operations['getAgenda']['responses'][200]['content']['application/json'], 'userId'> & {
  members?: string[];
};
type Entry = Week['entries'][number];

const day = (iso: string) =>
  new Intl.DateTimeFormat(currentLanguage() === 'en' ? 'en-GB' : 'tr-TR', {
    dateStyle: 'medium',
    timeZone: 'Europe/Istanbul',
  }).format(new Date(iso));

/** Open and past its time: said in words, not by colour. */
const overdue = (entry: Entry) => entry.kind === 'todo' && entry.status === 'open' && Date.parse(entry.at) < Date.now();

const statusWord = (entry: Entry) =>
  overdue(entry) ? html`<strong data-overdue>${t('overdueMark')}</strong>` : label('activityStatus', entry.status);

/**
 * A week's page from the agenda the API answered. `link` is the hash the other weeks add `week=` to;
 * `teamLink` offers the team's week too; `above` goes above the week (the team page's team field).
 */
const weekView = async (
  title: StringKey,
  link: string,
  { data: week, error, response }: { data?: Week; error?: unknown; response: Response },
  {
    teamLink = false,
    above,
    overdueList = false,
  }: { teamLink?: boolean; above?: TemplateResult; overdueList?: boolean } = {},
) => {
  const client = await api();
  if (!week) {
    const problem = asProblem(error, response.status);
    show(
      html`<h1>${t(title)}</h1>${above ?? nothing}${problem.errors?.length && above ? nothing : problemView(problem)}`,
    );
    const form = document.querySelector('form');
    if (form && above) showProblem(form, problem);
    return;
  }
  const team = week.members !== undefined;
  /** What a tick-off answered when it was refused, by activity. */
  const refused = new Map<string, string>();
  /** What a tick-off changed, by activity: the week and the overdue list may both show one to-do. */
  const ticked = new Map<string, Pick<Entry, 'status' | 'seq'>>();
  let redrawOverdue = () => {};

  const markDone = async (entry: Entry) => {
    const {
      data,
      error: failed,
      response: answer,
    } = await client.PATCH('/customers/{customerId}/activities/{activityId}', {
      params: { path: { customerId: entry.customerId, activityId: entry.activityId } },
      body: { done: true, ...(entry.seq ? { seq: entry.seq } : {}) },
    });
    if (data) ticked.set(entry.activityId, { status: data.status, seq: data.seq });
    else refused.set(entry.activityId, asProblem(failed, answer.status).detail ?? String(answer.status));
    draw();
    redrawOverdue();
  };

  const row = (read: Entry) => {
    const entry = { ...read, ...ticked.get(read.activityId) };
    return html`<tr data-activity=${entry.activityId}>
    <td>${dateTime(entry.at)}${entry.endsAt ? html` – ${dateTime(entry.endsAt)}` : nothing}</td>
    ${team ? html`<td>${entry.userId}</td>` : nothing}
    <td>${entry.subject ?? ''}${entry.location ? html` · ${t('place')}: ${entry.location}` : nothing}</td>
    <td><a href="#/customers/${entry.customerId}">${t('record')}</a></td>
    <td data-activity-status>${statusWord(entry)}</td>
    <td>${
      refused.has(entry.activityId)
        ? html`<span role="alert">${refused.get(entry.activityId)}</span>`
        : entry.kind === 'todo' && entry.status === 'open'
          ? html`<button type="button" class="outline" @click=${() => markDone(entry)}>${t('markDone')}</button>`
          : nothing
    }</td>
  </tr>`;
  };

  const headings = [t('when'), ...(team ? [t('person')] : []), t('subject'), t('customer'), t('status'), t('markDone')];
  const table = (entries: Entry[]) =>
    entries.length === 0
      ? html`<p>${t('nothing')}</p>`
      : html`<div class="overflow-auto"><table class="striped">
          <thead><tr>${headings.map((h) => html`<th scope="col">${h}</th>`)}</tr></thead>
          <tbody>${entries.map(row)}</tbody>
        </table></div>`;

  const draw = () =>
    show(html`<h1>${t(title)}</h1>${above ?? nothing}
      <p>${t('week')} ${week.week}: ${day(week.from)} – ${day(week.to)}</p>
      <nav aria-label=${t('week')}><ul>
        <li><a href="#${link}week=${week.previous}">← ${t('previousWeek')}</a></li>
        <li><a href="#${link}week=${week.next}">${t('nextWeek')} →</a></li>
        ${teamLink ? html`<li><a href="#/agenda/team?week=${week.week}">${t('teamAgenda')}</a></li>` : nothing}
      </ul></nav>
      ${overdueList ? html`<section aria-labelledby="overdue"><h2 id="overdue">${t('overdue')}</h2><div id="overdue-list" aria-live="polite"></div></section>` : nothing}
      <section aria-labelledby="todos"><h2 id="todos">${t('todosAndCallbacks')}</h2>${table(week.entries.filter((e) => e.kind === 'todo'))}</section>
      <section aria-labelledby="meetings"><h2 id="meetings">${t('meetings')}</h2>${table(week.entries.filter((e) => e.kind !== 'todo'))}</section>`);
  draw();
  if (!overdueList) return;
  await pagedTable(
    document.getElementById('overdue-list')!,
    headings,
    (entry, redraw) => {
      redrawOverdue = redraw;
      return row(entry);
    },
    async (cursor?: string) => {
      const {
        data,
        error: failed,
        response: answer,
      } = await client.GET('/agenda/overdue', { params: { query: { cursor, limit: 20 } } });
      return data ? { items: data.entries, nextCursor: data.nextCursor } : asProblem(failed, answer.status);
    },
  );
};

export const agendaPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const client = await api();
  const week = query.get('week') ?? undefined;
  // The team's week is offered to whom the API shows one: a team's manager, or (asked to name the
  // team, a 400) someone who reaches everyone.
  const [mine, team] = await Promise.all([
    client.GET('/agenda', { params: { query: { week } } }),
    client.GET('/agenda/team', { params: { query: { week } } }),
  ]);
  await weekView('agenda', '/agenda?', mine, {
    teamLink: team.response.ok || team.response.status === 400,
    overdueList: true,
  });
};

export const teamAgendaPage = async (_params: Record<string, string>, query: URLSearchParams) => {
  const client = await api();
  const team = query.get('team') ?? undefined;
  const week = query.get('week') ?? undefined;
  const choose = (event: SubmitEvent) => {
    event.preventDefault();
    const chosen = formValues(event.target as HTMLFormElement).team;
    location.hash = `#/agenda/team?${new URLSearchParams({ ...(chosen ? { team: chosen } : {}), ...(week ? { week } : {}) })}`;
  };
  const above = html`<form role="search" @submit=${choose}>
    <fieldset role="group"><input name="team" aria-label=${t('team')} placeholder=${t('team')} .value=${team ?? ''} /><button type="submit">${t('filter')}</button></fieldset>
  </form>`;
  const answer = await client.GET('/agenda/team', { params: { query: { team, week } } });
  await weekView('teamAgenda', `/agenda/team?${team ? `team=${encodeURIComponent(team)}&` : ''}`, answer, { above });
};
