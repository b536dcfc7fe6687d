// Call lists against DynamoDB Local: a commercial list holds only customers whose number has phone
// consent, entries go to agents in turn, two agents racing for one entry never both get it, each
// outcome is logged as a call on the customer's timeline, a no-answer returns to the list, and the
// progress counts states and outcomes.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  claimEntry,
  createCallList,
  listOr404,
  nextCall,
  progressOf,
  recordOutcome,
} from '../../functions/call-lists/call-lists.js';
import { createSegment } from '../../functions/campaigns/segments.js';
import { setClock } from '../../shared/clock.js';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { ConflictError } from '../../shared/problems.js';
import { queryAll } from '../../shared/query.js';
import { keys } from '../../shared/table.js';

const tag = `calls-${newId()}`.toLowerCase();
const agents = [`agent-a-${tag}`, `agent-b-${tag}`];
const actor = (userId: string): Actor => ({ keyId: 'k', userId, role: 'agent', scopes: [] });

beforeAll(async () => {
  process.env.QUIET_HOURS = '21:00-09:00';
  process.env.MARKETING_CAP_MAX = '10';
  for (const userId of agents)
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...keys.user(userId), type: 'user', userId, role: 'agent', name: userId, language: 'tr' },
      }),
    );
});

const customer = async (name: string, phone?: string) => {
  const now = new Date().toISOString();
  const c: Customer = { customerId: newId(), name, phone, language: 'tr', tags: [tag], createdAt: now, updatedAt: now };
  await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(c) }));
  return c;
};

const phoneConsent = (customerId: string, phone: string) =>
  db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.consentEntry(customerId, 'phone', new Date().toISOString(), newId()),
        type: 'consent',
        customerId,
        channel: 'phone',
        address: phone,
        topic: 'all',
        action: 'granted',
        via: 'form',
        source: 'test',
        occurredAt: new Date().toISOString(),
      },
    }),
  );

/** 11:00 and 23:00 Istanbul. */
const day = new Date('2026-12-07T08:00:00Z');
const night = new Date('2026-12-07T20:00:00Z');
const call = (outcome: 'reached' | 'no-answer' | 'sale' | 'not-interested') => ({
  outcome,
  startedAt: '2026-12-07T08:00:00.000Z',
  endedAt: '2026-12-07T08:03:00.000Z',
});

describe('a call list', () => {
  it('is made from consented numbers, claimed once under a race, worked to the end with outcomes logged', async () => {
    setClock(day);
    const consented = [
      await customer('Arda Koç', '+905551110001'),
      await customer('Burcu Işık', '+905551110002'),
      await customer('Cem Yalın', '+905551110003'),
    ];
    for (const c of consented) await phoneConsent(c.customerId, c.phone!);
    await customer('Rızasız Kişi', '+905551110009');
    await customer('Telefonsuz Kişi');
    const segment = await createSegment(
      { name: 'Arama', filter: { tags: [tag] }, consent: { channel: 'email', topic: 'all' } },
      'mgr-test',
    );
    const list = await createCallList(
      { name: 'Aralık', segmentId: segment.segmentId, purpose: 'commercial', script: 'Merhaba', agentIds: agents },
      'mgr-test',
    );
    expect(list.skipped).toEqual({ 'no-consent': 1, 'no-phone': 1 });
    let progress = await progressOf(list);
    expect(progress.total).toBe(3);
    expect(progress.agents.map((a) => a.total).sort()).toEqual([1, 2]);

    // Two agents race for one entry: exactly one claim holds.
    const target = consented[0]!.customerId;
    const race = await Promise.allSettled(agents.map((a) => claimEntry(list.listId, target, a)));
    expect(race.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const lost = race.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(lost.reason).toBeInstanceOf(ConflictError);
    expect(lost.reason.code).toBe('call-entry-taken');
    const winner = (race.find((r) => r.status === 'fulfilled') as PromiseFulfilledResult<{ claimedBy: string }>).value
      .claimedBy;
    const loser = agents.find((a) => a !== winner)!;
    // Only the agent holding the call records it.
    await expect(recordOutcome(actor(loser), list.listId, target, call('sale'))).rejects.toMatchObject({
      code: 'call-entry-taken',
    });
    await recordOutcome(actor(winner), list.listId, target, call('sale'));

    // At night a commercial list gives no call.
    setClock(night);
    await expect(nextCall(list.listId, loser)).rejects.toMatchObject({ code: 'call-list-quiet-hours' });
    setClock(day);

    // The two agents take the rest concurrently: never the same entry.
    const both = await Promise.all(agents.map((a) => nextCall(list.listId, a)));
    const first = both[0]!;
    const second = both[1]!;
    expect(first.entry && second.entry).toBeTruthy();
    expect(first.entry!.customerId).not.toBe(second.entry!.customerId);
    await recordOutcome(actor(agents[0]!), list.listId, first.entry!.customerId, call('no-answer'));
    await recordOutcome(actor(agents[1]!), list.listId, second.entry!.customerId, call('not-interested'));
    progress = await progressOf(await listOr404(list.listId));
    expect(progress.states).toEqual({ open: 1, claimed: 0, done: 2 });
    expect(progress.outcomes).toEqual({ sale: 1, 'not-interested': 1 });

    // The no-answer comes back and is reached.
    const retry = await nextCall(list.listId, agents[0]!);
    expect(retry.entry?.customerId).toBe(first.entry!.customerId);
    expect(retry.entry?.attempts).toBe(1);
    await recordOutcome(actor(agents[0]!), list.listId, retry.entry!.customerId, call('reached'));
    expect((await nextCall(list.listId, agents[1]!)).entry).toBeUndefined();
    progress = await progressOf(await listOr404(list.listId));
    expect(progress.states).toEqual({ open: 0, claimed: 0, done: 3 });
    expect(progress.outcomes).toEqual({ sale: 1, 'not-interested': 1, reached: 1 });

    // Each outcome is a call on the customer's timeline.
    const timeline = await queryAll({ partition: keys.customerPartition(target), range: { prefix: 'ACTIVITY#' } });
    expect(timeline.filter((i) => i.kind === 'call' && i.outcome === 'sale' && i.agentId === winner)).toHaveLength(1);
    setClock(undefined);
  });
});
