// Call-center requests against DynamoDB Local and the local SES endpoint: one request (and one draft
// quote) per Idempotency-Key however duplicates race, the dealer made an owner of the customer, the
// dealer's people mailed once however often the event comes, and the dealer's guarded moves.
import type { AddressInfo, Server } from 'node:net';
import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import sesModule from 'aws-ses-v2-local';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mailDealer } from '../../functions/call-center/dealer-mail.js';
import { createRequestSchema } from '../../functions/call-center/domain/request-input.js';
import { requestRoutes } from '../../functions/call-center/manifest.js';
import type { OwnedCustomer } from '../../functions/call-center/request-access.js';
import { getRequest, getRequestHistory, listRequests } from '../../functions/call-center/request-store.js';
import { actOnRequest, recordRequest, remindUnaccepted } from '../../functions/call-center/requests.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { dayKind } from '../../shared/business-hours.js';
import { customers } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import { oncePerCaller } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { scanAll } from '../support/scan.js';

const server = ((sesModule as { default?: unknown }).default ?? sesModule) as (config: {
  port: number;
  host?: string;
}) => Promise<Server>;
let ses: Server;
let sesUrl: string;

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
  ses = await server({ port: 0, host: '127.0.0.1' });
  sesUrl = `http://127.0.0.1:${(ses.address() as AddressInfo).port}`;
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_SES: sesUrl,
    MAIL_FROM: 'Pusula CRM <crm@example.com>',
    PUBLIC_BASE_URL: 'https://crm.example.com',
  });
});
afterAll(() => new Promise<void>((resolve) => ses.close(() => resolve())));

/** A customer in Ankara who prefers the Ankara dealer, owned by the given people. */
const customer = async (ownerIds: string[], city = 'Ankara'): Promise<OwnedCustomer> => {
  const customerId = newId();
  const at = new Date().toISOString();
  const profile = {
    customerId,
    name: 'Deniz Deneme',
    email: `talep-${customerId.toLowerCase()}@example.com`,
    phone: '+905321112233',
    city,
    preferredDealerId: 'dealer-ankara',
    language: 'tr' as const,
    createdAt: at,
    updatedAt: at,
  };
  const [put] = customers.createItems(profile);
  await transact([
    { Put: { ...put!.Put!, Item: { ...put!.Put!.Item, ...(ownerIds.length ? { ownerIds: new Set(ownerIds) } : {}) } } },
  ]);
  return { ...profile, ownerIds: new Set(ownerIds) };
};

const partition = async (customerId: string) =>
  (
    await db().send(
      new QueryCommand({
        TableName: tableName(),
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.customerPartition(customerId) },
      }),
    )
  ).Items ?? [];

const outbox = async (detailType: string, field: string, id: string) =>
  await scanAll({
    FilterExpression: '#type = :outbox AND detailType = :dt AND detail.#field = :id',
    ExpressionAttributeNames: { '#type': 'type', '#field': field },
    ExpressionAttributeValues: { ':outbox': 'outbox', ':dt': detailType, ':id': id },
  });

const storedTo = async (address: string, marker: string) => {
  const store = (await (await fetch(`${sesUrl}/store`)).json()) as {
    emails: { destination: { to: string[] }; subject: string; body: { text?: string } }[];
  };
  return store.emails.filter((m) => m.destination.to.includes(address) && m.subject.includes(marker));
};

const agent = { keyId: 'key-agent-deniz' };
const quoteRequest = createRequestSchema.parse({
  kind: 'quote',
  channel: 'phone',
  details: { sku: 'FL-25E', quantity: 2, priceListId: 'tr-standart', notes: 'Depo için.' },
});
const record = (who: OwnedCustomer, key: string, input = quoteRequest, now = new Date()) =>
  oncePerCaller(requestRoutes.createRequest, agent, key, { customerId: who.customerId, ...input }, (rec) =>
    recordRequest(who, input, 'agent-deniz', rec, now),
  );

