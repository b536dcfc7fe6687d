// GET /reports/cases?from=&to= — case figures by unit and month opened; GET
// /reports/cases/valuable-complainants — `A` customers who complained in the last 12 months. The
// firm's managers see every unit, a department's people their own, anyone else the cases they opened.

import { viewerOf } from '../../../shared/access.js';
import type { WorkingHours } from '../../../shared/business-hours.js';
import { clockNow } from '../../../shared/clock.js';
import { type Actor, json, route, routes } from '../../../shared/http.js';
import { addMonths, istanbulDate, startOfIstanbulDay } from '../../../shared/time.js';
import { caseListScope } from '../case-access.js';
import { type Case, casesOpenedBetween } from '../case-store.js';
import { hoursOf } from '../cases.js';
import { caseReport, valuableComplainants } from '../domain/case-reports.js';
import { runningTarget } from '../domain/sla.js';
import { elapsedMinutes } from '../domain/sla-clock.js';
import { caseRoutes } from '../manifest.js';

/** The cases opened in the range that the actor reaches. */
const reachedCases = async (actor: Actor, from: string, to: string) => {
  const scope = caseListScope(await viewerOf(actor));
  return (await casesOpenedBetween(from, to)).filter(
    (c) => (!scope.unitId || c.unit.id === scope.unitId) && (!scope.ownerId || c.openedBy === scope.ownerId),
  );
};

const figures = route(caseRoutes.caseReport, async ({ actor, query }) => {
  const now = clockNow();
  // Without a range: this Istanbul month so far.
  const from = query.from ?? startOfIstanbulDay(`${istanbulDate(now).slice(0, 7)}-01`);
  const to = query.to ?? now.toISOString();
  const opened = await reachedCases(actor, from, to);
  const hours = new Map<string, WorkingHours>();
  for (const departmentId of new Set(opened.map((c) => c.departmentId)))
    hours.set(departmentId, await hoursOf(departmentId));
  const overdue = (c: Case) => {
    const target = runningTarget(c.status);
    return target !== undefined && elapsedMinutes(c.sla.clock, now, hours.get(c.departmentId)!) > c.sla.targets[target];
  };
  return json(200, { from, to, rows: caseReport(opened, overdue) });
});

const valuable = route(caseRoutes.valuableComplainants, async ({ actor }) => {
  const now = clockNow();
  const from = startOfIstanbulDay(addMonths(istanbulDate(now), -12));
  const to = now.toISOString();
  return json(200, { from, to, customers: valuableComplainants(await reachedCases(actor, from, to)) });
});

export const handler = routes([figures, valuable]);
