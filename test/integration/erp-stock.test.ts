// Stock through the ERP against DynamoDB Local and the ERP stand-in over real HTTP: an order's
// out-of-stock line becomes exactly one purchase request routed to the purchasing unit, however often
// the check runs (a redelivered event, deliveries at once); what the ERP has is reserved once. With the
// ERP down (or too slow) the check waits as pending, is not decided by a redelivery, and is decided once
// by the retry sweep when the ERP answers again; the purchase request's SLA sweep marks it overdue once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { purchaseDueAt } from '../../functions/erp/domain/stock.js';
import { httpErp } from '../../functions/erp/erp-adapter.js';
import {
  checkOrderStock,
  getStockCheck,
  markOverduePurchases,
  openPurchaseRequests,
  purchaseRequestsOf,
  retryPendingStock,
} from '../../functions/erp/stock.js';
import { intakeOrder } from '../../functions/order-routing/orders.js';
import { demoItems, demoUnits, loadReferenceData } from '../../infra/local/demo-data.js';
import { startErpStandIn } from '../../infra/local/erp.js';
import { db, tableName } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';

let standIn: Awaited<ReturnType<typeof startErpStandIn>>;
let erp: ReturnType<typeof httpErp>;
const MINUTE = 60_000;

const control = async (path: string, body?: object) => {
  const response = await fetch(`${standIn.url}${path}`, { method: 'POST', body: body && JSON.stringify(body) });
  expect(response.status).toBe(200);
};
const store = async () =>
  (await (await fetch(`${standIn.url}/store`)).json()) as {
    stock: Record<string, { onHand: number; reserved: number }>;
    reservations: Record<string, { productId: string; quantity: number }[]>;
    calls: { stock: number; reservations: number };
  };

/** An order of a forklift more than the ERP holds, pallet trucks it has, and service hours (not stock-kept). */
const order = async (forklifts = 3) => {
  const tag = newId().slice(-8).toLowerCase();
  const lines = [
    { sku: 'FL-35D', quantity: forklifts, unitPrice: 115_000_000, currency: 'TRY' },
    { sku: 'TP-20', quantity: 2, unitPrice: 1_850_000, currency: 'TRY' },
    { sku: 'SRV-H', quantity: 4, unitPrice: 225_000, currency: 'TRY' },
  ];
  const { orderId, customerId } = await intakeOrder(
    {
      customer: { name: 'Deniz Stok', email: `stock-${tag}@example.com`, language: 'tr' },
      lines,
      delivery: { address: 'Deneme Cad. 1', city: 'Ankara' },
      channel: 'web-shop',
    },
    { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] },
    newId(),
  );
  return { orderId, customerId, lines: lines.map(({ sku, quantity }) => ({ sku, quantity })) };
};

const purchasing = demoUnits.find((unit) => unit.unitId === 'dept-purchasing')!;

beforeAll(async () => {
  standIn = await startErpStandIn({ port: 0 });
  erp = httpErp(standIn.url, 1000);
  await loadReferenceData(db(), tableName(), demoItems());
});
afterAll(() => standIn.close());

