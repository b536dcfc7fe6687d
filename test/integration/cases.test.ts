// Cases against DynamoDB Local: intake once per Idempotency-Key, the customer matched or created,
// and the SLA sweep acting once per step however many sweeps overlap (an injected clock).

import { QueryCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import {
  casesOpenedBetween,
  getCase,
  getCaseHistory,
  listCases,
} from '../../functions/complaint-escalation/case-store.js';
import { changeCaseStatus, openCase, sweepCaseSla } from '../../functions/complaint-escalation/cases.js';
import { type CaseIntake, caseIntakeSchema } from '../../functions/complaint-escalation/domain/case-input.js';
import { valuableComplainants } from '../../functions/complaint-escalation/domain/case-reports.js';
import { complaintEscalationKeys } from '../../functions/complaint-escalation/keys.js';
import type { Viewer } from '../../shared/access.js';
import { customers, profileItem } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { scanAll } from '../support/scan.js';

/** The call center reaches every customer; a rep only those they own. */
const callCenter: Viewer = {
  actor: { keyId: 'key-1', userId: 'agent-1', role: 'agent', scopes: ['cases:write'] },
  reach: 'all',
};
const repMehmet: Viewer = {
  actor: { keyId: 'key-3', userId: 'rep-mehmet', role: 'rep', scopes: ['cases:write'] },
  reach: 'own',
};

const unique = () => Math.random().toString(36).slice(2, 10);
const intake = (fields: Record<string, unknown>): CaseIntake =>
  caseIntakeSchema.parse({
    type: 'complaint',
    category: 'billing',
    channel: 'phone',
    subject: 'Fatura iki kez kesildi',
    ...fields,
  });
/** An Istanbul wall-clock time as an instant. */
const ist = (local: string) => new Date(`${local}:00+03:00`);

const eventsFor = async (caseId: string) =>
  await scanAll({
    FilterExpression: '#type = :outbox AND detail.caseId = :caseId',
    ExpressionAttributeNames: { '#type': 'type' },
    ExpressionAttributeValues: { ':outbox': 'outbox', ':caseId': caseId },
  });

const casesOf = async (customerId: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk AND begins_with(sk, :case)',
        FilterExpression: '#type = :type',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':pk': keys.customerPartition(customerId),
          ':case': complaintEscalationKeys.casesPrefix(),
          ':type': 'case',
        },
      }),
    )
  ).Items ?? [];

const knownCustomer = async (extra: Record<string, unknown>) => {
  const customerId = newId();
  const at = new Date().toISOString();
  const [put] = customers.createItems({
    customerId,
    name: 'Deneme Müşteri',
    language: 'en',
    createdAt: at,
    updatedAt: at,
  });
  await transact([{ Put: { ...put!.Put!, Item: { ...put!.Put!.Item, ...extra } } }]);
  return customerId;
};

