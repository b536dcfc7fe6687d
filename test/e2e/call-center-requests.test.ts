// Call-center requests over HTTP on the local stack: the agent records a request once per
// Idempotency-Key, it goes to the customer's preferred dealer, whose people are mailed; a dealer's
// key sees and moves only its own dealer's requests (another dealer's id is a 404), and refused
// moves and inputs answer their problem codes.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { keys as tableKeys } from '../../shared/table.js';
import { mailTo, settle } from '../support/e2e.js';
import { call, newCustomer, type ProblemFields, table } from '../support/quotes.js';

const k = () => inject('requestKeys');

interface Recorded extends ProblemFields {
  requestId: string;
  unitId: string;
  ruleId: string;
  status: string;
  seq: number;
}
interface Listed {
  requests: { requestId: string; unitId: string }[];
}

/** A customer owned by rep-ayse who prefers `dealerId` (set on the profile as the customer record's PATCH would). */
const customerPreferring = async (tag: string, dealerId: string) => {
  const customer = await newCustomer(tag);
  await table().send(
    new UpdateCommand({
      TableName: 'pusula',
      Key: tableKeys.customer(customer.customerId),
      UpdateExpression: 'SET preferredDealerId = :dealer',
      ExpressionAttributeValues: { ':dealer': dealerId },
    }),
  );
  return customer;
};

const record = (customerId: string, body: Record<string, unknown>, idempotencyKey?: string) =>
  call<Recorded>(
    'POST',
    `/customers/${customerId}/requests`,
    k().agent,
    body,
    idempotencyKey ? { 'idempotency-key': idempotencyKey } : {},
  );
const act = (requestId: string, action: string, key: string, body: Record<string, unknown> = {}) =>
  call<Recorded>('POST', `/requests/${requestId}/${action}`, key, body);
const list = async (key: string, query = '') =>
  (await call<Listed>('GET', `/requests${query}`, key)).body.requests.map((r) => r.requestId);

describe('call-center requests', () => {
  let ankara: Recorded;
  let izmir: Recorded;
  let izmirCustomer = '';

  beforeAll(async () => {
    const [a, b] = await Promise.all([
      customerPreferring('req-ankara', 'dealer-ankara'),
      customerPreferring('req-izmir', 'dealer-izmir'),
    ]);
    izmirCustomer = b.customerId;
    const body = {
      kind: 'test-drive',
      channel: 'phone',
      details: { model: 'FL-35D', preferredTimes: ['2030-01-05T10:00:00+03:00'] },
    };
    const key = `req-${a.customerId}`;
    const first = await record(a.customerId, body, key);
    expect(first.status).toBe(201);
    const again = await record(a.customerId, body, key);
    expect(again.body).toEqual(first.body);
    ankara = first.body;
    const second = await record(b.customerId, {
      kind: 'appraisal',
      channel: 'email',
      details: { vehicle: '35 XYZ 987' },
    });
    expect(second.status).toBe(201);
    izmir = second.body;
    await settle();
  });

  it("goes to the customer's preferred dealer, whose people are mailed once", async () => {
    expect(ankara).toMatchObject({ unitId: 'dealer-ankara', ruleId: 'preferred-dealer', status: 'open', seq: 1 });
    expect(izmir).toMatchObject({ unitId: 'dealer-izmir', ruleId: 'preferred-dealer' });
    const mails = (await mailTo('ali.ankara@example.com')).filter((m) =>
      m.subject.includes(ankara.requestId.slice(-6)),
    );
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain('FL-35D');
    expect(
      (await mailTo('ece.izmir@example.com')).filter((m) => m.subject.includes(ankara.requestId.slice(-6))),
    ).toEqual([]);
  });

  it("lets a dealer key see only its own dealer's requests: another dealer's id is a 404", async () => {
    const ankaraSees = await list(k().dealerAnkara);
    expect(ankaraSees).toContain(ankara.requestId);
    expect(ankaraSees).not.toContain(izmir.requestId);
    expect(await list(k().dealerAnkara, `?customer=${izmirCustomer}`)).toEqual([]);
    expect(await list(k().dealerIzmir)).toContain(izmir.requestId);
    const own = await call<{ requestId: string; history: unknown[] }>(
      'GET',
      `/requests/${ankara.requestId}`,
      k().dealerAnkara,
    );
    expect(own.status).toBe(200);
    expect(own.body).toMatchObject({ requestId: ankara.requestId, history: [] });
    const foreign = await call<ProblemFields>('GET', `/requests/${izmir.requestId}`, k().dealerAnkara);
    expect(foreign.status).toBe(404);
    expect(foreign.body.code).toBe('not-found');
    const foreignMove = await act(izmir.requestId, 'accept', k().dealerAnkara);
    expect(foreignMove.status).toBe(404);
    // The agent who recorded them sees both.
    expect(await list(k().agent)).toEqual(expect.arrayContaining([ankara.requestId, izmir.requestId]));
  });

  it('moves a request along its lifecycle and answers each refusal with its problem code', async () => {
    const accepted = await act(ankara.requestId, 'accept', k().dealerAnkara, { seq: 1 });
    expect(accepted.status).toBe(200);
    expect(accepted.body).toMatchObject({ status: 'accepted', seq: 2 });
    const twice = await act(ankara.requestId, 'accept', k().dealerAnkara);
    expect([twice.status, twice.body.code]).toEqual([409, 'illegal-transition']);
    const stale = await act(ankara.requestId, 'done', k().dealerAnkara, { seq: 1 });
    expect([stale.status, stale.body.code]).toEqual([409, 'request-changed']);
    const noTime = await act(ankara.requestId, 'schedule', k().dealerAnkara, { seq: 2 });
    expect([noTime.status, noTime.body.code, noTime.body.errors?.[0]?.path]).toEqual([400, 'validation-failed', 'at']);
    const dealerCancels = await act(ankara.requestId, 'cancel', k().dealerAnkara);
    expect([dealerCancels.status, dealerCancels.body.code]).toEqual([409, 'illegal-transition']);
    const unknownAction = await act(ankara.requestId, 'approve', k().dealerAnkara);
    expect([unknownAction.status, unknownAction.body.code]).toEqual([400, 'validation-failed']);
    const scheduled = await act(ankara.requestId, 'schedule', k().dealerAnkara, {
      seq: 2,
      at: '2030-01-05T10:00:00+03:00',
    });
    expect(scheduled.body).toMatchObject({ status: 'scheduled', seq: 3, scheduledAt: '2030-01-05T07:00:00.000Z' });
  });

  it('refuses an unknown customer and a quote request without a product', async () => {
    const unknown = await record('01KAAAAAAAAAAAAAAAAAAAAAAA', { kind: 'service', channel: 'phone' });
    expect([unknown.status, unknown.body.code]).toEqual([404, 'not-found']);
    const noSku = await record(izmirCustomer, { kind: 'quote', channel: 'phone', details: { model: 'FL-25E' } });
    expect([noSku.status, noSku.body.code, noSku.body.errors?.[0]?.path]).toEqual([
      400,
      'validation-failed',
      'details.sku',
    ]);
  });
});
