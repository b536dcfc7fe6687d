// A purchase request's lifecycle against DynamoDB Local, the ERP stand-in and an SES stand-in, through
// the route's own handler: ordered (with the supplier's reference and day), received, or cancelled
// (with a reason), each a guarded move; a refusal is a 409 carrying where the request is now; two
// receipts at once move it once; the last receipt of an order clears its shortfall (also when two of its
// requests are received at the same moment); an open one only runs the SLA; the purchasing unit is
// mailed each new request once, however often the event comes.
import type { Context } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { httpErp } from '../../functions/erp/erp-adapter.js';
import { handler } from '../../functions/erp/handlers/act-on-purchase-request.js';
import { mailPurchasing } from '../../functions/erp/purchase-mail.js';
import {
  checkOrderStock,
  getStockCheck,
  markOverduePurchases,
  type PurchaseRequest,
  purchaseRequests,
  purchaseRequestsOf,
} from '../../functions/erp/stock.js';
import { intakeOrder } from '../../functions/order-routing/orders.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { startErpStandIn } from '../../infra/local/erp.js';
import { db, tableName } from '../../shared/db.js';
import type { HttpEvent } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { recordNumber } from '../../shared/record-numbers.js';
import { startSesStandIn } from '../support/ses-stand-in.js';

let erpStandIn: Awaited<ReturnType<typeof startErpStandIn>>;
let ses: Awaited<ReturnType<typeof startSesStandIn>>;
const buyer = { userId: 'buy-selim', role: 'manager', scopes: 'orders:read orders:write' };
const otherUnit = { userId: 'sup-deniz', role: 'manager', scopes: 'orders:read orders:write' };
const order = { supplierRef: 'TED-4411', expectedOn: '2099-01-15' };

const stock = (productId: string, onHand: number) =>
  fetch(`${erpStandIn.url}/_erp/stock`, { method: 'POST', body: JSON.stringify({ productId, onHand }) });

/** An order short of two products: two purchase requests, checked with the ERP stand-in. */
const shortOrder = async () => {
  await stock('FL-35D', 1);
  await stock('TP-20', 0);
  const tag = newId().slice(-8).toLowerCase();
  const lines = [
    { sku: 'FL-35D', quantity: 3, unitPrice: 115_000_000, currency: 'TRY' },
    { sku: 'TP-20', quantity: 2, unitPrice: 1_850_000, currency: 'TRY' },
  ];
  const placed = await intakeOrder(
    {
      customer: { name: 'Deniz Alım', email: `buy-${tag}@example.com`, language: 'tr' },
      lines,
      delivery: { address: 'Deneme Cad. 1', city: 'Ankara' },
      channel: 'web-shop',
    },
    { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] },
    newId(),
  );
  const ids = { orderId: placed.orderId, customerId: placed.customerId };
  expect(await checkOrderStock({ ...ids, lines }, new Date(), httpErp(erpStandIn.url, 1000))).toBe('checked');
  const requests = await purchaseRequestsOf(ids.customerId, ids.orderId);
  expect(requests.map((r) => r.sku).sort()).toEqual(['FL-35D', 'TP-20']);
  return {
    ...ids,
    forklifts: requests.find((r) => r.sku === 'FL-35D')!,
    trucks: requests.find((r) => r.sku === 'TP-20')!,
  };
};

const act = async (
  request: PurchaseRequest,
  action: string,
  body: object = {},
  who = buyer,
  key?: string,
): Promise<{ status: number; body: Record<string, unknown> }> => {
  const answer = await handler(
    {
      httpMethod: 'POST',
      resource: '/purchase-requests/{purchaseRequestId}/{action}',
      path: `/purchase-requests/${request.purchaseRequestId}/${action}`,
      pathParameters: { purchaseRequestId: request.purchaseRequestId, action },
      headers: { 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) },
      body: JSON.stringify(body),
      requestContext: { authorizer: { keyId: `k-${who.userId}`, ...who, caller: 'integration' } },
    } as unknown as HttpEvent,
    {} as Context,
  );
  return { status: answer.statusCode, body: JSON.parse(answer.body ?? '{}') };
};

const stored = async (request: PurchaseRequest) => (await purchaseRequests.get(purchaseRequests.key(request)))!;

