// Order routing against DynamoDB Local: intake once per Idempotency-Key with the customer matched or
// created, routing by the demo rules with history and an SLA placement, the SLA sweep acting once
// per order and step however sweeps overlap, guarded status moves, and the rules' validation.
import { beforeAll, describe, expect, it } from 'vitest';
import type { OrderIntake } from '../../functions/order-routing/domain/order-input.js';
import {
  ackQueue,
  getOrder,
  getOrderHistory,
  listOrders,
  type Order,
  openOrderCount,
} from '../../functions/order-routing/order-store.js';
import { changeStatus, intakeOrder, rerouteOverdue, routeOrder } from '../../functions/order-routing/orders.js';
import { getRoutingRules, setRoutingRules } from '../../functions/order-routing/rules-store.js';
import { demoItems, demoRoutingRules, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';

const shop: Actor = { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] };

const intake = (city: string, over: Partial<OrderIntake> = {}): OrderIntake => {
  const tag = Math.random().toString(36).slice(2, 10);
  return {
    customer: { name: 'Deniz Deneme', email: `order-${tag}@example.com`, language: 'tr' },
    lines: [{ sku: 'FL-25E', quantity: 2, unitPrice: 95_000_000, currency: 'TRY' }],
    delivery: { address: 'Deneme Cad. 1', city },
    channel: 'web-shop',
    ...over,
  };
};

/** An order taken in and routed, as the OrderCreated consumer would. */
const routed = async (city: string, now = new Date()) => {
  const { orderId, customerId } = await intakeOrder(intake(city), shop, newId(), now);
  const order = (await getOrder(customerId, orderId))!;
  return (await routeOrder(order, now))!;
};

beforeAll(async () => {
  await loadReferenceData(db(), tableName(), demoItems());
});

describe('order intake', () => {
  it('takes an order once per Idempotency-Key and creates or matches its customer', async () => {
    const body = intake('Ankara');
    const key = newId();
    const first = await intakeOrder(body, shop, key);
    const again = await intakeOrder(body, shop, key);
    expect(again).toEqual(first);
    const order = await getOrder(first.customerId, first.orderId);
    expect(order).toMatchObject({
      status: 'received',
      seq: 1,
      channel: 'web-shop',
      category: 'forklift',
      ownerId: 'shop-web',
    });
    expect(order?.totals.grandTotal).toEqual({ amount: 190_000_000, currency: 'TRY' });
    // Another key, the same person: a second order for the same customer.
    const second = await intakeOrder(body, shop, newId());
    expect(second.orderId).not.toBe(first.orderId);
    expect(second.customerId).toBe(first.customerId);
    // The same key with another request is refused.
    await expect(intakeOrder(intake('İzmir'), shop, key)).rejects.toMatchObject({
      status: 422,
      code: 'idempotency-key-reused',
    });
  });

  it('answers two racing requests with one key with one order', async () => {
    const body = intake('Ankara');
    const key = newId();
    const [a, b] = await Promise.all([intakeOrder(body, shop, key), intakeOrder(body, shop, key)]);
    expect(a).toEqual(b);
  });
});

describe('routing and status', () => {
  it('routes by the rules, records the decision and history, and queues the acknowledgement SLA', async () => {
    const order = await routed('Ankara');
    expect(order).toMatchObject({ status: 'routed', unitId: 'dealer-ankara', seq: 2 });
    expect(order.routing).toMatchObject({
      ruleId: 'ankara-dealer',
      fallback: false,
      step: 1,
      tried: ['dealer-ankara'],
    });
    expect(order.routing?.skipped[0]).toEqual({ ruleId: 'preferred-dealer', reason: 'no-preferred-dealer' });
    const history = await getOrderHistory(order);
    expect(history).toEqual([
      expect.objectContaining({ from: 'received', to: 'routed', action: 'route', actorId: 'system', via: 'event' }),
    ]);
    const queue = await listOrders({ status: 'routed', unitId: 'dealer-ankara', limit: 100 });
    expect(queue.orders.map((o) => o.orderId)).toContain(order.orderId);
    expect(await openOrderCount('dealer-ankara', 1000)).toBeGreaterThanOrEqual(1);
    // Routing again changes nothing: the order is no longer received.
    expect(await routeOrder(order)).toBeUndefined();
  });

  it('moves by the lifecycle only, refuses a stale write, and leaves the SLA queue when acknowledged', async () => {
    const order = await routed('Ankara');
    const mover = { actorId: 'dealer-ankara-ali', role: 'dealer' as const, via: 'api' as const };
    await expect(changeStatus(order, { status: 'shipped' }, mover)).rejects.toMatchObject({
      status: 409,
      code: 'illegal-transition',
    });
    const acknowledged = await changeStatus(order, { status: 'acknowledged', note: 'alındı' }, mover);
    expect(acknowledged).toMatchObject({ status: 'acknowledged', seq: 3 });
    // A second move from the same (now stale) read loses.
    await expect(changeStatus(order, { status: 'acknowledged' }, mover)).rejects.toMatchObject({
      status: 409,
      code: 'order-changed',
    });
    const due = await ackQueue.due(new Date(Date.now() + 365 * 24 * 3600_000), 1000);
    expect(due.map((entry) => entry.entityId)).not.toContain(order.orderId);
    const history = await getOrderHistory(order);
    expect(history.at(-1)).toMatchObject({
      from: 'routed',
      to: 'acknowledged',
      actorId: 'dealer-ankara-ali',
      note: 'alındı',
    });
  });
});