describe('an order checked against the stock', () => {
  it('reserves what the ERP has and makes one purchase request for the shortfall, however often it runs', async () => {
    await control('/_erp/stock', { productId: 'FL-35D', onHand: 1 });
    await control('/_erp/stock', { productId: 'TP-20', onHand: 40, reserved: 5 });
    const placed = await order(3);
    const now = new Date('2026-12-07T08:00:00Z'); // Monday 11:00 in Istanbul
    expect(await checkOrderStock(placed, now, erp)).toBe('checked');
    // The event again (a redelivery, a retried confirmation): nothing new, the ERP not even asked.
    const asked = (await store()).calls.stock;
    expect(await checkOrderStock(placed, now, erp)).toBe('exists');
    expect((await store()).calls.stock).toBe(asked);

    const check = await getStockCheck(placed.customerId, placed.orderId);
    expect(check).toMatchObject({ status: 'checked', attempts: 1 });
    expect(check!.stock).toEqual([
      { sku: 'FL-35D', quantity: 3, available: 1, reserve: 1, purchase: 2 },
      { sku: 'TP-20', quantity: 2, available: 35, reserve: 2, purchase: 0 },
      { sku: 'SRV-H', quantity: 4, reserve: 0, purchase: 0 },
    ]);
    const requests = await purchaseRequestsOf(placed.customerId, placed.orderId);
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatchObject({
      sku: 'FL-35D',
      quantity: 2,
      ordered: 3,
      available: 1,
      status: 'open',
      unitId: 'dept-purchasing',
      fallback: false,
      dueAt: purchaseDueAt(purchasing.hours, now).toISOString(),
    });
    // Eight business hours: seven on Monday from 11:00, one on Tuesday: 10:00 in Istanbul.
    expect(requests[0]!.dueAt).toBe('2026-12-08T07:00:00.000Z');
    expect((await openPurchaseRequests('dept-purchasing')).map((r) => r.purchaseRequestId)).toContain(
      requests[0]!.purchaseRequestId,
    );
    const { stock, reservations } = await store();
    expect(reservations[placed.orderId]).toEqual([
      { productId: 'FL-35D', quantity: 1 },
      { productId: 'TP-20', quantity: 2 },
    ]);
    expect(stock['FL-35D']).toEqual({ onHand: 1, reserved: 1 });
    expect(stock['TP-20']).toEqual({ onHand: 40, reserved: 7 });
  });

  it('decides once when the event is delivered three times at once', async () => {
    await control('/_erp/stock', { productId: 'FL-35D', onHand: 0 });
    const placed = await order(1);
    const outcomes = await Promise.all([1, 2, 3].map(() => checkOrderStock(placed, new Date(), erp)));
    expect(outcomes.filter((o) => o === 'checked')).toHaveLength(1);
    expect(outcomes.filter((o) => o === 'exists')).toHaveLength(2);
    const requests = await purchaseRequestsOf(placed.customerId, placed.orderId);
    expect(requests.map((r) => [r.sku, r.quantity])).toEqual([['FL-35D', 1]]);
    expect((await store()).stock['TP-20']!.reserved).toBe(9);
  });

  it('needs no purchase request when every line is in stock', async () => {
    await control('/_erp/stock', { productId: 'FL-35D', onHand: 5 });
    const placed = await order(5);
    expect(await checkOrderStock(placed, new Date(), erp)).toBe('checked');
    expect(await purchaseRequestsOf(placed.customerId, placed.orderId)).toEqual([]);
  });

  it("routes purchase requests to the routing rules' fallback queue when there is no purchasing unit", async () => {
    await control('/_erp/stock', { productId: 'FL-35D', onHand: 0 });
    const placed = await order(1);
    process.env.PURCHASING_UNIT_ID = 'dept-nobody';
    try {
      expect(await checkOrderStock(placed, new Date(), erp)).toBe('checked');
    } finally {
      delete process.env.PURCHASING_UNIT_ID;
    }
    const [request] = await purchaseRequestsOf(placed.customerId, placed.orderId);
    expect(request).toMatchObject({ unitId: 'dept-order-desk', fallback: true });
  });

  it('is off without an ERP: nothing is written', async () => {
    const placed = await order(1);
    expect(await checkOrderStock(placed, new Date(), undefined)).toBe('off');
    expect(await getStockCheck(placed.customerId, placed.orderId)).toBeUndefined();
  });
});

