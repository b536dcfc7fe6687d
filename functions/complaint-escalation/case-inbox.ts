// A unit's active cases as its inbox shows them: each with when its running SLA target falls due (in
// the department's working hours), the business minutes left, and the moves the reader's role may make.
import type { Role } from '../../shared/http.js';
import { collectPages } from '../../shared/query.js';
import { listCases } from './case-store.js';
import { hoursOf } from './cases.js';
import { caseLifecycle } from './domain/case-lifecycle.js';
import { minutesLeft, runningTarget } from './domain/sla.js';
import { dueAt } from './domain/sla-clock.js';

const PAGE = 100;

export const unitCases = async (unitId: string, role: Role, now: Date, max = 500) => {
  const found = await collectPages(async (cursor) => {
    const page = await listCases({ unitId, limit: PAGE, cursor });
    return { items: page.cases, next: page.next };
  }, max);
  return Promise.all(
    found.map(async (c) => {
      const hours = await hoursOf(c.departmentId);
      const target = runningTarget(c.status);
      const due = target ? dueAt(c.sla.clock, c.sla.targets[target], hours) : undefined;
      return {
        case: c,
        dueAt: due?.toISOString(),
        minutesLeft: minutesLeft(c.status, c.sla, now, hours),
        allowedMoves: caseLifecycle.movesFor(c.status, role),
      };
    }),
  );
};
