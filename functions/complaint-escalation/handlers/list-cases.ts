// GET /cases?status=&customer=&sort=&limit=&cursor= — a department's people see its cases, the firm's
// managers all, anyone else the cases they opened; `customer` narrows to one customer's cases. Each
// case carries the business minutes left on its running SLA target, in its department's hours, so a
// list can tell which cases are near a breach without knowing working hours or holidays.

import { viewerOf } from '../../../shared/access.js';
import type { WorkingHours } from '../../../shared/business-hours.js';
import { clockNow } from '../../../shared/clock.js';
import { json, route } from '../../../shared/http.js';
import { ValidationError } from '../../../shared/problems.js';
import { caseListScope } from '../case-access.js';
import { listCases, listCasesByDue } from '../case-store.js';
import { hoursOf } from '../cases.js';
import { minutesLeft } from '../domain/sla.js';
import { caseRoutes } from '../manifest.js';

export const handler = route(caseRoutes.listCases, async ({ actor, query }) => {
  const { customer, sort, ...rest } = query;
  const scope = caseListScope(await viewerOf(actor));
  if (sort === 'due' && customer !== undefined) {
    throw new ValidationError([
      {
        path: 'sort',
        message: {
          en: "One customer's cases are listed newest first; leave out sort=due or customer.",
          tr: 'Bir müşterinin vakaları en yeniden listelenir; sort=due ya da customer parametresini çıkarın.',
        },
      },
    ]);
  }
  const page =
    sort === 'due'
      ? await listCasesByDue({ ...rest, ...scope })
      : await listCases({ ...rest, customerId: customer, ...scope });
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