describe('opening cases', () => {
  it('creates the customer from contact details and opens one case per Idempotency-Key', async () => {
    const key = `case-${unique()}`;
    const request = intake({ contact: { name: 'Ali Deneme', email: `ali-${unique()}@example.com` } });
    const input = {
      intake: request,
      actorId: 'agent-1',
      viewer: callCenter,
      route: 'POST /cases',
      caller: 'key-1',
      idempotencyKey: key,
    };
    const [first, second] = await Promise.all([openCase(input), openCase(input)]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      status: 'open',
      departmentId: 'dept-finance',
      unit: { type: 'department', id: 'dept-finance' },
    });
    const stored = await getCase(first.caseId);
    expect(stored).toMatchObject({ caseType: 'complaint', category: 'billing', status: 'open', seq: 1 });
    expect(await casesOf(stored!.customerId)).toHaveLength(1);
    expect((await eventsFor(first.caseId)).map((e) => e.detailType)).toEqual(['CaseOpened']);
    // The same key with another body is refused; another caller's same key is another request.
    await expect(openCase({ ...input, intake: { ...request, subject: 'Başka' } })).rejects.toMatchObject({
      code: 'idempotency-key-reused',
    });
    const other = await openCase({ ...input, caller: 'key-2' });
    expect(other.caseId).not.toBe(first.caseId);
    expect(other.caseNumber).toMatch(/^\d{6}-[0-9A-Z]{6}$/);
  });

  it("routes a dealer matter to the customer's preferred dealer and tightens an A customer's targets", async () => {
    const customerId = await knownCustomer({ segment: 'A', preferredDealerId: 'dealer-izmir', region: 'İç Anadolu' });
    const opened = await openCase({
      intake: intake({ category: 'service', priority: 'urgent', customerId }),
      actorId: 'agent-1',
      viewer: callCenter,
      route: 'POST /cases',
      caller: 'key-1',
    });
    expect(opened.unit).toEqual({ type: 'dealer', id: 'dealer-izmir' });
    const stored = await getCase(opened.caseId);
    expect(stored).toMatchObject({
      language: 'en',
      sla: { segment: 'A', targets: { firstResponse: 30, resolution: 270 } },
    });
    // The complaint puts the customer on the list of valuable complainants, read from the cases opened.
    const opened12Months = await casesOpenedBetween(
      new Date(Date.now() - 365 * 24 * 3600 * 1000).toISOString(),
      new Date().toISOString(),
    );
    expect(valuableComplainants(opened12Months)).toContainEqual(
      expect.objectContaining({ customerId, complaints: 1, active: 1 }),
    );
  });

  it('refuses an unknown customer id', async () => {
    await expect(
      openCase({
        intake: intake({ customerId: newId() }),
        actorId: 'agent-1',
        viewer: callCenter,
        route: 'POST /cases',
        caller: 'key-1',
      }),
    ).rejects.toMatchObject({
      code: 'customer-not-found',
    });
  });

  it('finds the customer of a phone given in another spelling: one customer, both cases in its partition', async () => {
    const digits = String(Math.floor(1_000_000 + Math.random() * 8_999_999));
    const open = (phone: string) =>
      openCase({
        intake: intake({ contact: { name: 'Arayan Kişi', phone } }),
        actorId: 'agent-1',
        viewer: callCenter,
        route: 'POST /cases',
        caller: 'key-1',
      });
    const first = await open(`0 (532) ${digits.slice(0, 3)} ${digits.slice(3, 5)} ${digits.slice(5)}`);
    const second = await open(`+90532${digits}`);
    const [a, b] = [await getCase(first.caseId), await getCase(second.caseId)];
    expect(b!.customerId).toBe(a!.customerId);
    expect(await profileItem(a!.customerId)).toMatchObject({ phone: `+90532${digits}` });
    expect(await casesOf(a!.customerId)).toHaveLength(2);
  });

  it('refuses the id of a customer the caller may not see exactly as an unknown one, writing nothing', async () => {
    const customerId = await knownCustomer({ ownerIds: new Set(['rep-ayse']) });
    const by = (id: string) =>
      openCase({
        intake: intake({ customerId: id }),
        actorId: 'rep-mehmet',
        viewer: repMehmet,
        route: 'POST /cases',
        caller: 'key-3',
      });
    const [unseen, unknown] = await Promise.allSettled([by(customerId), by(newId())]);
    expect(unseen.status).toBe('rejected');
    const [a, b] = [(unseen as PromiseRejectedResult).reason, (unknown as PromiseRejectedResult).reason];
    expect([a.status, a.code, a.errors, a.detail]).toEqual([b.status, b.code, b.errors, b.detail]);
    expect([a.status, a.code, a.errors[0].path]).toEqual([422, 'customer-not-found', 'customerId']);
    expect(await casesOf(customerId)).toHaveLength(0);
  });

  it('attaches a case matched by contact to the customer without making its unit an owner, and keeps the contact given', async () => {
    const email = `eslesen-${unique()}@example.com`;
    const first = await openCase({
      intake: intake({ category: 'delivery', contact: { name: 'İlk Açan', email } }),
      actorId: 'web',
      viewer: undefined,
      route: 'POST /cases/web',
      caller: 'public',
    });
    const customerId = (await getCase(first.caseId))!.customerId;
    // The customer the case created has no owner: not the department it went to.
    expect((await profileItem(customerId))?.ownerIds).toBeUndefined();
    const matched = await openCase({
      intake: intake({ category: 'billing', contact: { name: 'Başka Ad', email, phone: '0532 111 22 33' } }),
      actorId: 'mgr-hakan',
      viewer: repMehmet,
      route: 'POST /cases',
      caller: 'key-4',
    });
    const stored = await getCase(matched.caseId);
    expect(stored).toMatchObject({
      customerId,
      unit: { id: 'dept-finance' },
      contact: { name: 'Başka Ad', email, phone: '0532 111 22 33' },
    });
    expect(await casesOf(customerId)).toHaveLength(2);
    const profile = await profileItem(customerId);
    expect([profile?.ownerIds, profile?.teamIds]).toEqual([undefined, undefined]);
  });
});

