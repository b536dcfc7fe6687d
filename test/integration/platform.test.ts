// The platform's data mechanisms against DynamoDB Local: paged queries over sharded partitions with
// cursors bound to their query, guarded moves with history, sweeps that act once however often
// they overlap, and Idempotency-Key answers stored in the work's own transaction.

import { type DynamoDBDocumentClient, GetCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { leadCaptureKeys } from '../../functions/lead-capture/keys.js';
import { viewerOf } from '../../shared/access.js';
import { db, tableName, transact } from '../../shared/db.js';
import { advance, defineEntity } from '../../shared/entity.js';
import type { Actor } from '../../shared/http.js';
import { once } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { keys, SHARDS, shardOf } from '../../shared/table.js';
import { defineDueQueue, sweep } from '../../shared/work-queue.js';

interface Thing {
  thingId: string;
  customerId: string;
  status: 'open' | 'done';
  seq: number;
  createdAt: string;
}

// A test entity in a customer partition, in a sharded status queue, like a lead.
const things = defineEntity<Thing>({
  type: 'lead',
  key: (t) => leadCaptureKeys.lead(t.customerId, t.thingId),
  indexes: (t) => leadCaptureKeys.leadsByStatus(`it-${t.status}-${t.customerId}`, t.createdAt, t.thingId),
});

const makeThings = async (count: number) => {
  const customerId = newId();
  const made: Thing[] = [];
  for (let i = 0; i < count; i++) {
    const thing: Thing = {
      thingId: newId(),
      customerId,
      status: 'open',
      seq: 1,
      createdAt: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    };
    expect((await transact(things.createItems(thing))).ok).toBe(true);
    made.push(thing);
  }
  return { customerId, made, partitions: leadCaptureKeys.leadsByStatusPartitions(`it-open-${customerId}`) };
};

const problem = (code: string, path?: string) =>
  expect.objectContaining({ status: 400, code, ...(path ? { errors: [expect.objectContaining({ path })] } : {}) });

describe('paged queries', () => {
  it('spreads a hot key over every shard and merges them back in order, a page at a time, none twice', async () => {
    const { made, partitions } = await makeThings(23);
    expect(partitions).toHaveLength(SHARDS);
    expect(new Set(made.map((t) => shardOf(t.thingId))).size).toBeGreaterThan(1);
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await queryPage({ index: 'gsi2', partition: partitions, limit: 5, cursor });
      expect(page.items.length).toBeLessThanOrEqual(5);
      seen.push(...page.items.map((item) => String(item.thingId)));
      cursor = page.next;
      pages++;
    } while (cursor);
    expect(seen).toEqual([...made].reverse().map((t) => t.thingId));
    expect(pages).toBe(5);
    // Oldest first, over a range whose upper bound covers everything that starts with it.
    const january = await queryAll({
      index: 'gsi2',
      partition: partitions,
      order: 'oldest',
      range: { from: '2026-01-01T00:05', to: '2026-01-01T00:07' },
    });
    expect(january.map((item) => item.thingId)).toEqual(made.slice(5, 8).map((t) => t.thingId));
  });

  it('reads cohorts in turn: each partition whole before the next, a page only as far as it needs', async () => {
    const older = await makeThings(3);
    const newer = await makeThings(4);
    const cohorts = [...newer.partitions, ...older.partitions];
    const pages: string[][] = [];
    let cursor: string | undefined;
    do {
      const page = await queryPage({ index: 'gsi2', partition: cohorts, inTurn: true, limit: 3, cursor });
      pages.push(page.items.map((item) => String(item.thingId)));
      cursor = page.next;
    } while (cursor);
    // Shard by shard in the order given, newest first within each; the last page ends the list.
    const expected = cohorts.flatMap((partition) =>
      [...newer.made, ...older.made]
        .filter((t) => partition.endsWith(`#${shardOf(t.thingId)}`) && partition.includes(t.customerId))
        .reverse()
        .map((t) => t.thingId),
    );
    expect(pages.flat()).toEqual(expected);
    expect(pages.slice(0, -1).every((page) => page.length === 3)).toBe(true);
    expect(pages.at(-1)!.length).toBe(7 - 3 * (pages.length - 1));
    // A cursor of the cohorts read in turn is not good for the same partitions merged.
    const first = await queryPage({ index: 'gsi2', partition: cohorts, inTurn: true, limit: 1 });
    await expect(queryPage({ index: 'gsi2', partition: cohorts, limit: 1, cursor: first.next })).rejects.toEqual(
      problem('validation-failed', 'cursor'),
    );
  });

  it('refuses a cursor of another query, a forged one, and junk, with 400', async () => {
    const a = await makeThings(3);
    const b = await makeThings(3);
    const first = await queryPage({ index: 'gsi2', partition: a.partitions, limit: 1 });
    expect(first.next).toBeDefined();
    await expect(queryPage({ index: 'gsi2', partition: b.partitions, limit: 1, cursor: first.next })).rejects.toEqual(
      problem('validation-failed', 'cursor'),
    );
    await expect(
      queryPage({ index: 'gsi2', partition: a.partitions, limit: 1, cursor: first.next, order: 'oldest' }),
    ).rejects.toEqual(problem('validation-failed', 'cursor'));
    await expect(
      queryPage({ index: 'gsi2', partition: a.partitions, limit: 1, cursor: 'not-a-cursor' }),
    ).rejects.toEqual(problem('validation-failed', 'cursor'));
    // Same query, but a position pointing into another partition: refused before DynamoDB sees it.
    const decoded = JSON.parse(Buffer.from(first.next!, 'base64url').toString('utf8')) as {
      q: string;
      p: Record<string, Record<string, string>>;
    };
    const [shard] = Object.keys(decoded.p).filter((k) => decoded.p[k]);
    decoded.p[shard!] = { ...decoded.p[shard!]!, gsi2pk: b.partitions[0]! };
    const forged = Buffer.from(JSON.stringify(decoded)).toString('base64url');
    await expect(queryPage({ index: 'gsi2', partition: a.partitions, limit: 1, cursor: forged })).rejects.toEqual(
      problem('validation-failed', 'cursor'),
    );
  });
});