describe('recording a request', () => {
  it('records one request and one draft quote when two posts with one Idempotency-Key race', async () => {
    const who = await customer(['rep-ayse']);
    const key = `req-${newId()}`;
    const [first, second] = await Promise.all([record(who, key), record(who, key)]);
    expect(second).toEqual(first);
    expect(first).toMatchObject({
      kind: 'quote',
      status: 'open',
      unitId: 'dealer-ankara',
      ruleId: 'preferred-dealer',
      fallback: false,
    });
    const items = await partition(who.customerId);
    expect(items.filter((i) => i.type === 'request').map((i) => i.requestId)).toEqual([first.requestId]);
    const drafts = items.filter((i) => i.type === 'quote');
    expect(drafts).toHaveLength(1);
    expect(first.draftQuote).toEqual({ quoteId: drafts[0]!.quoteId });
    expect(drafts[0]).toMatchObject({
      status: 'draft',
      ownerId: 'rep-ayse',
      teamId: 'team-istanbul',
      priceListId: 'tr-standart',
    });
    expect(drafts[0]!.lines).toMatchObject([{ sku: 'FL-25E', quantity: 2 }]);
    expect(await outbox('RequestCreated', 'requestId', first.requestId)).toHaveLength(1);
    expect(await outbox('QuoteCreated', 'quoteId', String(drafts[0]!.quoteId))).toHaveLength(1);
    // The dealer became an owner of the customer beside the rep.
    const profile = await db().send(new GetCommand({ TableName: tableName(), Key: keys.customer(who.customerId) }));
    expect([...(profile.Item!.ownerIds as Set<string>)].sort()).toEqual(['dealer-ankara', 'rep-ayse']);
  });

  it('still sends a quote request to the dealer when no rep owns the customer, saying why there is no draft', async () => {
    const who = await customer([]);
    const recorded = await record(who, `req-${newId()}`);
    expect(recorded).toMatchObject({ unitId: 'dealer-ankara', draftQuote: { skipped: 'no-rep-owns-customer' } });
    expect((await partition(who.customerId)).filter((i) => i.type === 'quote')).toEqual([]);
  });
});

