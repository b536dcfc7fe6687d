// Stock through the ERP on the local stack, over HTTP, with the ERP stand-in: the quote builder sees each
// product's stock; a web-shop order (its POST retried with the same Idempotency-Key) with a line the ERP
// cannot fill gets one purchase request routed to the purchasing unit, listed in its queue; with the ERP
// down an order's stock waits as pending, and the retry sweep checks it once the ERP is back, once.
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../shared/api-keys.js';
import { localControlHeaders, settle, uniquePerson } from '../support/e2e.js';
import { call, createQuote, eventsOf, newCustomer } from '../support/quotes.js';

const shop = () => inject('orderKeys').shop;
let director = '';

interface OrderStock {
  stock: string;
  attempts?: number;
  lastError?: string;
  lines?: { sku: string; quantity: number; available?: number; reserve: number; purchase: number }[];
  purchaseRequests: { purchaseRequestId: string; sku: string; quantity: number; unitId: string; dueAt: string }[];
}

const erp = async (path: string, body?: object) => {
  const response = await fetch(`${inject('erp')}${path}`, { method: 'POST', body: body && JSON.stringify(body) });
  expect(response.status).toBe(200);
};

const placeOrder = async (headers = { 'idempotency-key': `erp-${Math.random().toString(36).slice(2)}` }) => {
  const person = uniquePerson('erp-stock');
  const body = {
    customer: { name: person.name, email: person.email, language: 'tr' },
    lines: [
      { sku: 'BAT-48', quantity: 2, unitPrice: 14_500_000, currency: 'TRY' },
      { sku: 'TP-20', quantity: 1, unitPrice: 1_850_000, currency: 'TRY' },
    ],
    delivery: { address: 'Deneme Sokak 5', city: 'Kocaeli' },
    channel: 'web-shop',
  };
  const first = await call<{ orderId: string }>('POST', '/orders', shop(), body, headers);
  expect(first.status, first.text).toBe(201);
  return { orderId: first.body.orderId, body, headers };
};

const stockOf = (orderId: string) => call<OrderStock>('GET', `/orders/${orderId}/stock`, director);

const fire = async (schedule: string, at: Date) => {
  const fired = await fetch(
    `${inject('api')}/_local/schedules/${schedule}/fire?at=${encodeURIComponent(at.toISOString())}`,
    { method: 'POST', headers: localControlHeaders },
  );
  expect(fired.status, await fired.text()).toBe(200);
  await settle();
};

beforeAll(async () => {
  director = (
    await createApiKey({
      label: 'erp stock director',
      userId: 'dir-kemal',
      role: 'director',
      scopes: ['orders:read', 'quotes:read'],
    })
  ).key;
  await erp('/_erp/up');
  await erp('/_erp/stock', { productId: 'BAT-48', onHand: 0 });
  await erp('/_erp/stock', { productId: 'TP-20', onHand: 40, reserved: 5 });
});