describe('guarded moves', () => {
  it('moves once when many race from the same state, leaves one history item, and moves the index too', async () => {
    const { made, customerId } = await makeThings(1);
    const thing = made[0]!;
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) =>
        things.move(thing, advance(thing, { status: 'done' }), {
          history: { actorId: `racer-${i}`, action: 'finish', via: 'api' },
        }),
      ),
    );
    expect(results.filter(Boolean)).toHaveLength(1);
    const stored = await things.get(things.key(thing));
    expect(stored).toMatchObject({ status: 'done', seq: 2 });
    const history = await queryAll({
      partition: keys.customerPartition(customerId),
      range: { prefix: keys.historyPrefix(things.key(thing)) },
    });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({
      type: 'history',
      entityType: 'lead',
      from: 'open',
      to: 'done',
      action: 'finish',
      via: 'api',
    });
    expect(
      await queryAll({ index: 'gsi2', partition: leadCaptureKeys.leadsByStatusPartitions(`it-open-${customerId}`) }),
    ).toEqual([]);
    expect(
      await queryAll({ index: 'gsi2', partition: leadCaptureKeys.leadsByStatusPartitions(`it-done-${customerId}`) }),
    ).toHaveLength(1);
    // A move from a stale read (seq 1) is refused and writes nothing.
    expect(
      await things.move(thing, advance(thing, { status: 'open' }), { history: { actorId: 'late', action: 'reopen' } }),
    ).toBe(false);
    expect(await things.get(things.key(thing))).toMatchObject({ status: 'done', seq: 2 });
  });
});

describe('sweeps', () => {
  const queue = defineDueQueue<{ n: number }>(`it-queue-${newId()}`);

  it('reads only what is due, and acts once on each entry however many sweeps overlap', async () => {
    const { made } = await makeThings(6);
    const now = new Date('2026-06-01T12:00:00Z');
    const due = (i: number) => new Date(now.getTime() + (i < 4 ? -1 : 1) * (i + 1) * 60_000).toISOString();
    const placed = made.map((thing, i) => ({
      Put: { TableName: tableName(), Item: queue.at(thing.thingId, due(i), { n: i }).item(things.key(thing)) },
    }));
    expect((await transact(placed)).ok).toBe(true);
    // Exactly at `now` counts as due; a minute later does not.
    expect((await queue.due(now, 100)).map((e) => e.data.n).sort()).toEqual([0, 1, 2, 3]);

    const acted: number[] = [];
    const runs = await Promise.all(
      Array.from({ length: 4 }, () =>
        sweep(queue, now, 100, async (entry) => {
          const thing = made[entry.data.n]!;
          const current = (await things.get(things.key(thing)))!;
          if (entry.data.n === 3) return 'drop';
          acted.push(entry.data.n);
          return {
            writes: things.moveItems(current, advance(current, { status: 'done' }), {
              history: { actorId: 'system', action: 'sweep', via: 'sweep' },
            }),
          };
        }),
      ),
    );
    expect(runs.reduce((sum, run) => sum + run.acted, 0)).toBe(3);
    expect(runs.reduce((sum, run) => sum + run.dropped, 0)).toBe(1);
    for (const i of [0, 1, 2]) expect(await things.get(things.key(made[i]!))).toMatchObject({ status: 'done', seq: 2 });
    for (const i of [3, 4, 5]) expect(await things.get(things.key(made[i]!))).toMatchObject({ status: 'open', seq: 1 });
    expect((await queue.due(now, 100)).length).toBe(0);
    expect((await queue.due(new Date(now.getTime() + 3_600_000), 100)).map((e) => e.data.n).sort()).toEqual([4, 5]);
  });
});

