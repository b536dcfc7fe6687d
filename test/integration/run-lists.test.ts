// The lists of letter runs and of call lists through their handlers, against DynamoDB Local: every run
// and list is listed once, newest first, a page at a time with the shared cursor, kept to a status when
// asked; a call list is done once its last entry is; a rep, whose role lacks the scope, is refused.

import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextCall, recordOutcome } from '../../functions/call-lists/call-lists.js';
import { handler as callListsApi } from '../../functions/call-lists/handlers/call-lists-api.js';
import { createSegment } from '../../functions/campaigns/segments.js';
import { handler as letterRunsApi } from '../../functions/letters/handlers/letter-runs-api.js';
import { countRun, printDuePart } from '../../functions/letters/letter-runs.js';
import { setClock } from '../../shared/clock.js';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import type { HttpEvent } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';

const tag = `runlists-${newId()}`.toLowerCase();
// Later than anything the other files in this worker's table make: these are the newest runs and lists.
const start = new Date('2031-03-03T09:00:00Z');
const marketer = { userId: 'mkt-lists', role: 'marketer', scopes: 'campaigns:read campaigns:write' };
const rep = { userId: 'rep-lists', role: 'rep', scopes: 'customers:read leads:read' };

type Who = typeof marketer;
const ask = async (
  api: typeof letterRunsApi,
  method: 'GET' | 'POST',
  path: string,
  who: Who,
  options: { query?: Record<string, string>; body?: unknown; runId?: string; key?: string } = {},
) => {
  const answer = await api(
    {
      httpMethod: method,
      resource: options.runId ? path.replace(options.runId, '{runId}') : path,
      path,
      pathParameters: options.runId ? { runId: options.runId } : null,
      queryStringParameters: options.query ?? null,
      headers: { 'content-type': 'application/json', ...(options.key ? { 'idempotency-key': options.key } : {}) },
      body: options.body === undefined ? null : JSON.stringify(options.body),
      requestContext: { authorizer: { keyId: `k-${who.userId}`, ...who, caller: 'integration' } },
    } as unknown as HttpEvent,
    {} as Context,
  );
  return { status: answer.statusCode, body: JSON.parse(answer.body ?? '{}') };
};

let segmentId = '';
beforeAll(async () => {
  const now = new Date().toISOString();
  const c: Customer = {
    customerId: newId(),
    name: 'Liste Kişi',
    phone: '+905551119911',
    language: 'tr',
    tags: [tag],
    createdAt: now,
    updatedAt: now,
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(c) }));
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: { ...keys.user('agent-l'), type: 'user', userId: 'agent-l', role: 'agent', name: 'Ajan L', language: 'tr' },
    }),
  );
  segmentId = (
    await createSegment({ name: 'Listeler', filter: { tags: [tag] }, consent: { channel: 'email', topic: 'all' } }, 'm')
  ).segmentId;
});
afterAll(() => setClock(undefined));

const ids = (page: { items: { runId?: string; listId?: string }[] }) => page.items.map((i) => i.runId ?? i.listId);