describe('the acknowledgement SLA sweep', () => {
  const reroutes = async (order: Order) => (await getOrderHistory(order)).filter((move) => move.action === 'reroute');

  it('re-routes an unacknowledged order once to the next eligible unit, even with two overlapping sweeps', async () => {
    const start = new Date();
    const order = await routed('İzmir', start);
    expect(order.unitId).toBe('dealer-izmir');
    const due = order.routing!.ackDueAt!;
    expect(due).toBe(new Date(start.getTime() + 120 * 60_000).toISOString());
    // Before its SLA: nothing.
    await rerouteOverdue(new Date(Date.parse(due) - 1000));
    expect((await getOrder(order.customerId, order.orderId))?.unitId).toBe('dealer-izmir');
    const after = new Date(Date.parse(due) + 1000);
    await Promise.all([rerouteOverdue(after), rerouteOverdue(after)]);
    const moved = (await getOrder(order.customerId, order.orderId))!;
    expect(moved).toMatchObject({ status: 'routed', unitId: 'warehouse-gebze', seq: 3 });
    expect(moved.routing).toMatchObject({
      step: 2,
      ruleId: 'izmir-dealer',
      reroutedBecause: 'ack-sla-missed',
      tried: ['dealer-izmir', 'warehouse-gebze'],
    });
    expect(moved.routing?.ackDueAt).toBeUndefined();
    expect(await reroutes(moved)).toHaveLength(1);
    // A later sweep finds nothing left for this order: it was re-routed once.
    await rerouteOverdue(new Date(after.getTime() + 24 * 3600_000));
    expect(await reroutes(moved)).toHaveLength(1);
    expect((await getOrder(order.customerId, order.orderId))?.seq).toBe(3);
  });

  it('counts the SLA in the unit’s working hours: routed 17:55 on a Friday, not re-routed that evening', async () => {
    // The service department works 08:30–18:00 on weekdays with 240 minutes to acknowledge: five on
    // Friday 13 March 2026, then 235 from Monday 08:30, so due on Monday at 12:25 Istanbul time.
    const friday = new Date('2026-03-13T17:55:00+03:00');
    const { orderId, customerId } = await intakeOrder(
      intake('Ankara', { lines: [{ sku: 'SRV-H', quantity: 1, unitPrice: 90_000, currency: 'TRY' }] }),
      shop,
      newId(),
      friday,
    );
    const order = (await routeOrder((await getOrder(customerId, orderId))!, friday))!;
    expect(order).toMatchObject({ unitId: 'dept-service', routing: { ruleId: 'service', step: 1 } });
    const due = '2026-03-16T09:25:00.000Z';
    expect(order.routing?.ackDueAt).toBe(due);
    // The history says when, in Istanbul time.
    expect((await getOrderHistory(order)).at(-1)?.note).toBe(
      'rule service → dept-service; acknowledgement due 2026-03-16T12:25+03:00',
    );
    // Not re-routed at 18:55 (the wall-clock hour), nor over the weekend, nor a second before it is due.
    for (const sweepAt of [
      '2026-03-13T18:55:00+03:00',
      '2026-03-13T21:56:00+03:00',
      '2026-03-15T12:00:00+03:00',
      '2026-03-16T12:24:59+03:00',
    ]) {
      await rerouteOverdue(new Date(sweepAt));
      expect(await getOrder(customerId, orderId)).toMatchObject({ unitId: 'dept-service', seq: 2 });
    }
    // A second after: the service department missed it, so the next rule's unit (Ankara's dealer also serves) has it.
    await rerouteOverdue(new Date(Date.parse(due) + 1000));
    const moved = (await getOrder(customerId, orderId))!;
    expect(moved).toMatchObject({
      unitId: 'dealer-ankara',
      seq: 3,
      routing: { ruleId: 'ankara-dealer', step: 2, reroutedBecause: 'ack-sla-missed' },
    });
    expect((await reroutes(moved))[0]?.note).toBe(
      'acknowledgement SLA missed by dept-service; rule ankara-dealer → dealer-ankara',
    );
  });

  it('escalates to the fallback queue when no other unit is eligible', async () => {
    const order = await routed('Ankara');
    const after = new Date(Date.parse(order.routing!.ackDueAt!) + 1000);
    await Promise.all([rerouteOverdue(after), rerouteOverdue(after)]);
    const moved = (await getOrder(order.customerId, order.orderId))!;
    expect(moved).toMatchObject({
      unitId: 'dept-order-desk',
      routing: { fallback: true, ruleId: 'fallback', step: 2 },
    });
    expect(await reroutes(moved)).toHaveLength(1);
  });
});