describe("the dealer's mail", () => {
  it("mails each of the dealer's people once however often RequestCreated comes, with the contact the customer chose", async () => {
    const who = await customer(['rep-ayse']);
    const input = createRequestSchema.parse({
      kind: 'test-drive',
      channel: 'phone',
      details: { model: 'FL-35D', preferredTimes: ['2026-12-05T10:00:00+03:00'] },
    });
    const recorded = await record(who, `req-${newId()}`, input);
    const detail = { requestId: recorded.requestId, customerId: who.customerId, unitId: 'dealer-ankara' } as Parameters<
      typeof mailDealer
    >[0];
    expect(recorded.unitId).toBe('dealer-ankara');
    // Two deliveries at once (the loser may throw MailInProgressError, to be retried), then a redelivery.
    await Promise.all([mailDealer(detail), mailDealer(detail)].map((sending) => sending.catch(() => undefined)));
    await mailDealer(detail);
    const mails = await storedTo('ali.ankara@example.com', recorded.requestId.slice(-6));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Yeni talep: Test sürüşü TL-${recorded.requestId.slice(-8)}`);
    expect(mails[0]!.body.text).toContain('FL-35D');
    expect(mails[0]!.body.text).toContain('+905321112233 (telefon)');
    expect(mails[0]!.body.text).not.toContain(who.email!);
    // The other dealer's people get nothing.
    expect(await storedTo('ece.izmir@example.com', recorded.requestId.slice(-6))).toEqual([]);
  });
});

describe("the dealer's moves", () => {
  it('moves once when two accepts race, refuses a stale seq, keeps one history entry per move and emits each move', async () => {
    const who = await customer(['rep-ayse']);
    const recorded = await record(
      who,
      `req-${newId()}`,
      createRequestSchema.parse({ kind: 'service', channel: 'phone', details: { vehicle: '06 ABC 123' } }),
    );
    const open = (await getRequest(who.customerId, recorded.requestId))!;
    const dealer = { actorId: 'dealer-ankara-ali', role: 'dealer' as const };
    const results = await Promise.allSettled([
      actOnRequest(open, 'accept', { seq: 1 }, dealer),
      actOnRequest(open, 'accept', { seq: 1 }, dealer),
    ]);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(results.find((r) => r.status === 'rejected')).toMatchObject({
      reason: { code: 'request-changed', status: 409 },
    });
    const accepted = (await getRequest(who.customerId, recorded.requestId))!;
    await expect(
      actOnRequest(accepted, 'schedule', { seq: 1, at: '2030-01-02T10:00:00+03:00' }, dealer),
    ).rejects.toMatchObject({ code: 'request-changed' });
    const scheduled = await actOnRequest(accepted, 'schedule', { seq: 2, at: '2030-01-02T10:00:00+03:00' }, dealer);
    expect(scheduled).toEqual({
      requestId: recorded.requestId,
      status: 'scheduled',
      seq: 3,
      unitId: 'dealer-ankara',
      scheduledAt: '2030-01-02T07:00:00.000Z',
    });
    const history = await getRequestHistory(accepted);
    expect(history.map((m) => [m.action, m.from, m.to, m.actorId])).toEqual([
      ['accept', 'open', 'accepted', 'dealer-ankara-ali'],
      ['schedule', 'accepted', 'scheduled', 'dealer-ankara-ali'],
    ]);
    expect(
      (await outbox('RequestStatusChanged', 'requestId', recorded.requestId)).map((i) => i.detail.to).sort(),
    ).toEqual(['accepted', 'scheduled']);
    // The dealer's own queue lists it under its new status; the other dealer's does not.
    expect(
      (await listRequests({ unitId: 'dealer-ankara', status: 'scheduled', limit: 100 })).requests.map(
        (r) => r.requestId,
      ),
    ).toContain(recorded.requestId);
    expect(
      (await listRequests({ unitId: 'dealer-izmir', status: 'scheduled', limit: 100 })).requests.map(
        (r) => r.requestId,
      ),
    ).not.toContain(recorded.requestId);
  });
});

describe('a decline', () => {
  const ali = { actorId: 'dealer-ankara-ali', role: 'dealer' as const };
  const ece = { actorId: 'dealer-izmir-ece', role: 'dealer' as const };
  const testDrive = createRequestSchema.parse({ kind: 'test-drive', channel: 'phone', details: { model: 'FL-35D' } });
  const decline = (found: Parameters<typeof actOnRequest>[0], key: string, who = ali, seq = found.seq) =>
    oncePerCaller(
      requestRoutes.actOnRequest,
      { keyId: `key-${who.actorId}` },
      key,
      { requestId: found.requestId, action: 'decline', seq },
      (rec) => actOnRequest(found, 'decline', { seq, reason: 'Bu hafta test aracımız yok.' }, who, rec),
    );

  it('passes the request once to the next dealer the rules name, however often it is retried', async () => {
    // An İzmir customer who prefers the Ankara dealer: İzmir's dealer is next by the region rule.
    const who = await customer(['rep-ayse'], 'İzmir');
    const recorded = await record(who, `req-${newId()}`, testDrive);
    expect(recorded.unitId).toBe('dealer-ankara');
    const open = (await getRequest(who.customerId, recorded.requestId))!;
    const key = `decline-${newId()}`;
    const [first, retry] = await Promise.all([decline(open, key), decline(open, key)]);
    expect(retry).toEqual(first);
    expect(first).toEqual({ requestId: recorded.requestId, status: 'open', seq: 2, unitId: 'dealer-izmir' });
    const passed = (await getRequest(who.customerId, recorded.requestId))!;
    expect(passed).toMatchObject({
      status: 'open',
      seq: 2,
      unitId: 'dealer-izmir',
      declineReason: 'Bu hafta test aracımız yok.',
      routing: { ruleId: 'izmir-dealer', fallback: false, tried: ['dealer-ankara', 'dealer-izmir'] },
    });
    expect(Date.parse(passed.acceptBy)).toBeGreaterThan(Date.parse(open.acceptBy) - 1);
    // A later retry without the key is a stale move: nothing more happens.
    await expect(actOnRequest(open, 'decline', { seq: 1, reason: 'Yine yok.' }, ali)).rejects.toMatchObject({
      status: 409,
      code: 'request-changed',
    });
    expect(await outbox('RequestPassedOn', 'requestId', recorded.requestId)).toEqual([
      expect.objectContaining({
        detail: expect.objectContaining({
          fromUnitId: 'dealer-ankara',
          unitId: 'dealer-izmir',
          ruleId: 'izmir-dealer',
        }),
      }),
    ]);
    expect((await getRequestHistory(passed)).map((m) => [m.action, m.from, m.to, m.actorId, m.note])).toEqual([
      ['decline', 'open', 'open', 'dealer-ankara-ali', 'Bu hafta test aracımız yok.'],
    ]);
    // It left Ankara's queue and stands in İzmir's; İzmir's people are mailed it once.
    const queued = async (unitId: string) =>
      (await listRequests({ unitId, status: 'open', limit: 100 })).requests.map((r) => r.requestId);
    expect(await queued('dealer-ankara')).not.toContain(recorded.requestId);
    expect(await queued('dealer-izmir')).toContain(recorded.requestId);
    const detail = { requestId: recorded.requestId, customerId: who.customerId, unitId: 'dealer-izmir' };
    await mailDealer(detail);
    await mailDealer(detail);
    expect(await storedTo('ece.izmir@example.com', recorded.requestId.slice(-8))).toHaveLength(1);

    // İzmir declines too: no dealer is left, so it goes back to the call center, declined.
    const back = await decline(passed, `decline-${newId()}`, ece);
    expect(back).toEqual({ requestId: recorded.requestId, status: 'declined', seq: 3, unitId: 'dealer-izmir' });
    expect(await outbox('RequestPassedOn', 'requestId', recorded.requestId)).toHaveLength(1);
    expect(
      (await outbox('RequestStatusChanged', 'requestId', recorded.requestId)).map((i) => [i.detail.from, i.detail.to]),
    ).toEqual([['open', 'declined']]);
  });

  it('done records what came of it', async () => {
    const who = await customer(['rep-ayse']);
    const recorded = await record(who, `req-${newId()}`, testDrive);
    const open = (await getRequest(who.customerId, recorded.requestId))!;
    await actOnRequest(open, 'accept', { seq: 1 }, ali);
    const accepted = (await getRequest(who.customerId, recorded.requestId))!;
    const done = await actOnRequest(accepted, 'done', { seq: 2, outcome: 'sold', note: 'Sözleşme imzalandı.' }, ali);
    expect(done).toMatchObject({ status: 'done', seq: 3, outcome: 'sold' });
    expect(await getRequest(who.customerId, recorded.requestId)).toMatchObject({ status: 'done', outcome: 'sold' });
  });
});

describe('the acceptance reminder', () => {
  it('reminds the dealer once when an open request waits past its target in business hours, and not for one accepted', async () => {
    // Monday 09:00 Istanbul; the Ankara dealer keeps no hours of its own, so office hours count: 4 business hours → 13:00.
    const monday = new Date('2026-12-07T09:00:00+03:00');
    const who = await customer(['rep-ayse']);
    const service = createRequestSchema.parse({
      kind: 'service',
      channel: 'phone',
      details: { vehicle: '06 DEF 456' },
    });
    const waiting = await record(who, `req-${newId()}`, service, monday);
    const answered = await record(who, `req-${newId()}`, service, monday);
    expect((await getRequest(who.customerId, waiting.requestId))?.acceptBy).toBe('2026-12-07T10:00:00.000Z');
    await actOnRequest(
      (await getRequest(who.customerId, answered.requestId))!,
      'accept',
      {},
      { actorId: 'dealer-ankara-ali', role: 'dealer' },
    );

    await remindUnaccepted(new Date('2026-12-07T12:59:00+03:00'));
    expect(await outbox('RequestAcceptanceOverdue', 'requestId', waiting.requestId)).toEqual([]);
    const late = new Date('2026-12-07T13:01:00+03:00');
    await Promise.all([remindUnaccepted(late), remindUnaccepted(late)]);
    await remindUnaccepted(late);
    const reminders = await outbox('RequestAcceptanceOverdue', 'requestId', waiting.requestId);
    expect(reminders.map((i) => i.detail)).toMatchObject([
      { unitId: 'dealer-ankara', acceptBy: '2026-12-07T10:00:00.000Z' },
    ]);
    expect(await outbox('RequestAcceptanceOverdue', 'requestId', answered.requestId)).toEqual([]);

    const detail = { requestId: waiting.requestId, customerId: who.customerId, unitId: 'dealer-ankara' };
    await mailDealer(detail, 'overdue');
    await mailDealer(detail, 'overdue');
    const mails = await storedTo(
      'ali.ankara@example.com',
      `Bekleyen talep: Servis randevusu TL-${waiting.requestId.slice(-8)}`,
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain('bu talep 7.12.2026 13:00 saatine kadar kabul edilmeliydi');
  });
});

describe('a booked appointment', () => {
  /** The next Monday at least two days ahead that is an ordinary working day, as YYYY-MM-DD. */
  const nextMonday = () => {
    for (let days = 2; ; days++) {
      const day = new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);
      if (new Date(`${day}T00:00:00Z`).getUTCDay() === 1 && dayKind(day) === undefined) return day;
    }
  };

  it('is stored with the request at the preferred dealer when inside its hours; outside them nothing is written', async () => {
    const owned = await customer(['rep-ayse']);
    const day = nextMonday();
    const input = (at: string) =>
      createRequestSchema.parse({ kind: 'test-drive', channel: 'phone', appointmentAt: `${day}T${at}:00+03:00` });
    let refusal: unknown;
    try {
      await recordRequest(owned, input('18:00'), 'agent-deniz');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toMatchObject({ status: 400, errors: [{ path: 'appointmentAt' }] });
    // Nothing written: the customer's partition holds only the profile, and no event left.
    expect((await partition(owned.customerId)).map((item) => item.type)).toEqual(['customer']);
    expect(await outbox('RequestCreated', 'customerId', owned.customerId)).toEqual([]);

    const recorded = await recordRequest(owned, input('09:00'), 'agent-deniz');
    expect(recorded).toMatchObject({
      unitId: 'dealer-ankara',
      ruleId: 'preferred-dealer',
      appointmentAt: new Date(`${day}T09:00:00+03:00`).toISOString(),
    });
    expect(await getRequest(owned.customerId, recorded.requestId)).toMatchObject({
      appointmentAt: new Date(`${day}T09:00:00+03:00`).toISOString(),
      status: 'open',
    });
  });
});