describe('stock through the ERP', () => {
  it("shows the quote builder each product's stock, and refuses a request naming no product", async () => {
    const levels = await call<{ erp: string; items: { productId: string; available: number }[] }>(
      'GET',
      '/stock?products=TP-20,BAT-48,SRV-H',
      director,
    );
    expect(levels.status, levels.text).toBe(200);
    expect(levels.body.erp).toBe('answered');
    // Service hours are not stock-kept: the ERP leaves them out.
    expect(levels.body.items.map((i) => [i.productId, i.available])).toEqual([
      ['TP-20', 35],
      ['BAT-48', 0],
    ]);
    const none = await call<{ errors: { path: string }[] }>('GET', '/stock', director);
    expect([none.status, none.body.errors?.[0]?.path]).toEqual([400, 'products']);
  });

  it("shows a quote's lines against the stock to whoever may see the quote", async () => {
    const quoteKeys = inject('quoteKeys');
    const { customerId } = await newCustomer('erp-quote');
    const quote = await createQuote(quoteKeys.repAyse, {
      customerId,
      priceListId: 'tr-standart',
      lines: [
        { sku: 'BAT-48', quantity: 3 },
        { sku: 'TP-20', quantity: 4 },
      ],
    });
    const seen = await call<{ erp: string; lines: unknown[] }>(
      'GET',
      `/quotes/${quote.quoteId}/stock`,
      quoteKeys.repAyse,
    );
    expect(seen.status, seen.text).toBe(200);
    expect(seen.body).toEqual({
      quoteId: quote.quoteId,
      erp: 'answered',
      lines: [
        { sku: 'BAT-48', quantity: 3, available: 0, reserve: 0, purchase: 3 },
        { sku: 'TP-20', quantity: 4, available: 35, reserve: 4, purchase: 0 },
      ],
    });
    // Another rep's quote does not exist for her, stock or not.
    const hidden = await call('GET', `/quotes/${quote.quoteId}/stock`, quoteKeys.repJohn);
    expect(hidden.status).toBe(404);
  });

  it('makes one purchase request for an out-of-stock line, however often the order is posted', async () => {
    const { orderId, body, headers } = await placeOrder();
    const retried = await call<{ orderId: string }>('POST', '/orders', shop(), body, headers);
    expect([retried.status, retried.body.orderId]).toEqual([201, orderId]);
    await settle();

    const stock = await stockOf(orderId);
    expect(stock.status, stock.text).toBe(200);
    expect(stock.body).toMatchObject({ stock: 'checked', attempts: 1 });
    expect(stock.body.lines).toEqual([
      { sku: 'BAT-48', quantity: 2, available: 0, reserve: 0, purchase: 2 },
      { sku: 'TP-20', quantity: 1, available: 35, reserve: 1, purchase: 0 },
    ]);
    expect(stock.body.purchaseRequests).toHaveLength(1);
    const [request] = stock.body.purchaseRequests;
    expect(request).toMatchObject({ sku: 'BAT-48', quantity: 2, unitId: 'dept-purchasing' });

    const queue = await call<{ unitId: string; items: { purchaseRequestId: string }[] }>(
      'GET',
      '/purchase-requests',
      director,
    );
    expect(queue.status, queue.text).toBe(200);
    expect(queue.body.unitId).toBe('dept-purchasing');
    expect(queue.body.items.filter((i) => i.purchaseRequestId === request!.purchaseRequestId)).toHaveLength(1);
    const types = (await eventsOf(orderId)).map((e) => e['detail-type']);
    expect(types.filter((t) => t === 'PurchaseRequested')).toHaveLength(1);
    expect(types.filter((t) => t === 'StockChecked')).toHaveLength(1);
  });

  it('waits as pending while the ERP is down and checks the order once when it is back', async () => {
    await erp('/_erp/down');
    let orderId = '';
    try {
      orderId = (await placeOrder()).orderId;
      await settle();
      const waiting = await stockOf(orderId);
      expect(waiting.body).toMatchObject({ stock: 'pending', attempts: 1, purchaseRequests: [] });
      expect(waiting.body.lastError).toBe('The ERP did not answer: status 503');
      // The quote builder is told the ERP did not answer, not shown a guess.
      const levels = await call<{ erp: string; items: unknown[] }>('GET', '/stock?products=TP-20', director);
      expect(levels.body).toEqual({ erp: 'unavailable', items: [] });
    } finally {
      await erp('/_erp/up');
    }
    const later = new Date(Date.now() + 6 * 60_000);
    await fire('erp.retry-stock-checks', later);
    const checked = await stockOf(orderId);
    expect(checked.body).toMatchObject({ stock: 'checked', attempts: 2 });
    expect(checked.body.purchaseRequests.map((r) => [r.sku, r.quantity])).toEqual([['BAT-48', 2]]);
    await fire('erp.retry-stock-checks', new Date(later.getTime() + 10 * 60_000));
    expect((await stockOf(orderId)).body.purchaseRequests).toHaveLength(1);
    expect((await eventsOf(orderId)).filter((e) => e['detail-type'] === 'StockChecked')).toHaveLength(1);
  });
});