describe('routing rules', () => {
  it('refuses an unknown unit by name, a stale seq, and replaces them one seq up', async () => {
    const unknown = {
      ...demoRoutingRules,
      rules: [{ id: 'x', kind: 'category', categories: ['forklift'], unitIds: ['dealer-nowhere'] }],
    };
    await expect(setRoutingRules(unknown, 'admin-routing', new Date())).rejects.toMatchObject({
      status: 422,
      code: 'unknown-unit',
      errors: [
        { path: 'rules.0.unitIds.0', message: expect.objectContaining({ en: 'There is no unit "dealer-nowhere".' }) },
      ],
    });
    await expect(
      setRoutingRules({ ...demoRoutingRules, fallbackUnitId: '' }, 'admin-routing', new Date()),
    ).rejects.toMatchObject({
      status: 400,
      errors: [expect.objectContaining({ path: 'fallbackUnitId' })],
    });
    const before = (await getRoutingRules())!;
    const saved = await setRoutingRules({ ...demoRoutingRules, seq: before.seq }, 'admin-routing', new Date());
    expect(saved.seq).toBe(before.seq + 1);
    await expect(
      setRoutingRules({ ...demoRoutingRules, seq: before.seq }, 'admin-routing', new Date()),
    ).rejects.toMatchObject({
      status: 409,
      code: 'rules-changed',
    });
    expect((await getRoutingRules())?.seq).toBe(saved.seq);
  });
});

describe("a manager's order list", () => {
  it('reads open orders of one unit older than a bound, oldest or newest first, and one by its number', async () => {
    const day = 24 * 3600 * 1000;
    const old = await routed('Ankara', new Date(Date.now() - 5 * day));
    const older = await routed('Ankara', new Date(Date.now() - 6 * day));
    const acknowledged = await changeStatus(
      older,
      { status: 'acknowledged' },
      { actorId: 'dealer-ankara-ali', via: 'api' },
    );
    const fresh = await routed('Ankara', new Date());
    const elsewhere = await routed('İzmir', new Date(Date.now() - 5 * day));
    const ours = new Set([old.orderId, older.orderId, fresh.orderId, elsewhere.orderId]);
    const openOf = async (query: Partial<Parameters<typeof listOrders>[0]>) =>
      (
        await listOrders({
          status: ['routed', 'acknowledged', 'in_progress'],
          unitId: 'dealer-ankara',
          createdBefore: new Date(Date.now() - 2 * day).toISOString(),
          limit: 100,
          ...query,
        })
      ).orders
        .filter((o) => ours.has(o.orderId))
        .map((o) => [o.orderId, o.status]);
    expect(await openOf({})).toEqual([
      [older.orderId, 'acknowledged'],
      [old.orderId, 'routed'],
    ]);
    expect(await openOf({ order: 'newest' })).toEqual([
      [old.orderId, 'routed'],
      [older.orderId, 'acknowledged'],
    ]);
    // One status only, or no age bound: the other side of each filter.
    expect(await openOf({ status: 'routed' })).toEqual([[old.orderId, 'routed']]);
    expect((await openOf({ createdBefore: undefined })).map(([id]) => id)).toContain(fresh.orderId);
    expect(await openOf({ idSuffix: old.orderId.slice(-8) })).toEqual([[old.orderId, 'routed']]);
    expect(acknowledged.status).toBe('acknowledged');
  });
});