describe('Idempotency-Key answers', () => {
  const scope = (key: string, request: unknown, caller = 'key-a') => ({ route: 'POST /things', caller, key, request });
  const work = (thing: Thing) => async (record: (answer: unknown) => ReturnType<typeof things.createItems>) => {
    const result = await transact([...things.createItems(thing), ...record({ thingId: thing.thingId })]);
    if (!result.ok) throw new Error('lost to a duplicate');
    return { thingId: thing.thingId };
  };
  const fresh = (customerId = newId()): Thing => ({
    thingId: newId(),
    customerId,
    status: 'open',
    seq: 1,
    createdAt: new Date().toISOString(),
  });

  it('answers a retry and racing duplicates with the first answer, and does the work once', async () => {
    const key = newId();
    const candidates = Array.from({ length: 8 }, () => fresh());
    const answers = await Promise.all(candidates.map((thing) => once(scope(key, { same: true }), work(thing))));
    expect(new Set(answers.map((a) => a.thingId)).size).toBe(1);
    const stored = await Promise.all(candidates.map((thing) => things.get(things.key(thing))));
    expect(stored.filter(Boolean)).toHaveLength(1);
    expect((await once(scope(key, { same: true }), work(fresh()))).thingId).toBe(answers[0]!.thingId);
  });

  it('refuses the key with another request, and keeps callers apart', async () => {
    const key = newId();
    const first = await once(scope(key, { n: 1 }), work(fresh()));
    await expect(once(scope(key, { n: 2 }), work(fresh()))).rejects.toMatchObject({
      status: 422,
      code: 'idempotency-key-reused',
    });
    // Another caller's identical key is another record: their own work, their own answer.
    const other = await once(scope(key, { n: 1 }, 'key-b'), work(fresh()));
    expect(other.thingId).not.toBe(first.thingId);
  });

  it('a retry after a lost response (fault injected: the SDK times out after the commit) finds the stored answer', async () => {
    const key = newId();
    const thing = fresh();
    // DynamoDB Local cannot lose a response; a middleware lets the transaction commit, then throws.
    const client = db() as DynamoDBDocumentClient;
    let armed = true;
    client.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args);
        if (armed && (args.input as { TransactItems?: unknown[] }).TransactItems) {
          armed = false;
          throw Object.assign(new Error('socket timed out'), { name: 'TimeoutError' });
        }
        return result;
      },
      { step: 'finalizeRequest', name: 'loseTheResponse' },
    );
    try {
      await expect(once(scope(key, { lost: true }), work(thing))).resolves.toEqual({ thingId: thing.thingId });
    } finally {
      client.middlewareStack.remove('loseTheResponse');
    }
    // The failed call already found its own stored answer; a client retry gets it too, and nothing new is written.
    const retryThing = fresh();
    expect(await once(scope(key, { lost: true }), work(retryThing))).toEqual({ thingId: thing.thingId });
    expect(await things.get(things.key(retryThing))).toBeUndefined();
    const record = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.idempotency('POST /things', 'key-a', key) }),
    );
    expect(record.Item).toMatchObject({ type: 'idempotency' });
    expect(Number(record.Item!.expiresAt)).toBeGreaterThan(Date.now() / 1000);
  });
});

describe('access', () => {
  const actor = (userId: string, role: Actor['role']): Actor => ({ keyId: 'k', userId, role, scopes: [] });
  const user = (userId: string, role: string, extra: Record<string, string> = {}) =>
    transact([
      {
        Put: {
          TableName: tableName(),
          Item: {
            ...keys.user(userId),
            type: 'user',
            userId,
            role,
            name: userId,
            email: `${userId}@example.com`,
            language: 'tr',
            ...extra,
          },
        },
      },
    ]);

  it('gives each role its reach, and a manager or dealer with no user record only their own (fails closed)', async () => {
    const id = newId();
    await user(`mgr-team-${id}`, 'manager', { teamId: 'team-x' });
    await user(`mgr-firm-${id}`, 'manager');
    await user(`dealer-${id}`, 'dealer', { unitId: 'dealer-ankara' });
    expect(await viewerOf(actor(`mgr-team-${id}`, 'manager'))).toMatchObject({ reach: 'team', teamId: 'team-x' });
    expect(await viewerOf(actor(`mgr-firm-${id}`, 'manager'))).toMatchObject({ reach: 'all' });
    expect(await viewerOf(actor(`dealer-${id}`, 'dealer'))).toMatchObject({ reach: 'unit', unitId: 'dealer-ankara' });
    expect(await viewerOf(actor(`ghost-${id}`, 'manager'))).toMatchObject({ reach: 'own' });
    expect(await viewerOf(actor(`ghost-${id}`, 'dealer'))).toMatchObject({ reach: 'own' });
    expect(await viewerOf(actor(`ghost-${id}`, 'director'))).toMatchObject({ reach: 'all' });
    expect(await viewerOf(actor(`rep-${id}`, 'rep'))).toMatchObject({ reach: 'own' });
  });
});
