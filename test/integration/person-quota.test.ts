// Each person's own daily quota against DynamoDB Local: counted by the handlers' prologue for calls
// the authorizer marks as a person's, refused with a 429 problem past the limit, per person and per
// UTC day; integrations' keys are left to their usage plans.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { db, tableName } from '../../shared/db.js';
import { type HttpEvent, json, route } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import type { RouteDeclaration } from '../../shared/manifest.js';
import { countPersonCall } from '../../shared/person-quota.js';
import { ProblemError } from '../../shared/problems.js';
import { keys } from '../../shared/table.js';

const LIMIT = 3;
beforeEach(() => {
  process.env.PERSON_DAILY_QUOTA = String(LIMIT);
});
afterEach(() => {
  delete process.env.PERSON_DAILY_QUOTA;
});

const callsOn = async (userId: string, day: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: keys.personCalls(userId, day) }))).Item;

const refusal = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error as ProblemError,
  );

describe("a person's daily quota", () => {
  it('allows the limit, then refuses with 429 quota-exceeded without counting further', async () => {
    const userId = `quota-${newId()}`;
    const at = new Date('2026-03-02T21:00:00Z');
    for (let call = 0; call < LIMIT; call++) await countPersonCall(userId, at);
    const refused = await refusal(countPersonCall(userId, at));
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 429, code: 'quota-exceeded' });
    // Until UTC midnight: three hours.
    expect(refused?.headers['retry-after']).toBe(String(3 * 60 * 60));
    expect(refused?.detail).toMatchObject({ en: expect.stringContaining('3'), tr: expect.stringContaining('3') });
    const item = await callsOn(userId, '2026-03-02');
    expect(item).toMatchObject({ calls: LIMIT, type: 'person-calls' });
    // Expires by TTL two days after the first call.
    expect(item?.expiresAt).toBe(Math.floor(at.getTime() / 1000) + 2 * 24 * 60 * 60);
  });

  it('is per person and per UTC day', async () => {
    const busy = `quota-${newId()}`;
    const other = `quota-${newId()}`;
    const lastMinute = new Date('2026-03-02T23:59:00Z');
    for (let call = 0; call < LIMIT; call++) await countPersonCall(busy, lastMinute);
    expect(await refusal(countPersonCall(busy, lastMinute))).toMatchObject({ status: 429 });
    await expect(countPersonCall(other, lastMinute)).resolves.toBeUndefined();
    await expect(countPersonCall(busy, new Date('2026-03-03T00:00:00Z'))).resolves.toBeUndefined();
    expect(await callsOn(busy, '2026-03-03')).toMatchObject({ calls: 1 });
  });
});

describe('the route prologue', () => {
  const declaration = {
    name: 'quota-probe',
    method: 'GET',
    path: '/quota-probe',
    function: 'probe',
    auth: { scopes: [] },
    summary: 'Probe',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'Probe' } },
  } as unknown as RouteDeclaration;
  let handled = 0;
  const probe = route(declaration, async () => {
    handled++;
    return json(200, { ok: true });
  });
  const call = (userId: string, caller: string) =>
    probe.binding.run(
      {
        requestContext: { authorizer: { keyId: `k-${userId}`, userId, role: 'rep', scopes: '', caller } },
      } as unknown as HttpEvent,
      {} as Context,
    );

  it("counts a person's calls and refuses past the limit before the handler runs", async () => {
    const userId = `quota-${newId()}`;
    handled = 0;
    for (let i = 0; i < LIMIT; i++) expect((await call(userId, 'person')).statusCode).toBe(200);
    expect(await refusal(call(userId, 'person'))).toMatchObject({ status: 429, code: 'quota-exceeded' });
    expect(handled).toBe(LIMIT);
  });

  it('counts beside a read-only route: past the limit the 429 replaces its answer and any other problem', async () => {
    const userId = `quota-${newId()}`;
    let read = 0;
    const reader = route({ ...declaration, readOnly: true }, async () => {
      read++;
      return json(200, { ok: true });
    });
    const missing = route({ ...declaration, readOnly: true }, async () => {
      throw new ProblemError(404, 'not-found', { en: 'Not found.', tr: 'Bulunamadı.' });
    });
    const callOf = (probe: typeof reader) =>
      probe.binding.run(
        {
          requestContext: { authorizer: { keyId: `k-${userId}`, userId, role: 'rep', scopes: '', caller: 'person' } },
        } as unknown as HttpEvent,
        {} as Context,
      );
    for (let i = 0; i < LIMIT - 1; i++) expect((await callOf(reader)).statusCode).toBe(200);
    expect(await refusal(callOf(missing))).toMatchObject({ status: 404, code: 'not-found' });
    expect(await refusal(callOf(reader))).toMatchObject({ status: 429, code: 'quota-exceeded' });
    expect(await refusal(callOf(missing))).toMatchObject({ status: 429, code: 'quota-exceeded' });
    expect(read).toBe(LIMIT);
    expect(await callsOn(userId, new Date().toISOString().slice(0, 10))).toMatchObject({ calls: LIMIT });
  });

  it("leaves an integration's calls to its usage plan", async () => {
    const userId = `quota-${newId()}`;
    for (let i = 0; i <= LIMIT; i++) expect((await call(userId, 'integration')).statusCode).toBe(200);
    expect(await callsOn(userId, new Date().toISOString().slice(0, 10))).toBeUndefined();
  });
});
