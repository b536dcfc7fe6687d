// GET /cases/{caseId} — the case with its history and its SLA clock as of now (in the department's
// business hours, which only the server knows). A case the caller may not see is "not found".

import { viewerOf } from '../../../shared/access.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { caseVisibleTo } from '../case-access.js';
import { type Case, getCaseHistory } from '../case-store.js';
import { hoursOf } from '../cases.js';
import { caseLifecycle } from '../domain/case-lifecycle.js';
import { runningTarget } from '../domain/sla.js';
import { dueAt, elapsedMinutes } from '../domain/sla-clock.js';
import { caseRoutes } from '../manifest.js';

/** The target the clock runs for, or (paused while waiting for the customer) the one it will resume; none once done. */
const clockOf = async (c: Case, now: Date) => {
  const target = runningTarget(c.status) ?? (c.status === 'waiting_customer' ? 'resolution' : undefined);
  if (!target) return undefined;
  const hours = await hoursOf(c.departmentId);
  const targetMinutes = c.sla.targets[target];
  const due = dueAt(c.sla.clock, targetMinutes, hours);
  return {
    target,
    targetMinutes,
    elapsedMinutes: elapsedMinutes(c.sla.clock, now, hours),
    running: c.sla.clock.runningSince !== undefined,
    ...(due ? { dueAt: due.toISOString() } : {}),
  };
};

export const handler = route(caseRoutes.getCase, async ({ actor, params }) => {
  const found = await caseVisibleTo(await viewerOf(actor), params.caseId);
  const clock = await clockOf(found, clockNow());
  const allowedMoves = caseLifecycle.movesFor(found.status, actor.role);
  return json(200, { ...found, history: await getCaseHistory(found), ...(clock ? { clock } : {}), allowedMoves });
});
