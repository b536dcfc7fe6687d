// GET /reports/cases?from=&to= — case figures by unit and month opened. The firm's managers see every
// unit, a department's people their own, anyone else the cases they opened.
import { viewerOf } from '../../../shared/access.js';
import type { WorkingHours } from '../../../shared/business-hours.js';
import { json, route } from '../../../shared/http.js';
import { startOfIstanbulDay, istanbulDate } from '../../../shared/time.js';
import { caseListScope } from '../case-access.js';
import { type Case, casesOpenedBetween } from '../case-store.js';
import { hoursOf } from '../cases.js';
import { caseReport } from '../domain/case-reports.js';
import { runningTarget } from '../domain/sla.js';
import { elapsedMinutes } from '../domain/sla-clock.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.caseReport, async ({ actor, query }) => {
  const scope = caseListScope(await viewerOf(actor));
  const now = new Date();
  // Without a range: this Istanbul month so far.
  const from = query.from ?? startOfIstanbulDay(`${istanbulDate(now).slice(0, 7)}-01`);
  const to = query.to ?? now.toISOString();
  const opened = (await casesOpenedBetween(from, to)).filter(
    (c) => (!scope.unitId || c.unit.id === scope.unitId) && (!scope.ownerId || c.openedBy === scope.ownerId),
  );
  const hours = new Map<string, WorkingHours>();
  for (const departmentId of new Set(opened.map((c) => c.departmentId))) hours.set(departmentId, await hoursOf(departmentId));
  const overdue = (c: Case) => {
    const target = runningTarget(c.status);
    return target !== undefined && elapsedMinutes(c.sla.clock, now, hours.get(c.departmentId)!) > c.sla.targets[target];
  };
  return json(200, { from, to, rows: caseReport(opened, overdue) });
});
