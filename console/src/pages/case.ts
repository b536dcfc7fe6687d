// A case as its department works it: subject, customer, priority, the SLA targets and the clock as
// of now in the department's business minutes (the API computes it: only it knows the hours), the
// escalation level, the moves its status allows (each with the seq read) and its history.
import { html, nothing } from 'lit';
import { api, asProblem } from '../api.js';
import type { operations } from '../api-types.js';
import { dateTime, label, type StringKey, t } from '../strings.js';
import { problemView, show, statusView } from '../ui.js';
import { type HistoryRow, historyTable, movesForm } from './record-forms.js';

type CaseMove = operations['getCase']['responses'][200]['content']['application/json']['allowedMoves'][number];
type CaseStatus = CaseMove['to'];

const actionLabels: Record<CaseMove['action'], StringKey> = {
  acknowledge: 'acknowledge',
  start: 'startWork',
  askCustomer: 'askCustomer',
  customerAnswered: 'customerAnswered',
  resolve: 'resolve',
  close: 'close',
  reopen: 'reopen',
};
const levels: StringKey[] = ['levelAgent', 'levelSupervisor', 'levelManager'];

/** One button per status the caller may move the case to (two actions reaching one status make one button). */
const nextMoves = (allowed: CaseMove[]) => {
  const byTarget = new Map<string, StringKey>();
  for (const { action, to } of allowed) if (!byTarget.has(to)) byTarget.set(to, actionLabels[action]);
  return [...byTarget].map(([to, label]) => ({ to, label }));
};

export const casePage = async ({ caseId }: Record<string, string>) => {
  const client = await api();
  const { data: c, error, response } = await client.GET('/cases/{caseId}', { params: { path: { caseId: caseId! } } });
  if (!c) return show(html`<h1>${t('case')}</h1>${problemView(asProblem(error, response.status))}`);
  const send = async (to: string, note?: string) => {
    const answer = await client.POST('/cases/{caseId}/status', {
      params: { path: { caseId: c.caseId } },
      body: { to: to as CaseStatus, seq: c.seq, note },
    });
    if (answer.error) return asProblem(answer.error, answer.response.status);
    await casePage({ caseId: c.caseId });
    return undefined;
  };
  const { clock, sla } = c;
  const targetName = (target: 'firstResponse' | 'resolution') =>
    t(target === 'firstResponse' ? 'firstResponse' : 'resolution');
  show(html`<h1>${t('case')} ${c.caseNumber}: ${c.subject}</h1>
    <p>${t('status')}: ${statusView('caseStatus', c.status)} · <a href="#/customers/${c.customerId}">${t('record')}</a>
      · ${t('priority')}: <span data-priority=${c.priority}>${label('priority', c.priority)}</span>
      · ${t('category')}: <span data-category=${c.category}>${label('caseCategory', c.category)}</span>
      · ${c.unit.id}</p>
    <p>${t('escalation')}: <strong data-escalation>${sla.escalationLevel} (${t(levels[sla.escalationLevel] ?? 'levelManager')})</strong></p>
    <h2>${t('slaTargets')}</h2>
    <p>${t('firstResponse')}: ${sla.targets.firstResponse} · ${t('resolution')}: ${sla.targets.resolution} (${sla.segment})</p>
    ${
      clock
        ? html`<section data-sla-clock aria-labelledby="clock-heading">
          <h2 id="clock-heading">${t('slaClock')}: ${targetName(clock.target)}</h2>
          <p>${t('elapsed')}: ${clock.elapsedMinutes} / ${clock.targetMinutes} · ${t('businessLeft')}:
            <strong data-left>${clock.targetMinutes - clock.elapsedMinutes}</strong>${
              clock.elapsedMinutes > clock.targetMinutes ? html` · <strong>${t('breached')}</strong>` : nothing
            }</p>
          <p>${
            clock.dueAt
              ? html`${t('dueBy')}: <time datetime=${clock.dueAt}>${dateTime(clock.dueAt)}</time>`
              : t('clockPaused')
          }</p>
        </section>`
        : nothing
    }
    ${c.description ? html`<p>${c.description}</p>` : nothing}
    ${movesForm(nextMoves(c.allowedMoves), send)}
    ${historyTable('caseStatus', c.history as HistoryRow[])}`);
};