describe('listing cases', () => {
  it("lists a customer's cases of every status, and a unit's active ones, filtered by what the viewer reaches", async () => {
    const customerId = await knownCustomer({});
    const open = (category: string) =>
      openCase({
        intake: intake({ category, customerId }),
        actorId: 'agent-2',
        viewer: callCenter,
        route: 'POST /cases',
        caller: 'key-1',
      });
    const billing = await open('billing');
    const delivery = await open('delivery');
    const actor = { actorId: 'agent-2', via: 'api' as const };
    const acknowledged = await changeCaseStatus((await getCase(billing.caseId))!, 'acknowledged', actor);
    await changeCaseStatus(acknowledged, 'resolved', actor);

    const ids = async (query: Parameters<typeof listCases>[0]) =>
      (await listCases(query)).cases.map((c) => c.caseId).sort();
    expect(await ids({ customerId, limit: 10 })).toEqual([billing.caseId, delivery.caseId].sort());
    expect(await ids({ customerId, status: 'resolved', limit: 10 })).toEqual([billing.caseId]);
    expect(await ids({ customerId, unitId: 'dept-logistics', limit: 10 })).toEqual([delivery.caseId]);
    expect(await ids({ customerId, ownerId: 'agent-3', limit: 10 })).toEqual([]);
    // A unit's list holds its active cases unless a status is named.
    const finance = await ids({ unitId: 'dept-finance', limit: 100 });
    expect(finance).not.toContain(billing.caseId);
    expect(await ids({ unitId: 'dept-finance', status: 'resolved', limit: 100 })).toContain(billing.caseId);
  });
});

describe('the SLA sweep', () => {
  const escalations = async (caseId: string) => {
    const stored = await getCase(caseId);
    return (await getCaseHistory(stored!)).map((move) => move.action);
  };

  it('warns, then escalates one level at a time, each once, with two sweeps overlapping', async () => {
    // An urgent case of a B customer opened Monday 09:00: warn at 09:48, supervisor at 10:00, manager at 10:30.
    const opened = await openCase(
      {
        intake: intake({ priority: 'urgent', customerId: await knownCustomer({}) }),
        actorId: 'agent-1',
        viewer: callCenter,
        route: 'POST /cases',
        caller: 'key-1',
      },
      ist('2026-11-30T09:00'),
    );
    const both = (now: Date) => Promise.all([sweepCaseSla(now), sweepCaseSla(now)]);

    await both(ist('2026-11-30T09:47'));
    expect(await escalations(opened.caseId)).toEqual([]);
    await both(ist('2026-11-30T10:05'));
    expect(await escalations(opened.caseId)).toEqual(['warn:firstResponse']);
    await both(ist('2026-11-30T10:05'));
    await both(ist('2026-11-30T10:05'));
    expect(await escalations(opened.caseId)).toEqual(['warn:firstResponse', 'escalate:supervisor']);
    await both(ist('2026-11-30T10:31'));
    await both(ist('2026-11-30T23:00'));
    expect(await escalations(opened.caseId)).toEqual(['warn:firstResponse', 'escalate:supervisor', 'escalate:manager']);
    const events = (await eventsFor(opened.caseId)).map((e) => [e.detailType, e.detail.level ?? e.detail.target]);
    expect(events.sort()).toEqual([
      ['CaseEscalated', 'manager'],
      ['CaseEscalated', 'supervisor'],
      ['CaseOpened', undefined],
      ['CaseSlaWarning', 'firstResponse'],
    ]);
    expect((await getCase(opened.caseId))?.sla.escalationLevel).toBe(2);
  });

  it('does nothing while the case waits for the customer, and counts on from the answer', async () => {
    const opened = await openCase(
      {
        intake: intake({ priority: 'urgent', customerId: await knownCustomer({}) }),
        actorId: 'agent-1',
        viewer: callCenter,
        route: 'POST /cases',
        caller: 'key-1',
      },
      ist('2026-11-30T09:00'),
    );
    const actor = { actorId: 'agent-1', via: 'api' as const };
    let current = (await getCase(opened.caseId))!;
    current = await changeCaseStatus(current, 'acknowledged', actor, ist('2026-11-30T09:10'));
    current = await changeCaseStatus(current, 'waiting_customer', actor, ist('2026-11-30T10:10'));
    expect(current.sla.clock).toEqual({ bankedMinutes: 70 });
    expect(current.firstResponseMinutes).toBe(10);
    await sweepCaseSla(ist('2026-12-04T17:00'));
    expect(await escalations(opened.caseId)).toEqual(['acknowledge', 'askCustomer']);
    // Resolution target 540 minutes, warned at 432: 362 still to run from Monday 09:00 → 15:02.
    current = await changeCaseStatus(current, 'in_progress', actor, ist('2026-12-07T09:00'));
    await sweepCaseSla(ist('2026-12-07T15:01'));
    expect(await escalations(opened.caseId)).toEqual(['acknowledge', 'askCustomer', 'customerAnswered']);
    await sweepCaseSla(ist('2026-12-07T15:02'));
    expect(await escalations(opened.caseId)).toEqual([
      'acknowledge',
      'askCustomer',
      'customerAnswered',
      'warn:resolution',
    ]);
  });
});
