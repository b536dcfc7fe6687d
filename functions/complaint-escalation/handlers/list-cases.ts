// GET /cases?status=&customer=&unit=&owner=&olderThanDays=&breaching=&sort=&limit=&cursor= — a
// department's people see its cases, the firm's managers all, anyone else the cases they opened;
// `customer` narrows to one customer's cases, `unit` and `owner` (who opened it) to a unit's or a
// person's, `olderThanDays` to those opened that long ago, `breaching=today` to those whose running SLA
// target falls due by the end of today (or is missed). Each case carries the business minutes left on
// its running SLA target, in its department's hours, so a list can tell which are near a breach.
// GET /cases/export with the same filter: every case it finds, as CSV through the one CSV writer.

import { viewerOf } from '../../../shared/access.js';
import type { WorkingHours } from '../../../shared/business-hours.js';
import { clockNow } from '../../../shared/clock.js';
import type { CsvColumn } from '../../../shared/csv.js';
import { type Actor, json, route, routes } from '../../../shared/http.js';
import { listExport } from '../../../shared/list-export.js';
import { NotFoundError, ValidationError } from '../../../shared/problems.js';
import type * as z from '../../../shared/schema.js';
import { DAY_MS, istanbulDate, lastInstantOfIstanbulDay } from '../../../shared/time.js';
import type { exportCasesQuery } from '../api-schemas.js';
import { caseListScope } from '../case-access.js';
import { type Case, listCases, listCasesByDue } from '../case-store.js';
import { hoursOf } from '../cases.js';
import { dueBy, minutesLeft } from '../domain/sla.js';
import { caseRoutes } from '../manifest.js';

type ListQuery = Omit<z.output<typeof exportCasesQuery>, 'format'>;

/** The store query a caller's filter stands for, within their reach. */
const filterOf = async (actor: Actor, query: ListQuery) => {
  const { customer, sort, unit, owner, olderThanDays, breaching, status } = query;
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
  const scope = caseListScope(await viewerOf(actor));
  // Outside their reach a unit or a person is not there, as a case they may not see is not.
  if (scope.unitId && unit && unit !== scope.unitId)
    throw new NotFoundError({ en: `The unit ${unit}`, tr: `${unit} birimi` });
  if (scope.ownerId && owner && owner !== scope.ownerId)
    throw new NotFoundError({ en: `The person ${owner}`, tr: `${owner} kişisi` });
  const now = clockNow();
  return {
    sort,
    now,
    breachBy: breaching === 'today' ? new Date(lastInstantOfIstanbulDay(istanbulDate(now))) : undefined,
    store: {
      status,
      customerId: customer,
      unitId: scope.unitId ?? unit,
      ownerId: scope.ownerId ?? owner,
      createdBefore: olderThanDays ? new Date(now.getTime() - olderThanDays * DAY_MS).toISOString() : undefined,
    },
  };
};

/** One page of the filtered list, each case with its minutes left (a breach filter applied per page). */
const pageOf = async (
  { sort, now, breachBy, store }: Awaited<ReturnType<typeof filterOf>>,
  limit: number,
  cursor?: string,
) => {
  const page =
    sort === 'due' ? await listCasesByDue({ ...store, limit, cursor }) : await listCases({ ...store, limit, cursor });
  // One read of working hours per department on the page, however many of its cases are listed.
  const hours = new Map<string, Promise<WorkingHours>>();
  const hoursFor = (departmentId: string) =>
    hours.get(departmentId) ?? hours.set(departmentId, hoursOf(departmentId)).get(departmentId)!;
  const shown = await Promise.all(
    page.cases.map(async (c) => {
      const h = await hoursFor(c.departmentId);
      return breachBy && !dueBy(c.status, c.sla, breachBy, h)
        ? undefined
        : { ...c, sla: { ...c.sla, minutesLeft: minutesLeft(c.status, c.sla, now, h) } };
    }),
  );
  return { cases: shown.filter((c) => c !== undefined), next: page.next };
};
type Row = Case & { sla: { minutesLeft?: number } };

const columns: CsvColumn<Row>[] = [
  { header: 'number', cell: (r) => r.caseNumber },
  { header: 'status', cell: (r) => r.status },
  { header: 'unitId', cell: (r) => r.unit.id },
  { header: 'departmentId', cell: (r) => r.departmentId },
  { header: 'category', cell: (r) => r.category },
  { header: 'priority', cell: (r) => r.priority },
  { header: 'openedBy', cell: (r) => r.openedBy },
  { header: 'minutesLeft', cell: (r) => r.sla.minutesLeft },
  { header: 'createdAt', cell: (r) => r.createdAt },
  { header: 'caseId', cell: (r) => r.caseId },
];

const list = route(caseRoutes.listCases, async ({ actor, query }) => {
  const page = await pageOf(await filterOf(actor, query), query.limit, query.cursor);
  return json(200, { cases: page.cases, nextCursor: page.next });
});

const exportAll = route(caseRoutes.exportCases, async ({ actor, query }, event) => {
  const filter = await filterOf(actor, query);
  return listExport({
    event,
    format: query.format,
    name: 'cases',
    columns,
    page: async (cursor, limit) => {
      const page = await pageOf(filter, limit, cursor);
      return { items: page.cases.map((c) => ({ ...c, number: c.caseNumber })), next: page.next };
    },
  });
});

export const handler = routes([list, exportAll]);