beforeAll(async () => {
  erpStandIn = await startErpStandIn({ port: 0 });
  ses = await startSesStandIn();
  await loadReferenceData(db(), tableName(), demoItems());
});
afterAll(async () => {
  await erpStandIn.close();
  await ses.close();
});

describe("a purchase request's moves", () => {
  it('is ordered, then received; the last receipt of the order clears its shortfall', async () => {
    const { customerId, orderId, forklifts, trucks } = await shortOrder();
    // An order needs the supplier's reference: refused by field, nothing changed.
    const bare = await act(forklifts, 'order', { expectedOn: order.expectedOn });
    expect(bare.status).toBe(400);
    expect(bare.body).toMatchObject({ code: 'validation-failed', errors: [{ path: 'supplierRef' }] });
    expect(await stored(forklifts)).toMatchObject({ status: 'open', seq: 1 });

    const ordered = await act(forklifts, 'order', { seq: 1, ...order });
    expect(ordered).toMatchObject({ status: 200, body: { status: 'ordered', seq: 2, ...order } });
    const received = await act(forklifts, 'receive', { seq: 2 });
    expect(received).toMatchObject({ status: 200, body: { status: 'received', seq: 3, shortfallCleared: false } });
    expect((await getStockCheck(customerId, orderId))!.shortfallClearedAt).toBeUndefined();

    // Received already: 409, with where it is now and that nothing more is allowed.
    const again = await act(forklifts, 'receive');
    expect(again.status).toBe(409);
    expect(again.body).toMatchObject({
      code: 'illegal-transition',
      current: { status: 'received', seq: 3, allowedMoves: [] },
    });

    await act(trucks, 'order', order);
    const last = await act(trucks, 'receive');
    expect(last.body).toMatchObject({ status: 'received', shortfallCleared: true });
    const check = await getStockCheck(customerId, orderId);
    expect(check!.shortfallClearedAt).toBeDefined();
    expect(check!.receivedPurchaseIds!.sort()).toEqual([forklifts.purchaseRequestId, trucks.purchaseRequestId].sort());
    const history = await purchaseRequests.history(await stored(forklifts));
    expect(history.map((m) => [m.from, m.to, m.action, m.actorId])).toEqual([
      ['open', 'ordered', 'order', 'buy-selim'],
      ['ordered', 'received', 'receive', 'buy-selim'],
    ]);
  });

  it('refuses a move made from a stale read with 409 and where the request is now', async () => {
    const { forklifts } = await shortOrder();
    await act(forklifts, 'order', order);
    const stale = await act(forklifts, 'cancel', { seq: 1, reason: 'Tedarikçi yok' });
    expect(stale.status).toBe(409);
    expect(stale.body).toMatchObject({
      code: 'purchase-request-changed',
      current: {
        status: 'ordered',
        seq: 2,
        allowedMoves: [
          { action: 'receive', to: 'received' },
          { action: 'cancel', to: 'cancelled' },
        ],
      },
    });
    expect(await stored(forklifts)).toMatchObject({ status: 'ordered', seq: 2 });
  });

  it('is cancelled with a reason; then the order keeps its shortfall and the SLA no longer runs', async () => {
    const { customerId, orderId, forklifts, trucks } = await shortOrder();
    const noReason = await act(forklifts, 'cancel');
    expect(noReason.body).toMatchObject({ status: 400, code: 'validation-failed', errors: [{ path: 'reason' }] });
    const cancelled = await act(forklifts, 'cancel', { reason: 'Müşteri miktarı azalttı' });
    expect(cancelled.body).toMatchObject({ status: 'cancelled', cancelReason: 'Müşteri miktarı azalttı' });
    await act(trucks, 'order', order);
    expect((await act(trucks, 'receive')).body).toMatchObject({ status: 'received', shortfallCleared: false });
    expect((await getStockCheck(customerId, orderId))!.shortfallClearedAt).toBeUndefined();
    // Long past their due time: neither the cancelled nor the received one is marked overdue.
    await markOverduePurchases(new Date(Date.parse(forklifts.dueAt) + 24 * 3_600_000));
    expect((await stored(forklifts)).overdueAt).toBeUndefined();
    expect((await stored(trucks)).overdueAt).toBeUndefined();
  });

  it('is overdue only while open: ordering it clears the mark and ends the clock', async () => {
    const { forklifts, trucks } = await shortOrder();
    const due = Date.parse(forklifts.dueAt);
    await markOverduePurchases(new Date(due));
    expect((await stored(forklifts)).overdueAt).toBeDefined();
    const ordered = await act(forklifts, 'order', order);
    expect(ordered.body).toMatchObject({ status: 'ordered', seq: 3 });
    expect(ordered.body.overdueAt).toBeUndefined();
    expect((await stored(trucks)).status).toBe('open');
  });

  it('does not exist for a person of another unit', async () => {
    const { forklifts } = await shortOrder();
    expect((await act(forklifts, 'order', order, otherUnit)).body).toMatchObject({ status: 404, code: 'not-found' });
    expect(await stored(forklifts)).toMatchObject({ status: 'open', seq: 1 });
  });
});