describe('the list of letter runs', () => {
  it('lists two runs newest first, a page at a time, by status, and refuses a rep', async () => {
    const made: string[] = [];
    for (const minutes of [0, 1]) {
      setClock(new Date(start.getTime() + minutes * 60_000));
      const key = `start-${tag}-${minutes}`;
      const created = await ask(letterRunsApi, 'POST', '/letter-runs', marketer, {
        body: { kind: 'labels', segmentId, purpose: 'transactional' },
        key,
      });
      // answered at once: the segment is counted in the background
      expect(created.status).toBe(202);
      expect(created.body).toMatchObject({ status: 'counting', recipients: 0, progress: { partsTotal: 0 } });
      // the start retried with its key: the same run, no second one
      const retried = await ask(letterRunsApi, 'POST', '/letter-runs', marketer, {
        body: { kind: 'labels', segmentId, purpose: 'transactional' },
        key,
      });
      expect(retried.status).toBe(202);
      expect(retried.body.runId).toBe(created.body.runId);
      made.push(created.body.runId);
    }
    const [older, newer] = made as [string, string];

    const first = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, { query: { limit: '1' } });
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual([newer]);
    expect(first.body.items[0]).toMatchObject({ status: 'counting', progress: { partsDone: 0, partsTotal: 0 } });
    const counting = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, {
      query: { status: 'counting', limit: '5' },
    });
    expect(ids(counting.body).slice(0, 2)).toEqual([newer, older]);
    // the counter counts both (once each, though the newer's event comes twice): printing, one part each
    for (const runId of [older, newer, newer]) await countRun(runId);
    const counted = await ask(letterRunsApi, 'GET', `/letter-runs/${newer}`, marketer, { runId: newer });
    expect(counted.body).toMatchObject({ status: 'printing', recipients: 1, progress: { partsTotal: 1 } });
    const second = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, {
      query: { limit: '1', cursor: first.body.next },
    });
    expect(ids(second.body)).toEqual([older]);
    // listed once each (the retried starts made none): the run item is its own list entry
    const both = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, { query: { limit: '2' } });
    expect(ids(both.body)).toEqual([newer, older]);

    // The part printer prints the older run's one part and it is done: only it is listed as done, only the
    // newer as printing.
    expect((await printDuePart({ runId: older, part: 1 }))?.status).toBe('done');
    const done = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, { query: { status: 'done', limit: '5' } });
    expect(ids(done.body)).toContain(older);
    expect(ids(done.body)).not.toContain(newer);
    const printing = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, {
      query: { status: 'printing', limit: '5' },
    });
    expect(ids(printing.body)[0]).toBe(newer);
    expect(ids(printing.body)).not.toContain(older);

    // Another list's cursor, or an unknown status, is a 400 naming the field.
    const foreign = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, {
      query: { status: 'done', cursor: first.body.next },
    });
    expect(foreign.status).toBe(400);
    const badStatus = await ask(letterRunsApi, 'GET', '/letter-runs', marketer, { query: { status: 'printed' } });
    expect(badStatus.status).toBe(400);
    expect(badStatus.body.errors[0].path).toBe('status');

    const refused = await ask(letterRunsApi, 'GET', '/letter-runs', rep);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });
});

describe('the list of call lists', () => {
  it('lists two lists newest first, a page at a time, open until the last entry is done, and refuses a rep', async () => {
    const made: string[] = [];
    for (const minutes of [2, 3]) {
      setClock(new Date(start.getTime() + minutes * 60_000));
      const created = await ask(callListsApi, 'POST', '/call-lists', marketer, {
        body: {
          name: `Liste ${minutes}`,
          segmentId,
          purpose: 'transactional',
          script: 'Merhaba',
          agentIds: ['agent-l'],
        },
      });
      expect(created.status).toBe(201);
      expect(created.body).toMatchObject({ status: 'open', total: 1, remaining: 1 });
      made.push(created.body.listId);
    }
    const [older, newer] = made as [string, string];

    const first = await ask(callListsApi, 'GET', '/call-lists', marketer, { query: { limit: '1' } });
    expect(first.status).toBe(200);
    expect(ids(first.body)).toEqual([newer]);
    const second = await ask(callListsApi, 'GET', '/call-lists', marketer, {
      query: { limit: '1', cursor: first.body.next },
    });
    expect(ids(second.body)).toEqual([older]);

    // The older list's one call is made: it is done, the newer one still open.
    const agent = { keyId: 'k', userId: 'agent-l', role: 'agent' as const, scopes: [] };
    const { entry } = await nextCall(older, agent.userId);
    const at = new Date(start.getTime() + 4 * 60_000).toISOString();
    await recordOutcome(agent, older, entry!.customerId, { outcome: 'reached', startedAt: at, endedAt: at });
    const done = await ask(callListsApi, 'GET', '/call-lists', marketer, { query: { status: 'done', limit: '5' } });
    expect(done.body.items[0]).toMatchObject({ listId: older, status: 'done', total: 1, remaining: 0 });
    expect(ids(done.body)).not.toContain(newer);
    const open = await ask(callListsApi, 'GET', '/call-lists', marketer, { query: { status: 'open', limit: '5' } });
    expect(ids(open.body)[0]).toBe(newer);
    expect(ids(open.body)).not.toContain(older);

    const refused = await ask(callListsApi, 'GET', '/call-lists', rep);
    expect(refused.status).toBe(403);
    expect(refused.body.code).toBe('forbidden');
  });
});
