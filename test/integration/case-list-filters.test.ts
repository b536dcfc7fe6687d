// The cases list as a manager filters it, against DynamoDB Local through the list's handler: by unit,
// by who opened them, by age ("older than 2 days") and by today's SLA breaches, in either order, page
// by page, and exported with the same filter; a bad filter value is a 400 naming its parameter.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cases as caseEntity, getCase } from '../../functions/complaint-escalation/case-store.js';
import { changeCaseStatus, openCase } from '../../functions/complaint-escalation/cases.js';
import { caseIntakeSchema } from '../../functions/complaint-escalation/domain/case-input.js';
import { handler } from '../../functions/complaint-escalation/handlers/list-cases.js';
import { complaintEscalationKeys as caseKeys } from '../../functions/complaint-escalation/keys.js';
import type { Viewer } from '../../shared/access.js';
import { setClock } from '../../shared/clock.js';
import { customers } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { getThrough } from '../support/handler-get.js';

const DAY_MS = 24 * 3600 * 1000;
/** A Monday morning in Istanbul: an urgent case's first hour and a normal one's four end today. */
const NOW = new Date('2026-12-07T10:00:00+03:00');
const opener = `agent-${Math.random().toString(36).slice(2, 10)}`;
const director = { userId: 'dir-cases', role: 'director', scopes: 'cases:read' };
const callCenter: Viewer = {
  actor: { keyId: 'key-1', userId: opener, role: 'agent', scopes: ['cases:write'] },
  reach: 'all',
};

const ask = (path: string, query: Record<string, string>, who = director) => getThrough(handler, path, query, who);

/** Every case the list gives for the filter, page by page (`limit` a page). */
const listAll = async (query: Record<string, string>, limit = 2) => {
  const ids: string[] = [];
  let cursor: string | undefined;
  do {
    const answer = await ask('/cases', { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(answer.status).toBe(200);
    const page = answer.json() as { cases: { caseId: string }[]; nextCursor?: string };
    ids.push(...page.cases.map((c) => c.caseId));
    cursor = page.nextCursor;
  } while (cursor);
  return ids;
};

const open = async (customerId: string, category: string, priority: string) =>
  (
    await openCase(
      {
        intake: caseIntakeSchema.parse({
          type: 'complaint',
          category,
          priority,
          channel: 'phone',
          subject: 'Liste',
          customerId,
        }),
        actorId: opener,
        viewer: callCenter,
        route: 'POST /cases',
        caller: 'key-1',
      },
      NOW,
    )
  ).caseId;

/** Moves a case's opening back by `days` (its index keys with it), as if it had waited that long. */
const backdate = async (caseId: string, days: number) => {
  const c = (await getCase(caseId))!;
  const createdAt = new Date(NOW.getTime() - days * DAY_MS).toISOString();
  const byUnit = caseKeys.casesByUnit(c.unit.id, createdAt, caseId);
  const byStatus = caseKeys.casesByStatus(c.status, createdAt, caseId);
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: caseEntity.key(c),
      UpdateExpression: 'SET createdAt = :at, gsi1sk = :unitSk, gsi2sk = :statusSk',
      ExpressionAttributeValues: { ':at': createdAt, ':unitSk': byUnit.gsi1sk, ':statusSk': byStatus.gsi2sk },
    }),
  );
};

let urgent: string;
let worked: string;
let waiting: string;
beforeAll(async () => {
  setClock(NOW);
  const customerId = newId();
  const [put] = customers.createItems({
    customerId,
    name: 'Liste Müşteri',
    language: 'tr',
    createdAt: NOW.toISOString(),
    updatedAt: NOW.toISOString(),
  } as never);
  await transact([put!]);
  // Billing goes to finance, delivery to logistics. The worked case's clock runs for resolution (days).
  urgent = await open(customerId, 'billing', 'urgent');
  worked = await open(customerId, 'delivery', 'normal');
  await changeCaseStatus((await getCase(worked))!, 'acknowledged', { actorId: opener, via: 'api' }, NOW);
  waiting = await open(customerId, 'billing', 'normal');
  await backdate(waiting, 3);
});
afterAll(() => setClock(undefined));