describe('the ERP down', () => {
  it('keeps the check pending, retries it, and decides it once when the ERP is back', async () => {
    await control('/_erp/stock', { productId: 'FL-35D', onHand: 0 });
    const placed = await order(2);
    const t0 = new Date('2026-12-07T09:00:00Z');
    await control('/_erp/down');
    try {
      expect(await checkOrderStock(placed, t0, erp)).toBe('waiting');
      expect(await getStockCheck(placed.customerId, placed.orderId)).toMatchObject({
        status: 'pending',
        attempts: 1,
        lastError: 'The ERP did not answer: status 503',
      });
      // A redelivery decides nothing on a guess: still pending, still one try.
      expect(await checkOrderStock(placed, t0, erp)).toBe('exists');
      // Not due before five minutes.
      expect(await retryPendingStock(new Date(t0.getTime() + 4 * MINUTE), 100, erp)).toMatchObject({ due: 0 });
      // Due, and the ERP still down: tried again, still pending.
      expect(await retryPendingStock(new Date(t0.getTime() + 5 * MINUTE), 100, erp)).toMatchObject({
        due: 1,
        waiting: 1,
        checked: 0,
      });
      expect(await getStockCheck(placed.customerId, placed.orderId)).toMatchObject({ status: 'pending', attempts: 2 });
      expect(await purchaseRequestsOf(placed.customerId, placed.orderId)).toEqual([]);
    } finally {
      await control('/_erp/up');
    }
    // Two sweeps at once once the ERP answers: the check is decided by one of them.
    const t1 = new Date(t0.getTime() + 10 * MINUTE);
    const runs = await Promise.all([retryPendingStock(t1, 100, erp), retryPendingStock(t1, 100, erp)]);
    expect(runs[0]!.acted + runs[1]!.acted).toBe(1);
    const check = await getStockCheck(placed.customerId, placed.orderId);
    expect(check).toMatchObject({ status: 'checked', attempts: 3, checkedAt: t1.toISOString() });
    expect(check!.lastError).toBeUndefined();
    const requests = await purchaseRequestsOf(placed.customerId, placed.orderId);
    expect(requests.map((r) => [r.sku, r.quantity, r.unitId])).toEqual([['FL-35D', 2, 'dept-purchasing']]);
    // Nothing left to retry.
    expect(await retryPendingStock(new Date(t1.getTime() + 60 * MINUTE), 100, erp)).toMatchObject({ due: 0 });
    expect(await purchaseRequestsOf(placed.customerId, placed.orderId)).toHaveLength(1);
  });

  it('counts an ERP slower than the timeout as not answering', async () => {
    const placed = await order(1);
    await control('/_erp/slow?ms=400');
    try {
      expect(await checkOrderStock(placed, new Date(), httpErp(standIn.url, 100))).toBe('waiting');
    } finally {
      await control('/_erp/slow?ms=0');
    }
    expect(await getStockCheck(placed.customerId, placed.orderId)).toMatchObject({
      status: 'pending',
      lastError: 'The ERP did not answer: timed out',
    });
  });
});

describe("a purchase request's SLA", () => {
  it('is marked overdue once when purchasing lets it pass', async () => {
    await control('/_erp/stock', { productId: 'FL-35D', onHand: 0 });
    const placed = await order(1);
    const now = new Date('2026-12-07T08:00:00Z');
    await checkOrderStock(placed, now, erp);
    const [request] = await purchaseRequestsOf(placed.customerId, placed.orderId);
    const due = new Date(request!.dueAt);
    await markOverduePurchases(new Date(due.getTime() - MINUTE));
    expect((await purchaseRequestsOf(placed.customerId, placed.orderId))[0]!.overdueAt).toBeUndefined();
    await Promise.all([markOverduePurchases(due), markOverduePurchases(due)]);
    const [overdue] = await purchaseRequestsOf(placed.customerId, placed.orderId);
    expect(overdue).toMatchObject({ overdueAt: due.toISOString(), seq: 2 });
    await markOverduePurchases(new Date(due.getTime() + 60 * MINUTE));
    expect((await purchaseRequestsOf(placed.customerId, placed.orderId))[0]!.seq).toBe(2);
  });
});