describe('races and retries', () => {
  it('moves once when two receipts come at once: the other is 409', async () => {
    const { forklifts } = await shortOrder();
    await act(forklifts, 'order', order);
    const answers = await Promise.all([act(forklifts, 'receive'), act(forklifts, 'receive')]);
    expect(answers.map((a) => a.status).sort()).toEqual([200, 409]);
    const refused = answers.find((a) => a.status === 409)!;
    expect(refused.body).toMatchObject({ current: { status: 'received', seq: 3, allowedMoves: [] } });
    const history = await purchaseRequests.history(await stored(forklifts));
    expect(history.filter((m) => m.action === 'receive')).toHaveLength(1);
  });

  it("clears the order's shortfall when its two requests are received at the same moment", async () => {
    const { customerId, orderId, forklifts, trucks } = await shortOrder();
    await act(forklifts, 'order', order);
    await act(trucks, 'order', order);
    const answers = await Promise.all([act(forklifts, 'receive'), act(trucks, 'receive')]);
    expect(answers.map((a) => a.status)).toEqual([200, 200]);
    expect(answers.filter((a) => a.body.shortfallCleared)).toHaveLength(1);
    expect((await getStockCheck(customerId, orderId))!.shortfallClearedAt).toBeDefined();
  });

  it('answers a retried receipt with the same Idempotency-Key as the first time', async () => {
    const { forklifts } = await shortOrder();
    await act(forklifts, 'order', order);
    const key = newId();
    const first = await act(forklifts, 'receive', {}, buyer, key);
    const retry = await act(forklifts, 'receive', {}, buyer, key);
    expect(first.status).toBe(200);
    expect(retry).toEqual(first);
    expect(await stored(forklifts)).toMatchObject({ status: 'received', seq: 3 });
  });
});

describe('the purchasing unit told', () => {
  it('is mailed each new request once, with a link to it, however often the event comes', async () => {
    process.env.CONSOLE_URL = 'https://crm.example.com/console/';
    try {
      ses.reset();
      const { orderId, forklifts } = await shortOrder();
      const event = { customerId: forklifts.customerId, orderId, sku: 'FL-35D', unitId: 'dept-purchasing' };
      // Two deliveries at once: one sends, the other is told it is in progress (and is redelivered).
      const both = await Promise.allSettled([mailPurchasing(event), mailPurchasing(event)]);
      expect(both.filter((b) => b.status === 'fulfilled').length).toBeGreaterThanOrEqual(1);
      await mailPurchasing(event);
      await mailPurchasing(event);
      expect(ses.raw).toHaveLength(1);
      const mail = ses.raw[0]!.replace(/=\r?\n/g, '');
      expect(mail).toContain('To: purchasing@example.com');
      expect(mail).toContain(`#/inbox?number=3D${recordNumber('order', orderId)}`);
      // Not owed once it has left open (ordered before its mail went out).
      const { orderId: second, trucks } = await shortOrder();
      await act(trucks, 'order', order);
      expect(await mailPurchasing({ ...event, orderId: second, sku: 'TP-20' })).toBe('not-owed');
      expect(ses.raw).toHaveLength(1);
    } finally {
      delete process.env.CONSOLE_URL;
    }
  });
});