describe('the cases list, filtered', () => {
  it('by who opened them, newest first, the same whatever the page size', async () => {
    expect(await listAll({ owner: opener }, 1)).toEqual(await listAll({ owner: opener }, 25));
    const all = await listAll({ owner: opener });
    expect(new Set(all)).toEqual(new Set([urgent, worked, waiting]));
    expect(all.at(-1)).toBe(waiting);
  });

  it('by unit and by age, on both sides of the age boundary', async () => {
    expect(new Set(await listAll({ owner: opener, unit: 'dept-finance' }))).toEqual(new Set([urgent, waiting]));
    expect(await listAll({ owner: opener, unit: 'dept-logistics' })).toEqual([worked]);
    expect(await listAll({ owner: opener, olderThanDays: '2' })).toEqual([waiting]);
    expect(await listAll({ owner: opener, olderThanDays: '3' })).toEqual([waiting]);
    expect(await listAll({ owner: opener, olderThanDays: '4' })).toEqual([]);
    expect(await listAll({ unit: 'dept-finance', olderThanDays: '2', status: 'open', owner: opener })).toEqual([
      waiting,
    ]);
    expect(await listAll({ unit: 'dept-logistics', olderThanDays: '2', owner: opener })).toEqual([]);
  });

  it("by today's breaches: a first response due today is, a resolution days away is not", async () => {
    expect(new Set(await listAll({ owner: opener, breaching: 'today' }))).toEqual(new Set([urgent, waiting]));
    // Soonest due first: the urgent hour before the normal four.
    expect(await listAll({ owner: opener, breaching: 'today', sort: 'due' }, 100)).toEqual([urgent, waiting]);
    // Tomorrow evening the worked case's resolution (3 working days) is still not due that day.
    setClock(new Date(NOW.getTime() + DAY_MS));
    const tomorrow = await listAll({ owner: opener, breaching: 'today' });
    expect([tomorrow.includes(urgent), tomorrow.includes(worked)]).toEqual([true, false]);
    setClock(NOW);
  });

  it('exports what the list shows, as CSV or JSON', async () => {
    const filter = { owner: opener, unit: 'dept-finance', breaching: 'today' };
    const json = await ask('/cases/export', { ...filter, format: 'json' });
    expect(json.status).toBe(200);
    const exported = (json.json() as { cases: { caseId: string; number: string }[] }).cases;
    expect(exported.map((c) => c.caseId)).toEqual(await listAll(filter));
    const csv = await ask('/cases/export', filter);
    expect(csv.status).toBe(200);
    const [header, ...rows] = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n')
      .map((l) => l.split(','));
    expect(header).toEqual([
      'number',
      'status',
      'unitId',
      'departmentId',
      'category',
      'priority',
      'openedBy',
      'minutesLeft',
      'createdAt',
      'caseId',
    ]);
    expect(rows.map((r) => [r[9], r[2], r[6]])).toEqual(exported.map((c) => [c.caseId, 'dept-finance', opener]));
    expect(rows.find((r) => r[9] === urgent)![7]).toBe('60');
  });

  it('refuses a bad filter value as a 400 naming its parameter, on the list and on the export', async () => {
    for (const [path, query, field] of [
      ['/cases', { olderThanDays: '0' }, 'olderThanDays'],
      ['/cases/export', { olderThanDays: '1.5' }, 'olderThanDays'],
      ['/cases', { breaching: 'tomorrow' }, 'breaching'],
      ['/cases/export', { unit: '' }, 'unit'],
      ['/cases/export', { format: 'xlsx' }, 'format'],
    ] as const) {
      const answer = await ask(path, query);
      expect(answer.status, `${path} ${JSON.stringify(query)}`).toBe(400);
      expect((answer.json() as { errors: { path: string }[] }).errors.map((e) => e.path)).toEqual([field]);
    }
    // Someone who lists only their own cases asking for another's is told there is no such person.
    const rep = { userId: 'rep-cases', role: 'rep', scopes: 'cases:read' };
    expect((await ask('/cases', { owner: opener }, rep)).status).toBe(404);
    expect((await ask('/cases', { owner: 'rep-cases' }, rep)).status).toBe(200);
  });
});
