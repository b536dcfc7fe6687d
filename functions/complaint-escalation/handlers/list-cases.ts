// GET /cases?status=&customer=&limit=&cursor= — a department's people see its cases, the firm's
// managers all, anyone else the cases they opened; `customer` narrows to one customer's cases. Each
// case carries the business minutes left on its running SLA target, in its department's hours, so a
// list can tell which cases are near a breach without knowing working hours or holidays.

import { viewerOf } from '../../../shared/access.js';
import type { WorkingHours } from '../../../shared/business-hours.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { caseListScope } from '../case-access.js';
import { listCases } from '../case-store.js';
import { hoursOf } from '../cases.js';
import { minutesLeft } from '../domain/sla.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.listCases, async ({ actor, query }) => {
  const { customer, ...rest } = query;
  const page = await listCases({ ...rest, customerId: customer, ...caseListScope(await viewerOf(actor)) });
  const now = clockNow();
  // One read of working hours per department on the page, however many of its cases are listed.
  const hours = new Map<string, Promise<WorkingHours>>();
  const hoursFor = (departmentId: string) =>
    hours.get(departmentId) ?? hours.set(departmentId, hoursOf(departmentId)).get(departmentId)!;
  const cases = await Promise.all(
    page.cases.map(async (c) => ({
      ...c,
      sla: { ...c.sla, minutesLeft: minutesLeft(c.status, c.sla, now, await hoursFor(c.departmentId)) },
    })),
  );
  return json(200, { cases, nextCursor: page.next });
});
