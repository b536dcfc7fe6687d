// Order and quote lists sorted by value (net total in minor units, within one currency) and by age,
// both ways, through the lists' handlers against DynamoDB Local: every page size gives the same order,
// ties keep one order, the export follows the sort, and a cursor of another sort or a bad sort or
// currency is a 400 naming it.

import { beforeAll, describe, expect, it } from 'vitest';
import { catalogueItems, liveGeneration } from '../../functions/catalogue/catalogue-store.js';
import type { PriceList } from '../../functions/catalogue/domain/catalogue.js';
import type { OrderIntake } from '../../functions/order-routing/domain/order-input.js';
import { handler as ordersHandler } from '../../functions/order-routing/handlers/list-orders.js';
import { getOrder } from '../../functions/order-routing/order-store.js';
import { intakeOrder, routeOrder } from '../../functions/order-routing/orders.js';
import { handler as quotesHandler } from '../../functions/quote-approval/handlers/list-quotes.js';
import { createQuote } from '../../functions/quote-approval/quotes.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { putCustomer } from '../support/customer-item.js';
import { getThrough } from '../support/handler-get.js';

const DAY = 24 * 3600 * 1000;
const tag = Math.random().toString(36).slice(2, 8);
const director = { userId: 'dir-sort', role: 'director', scopes: 'orders:read quotes:read' };
const shop: Actor = { keyId: 'key-shop', userId: 'shop-web', role: 'agent', scopes: ['orders:write'] };
const rep = { userId: `rep-sort-${tag}`, teamId: 'team-istanbul' };

type Handler = typeof ordersHandler;
const ask = (handler: Handler, path: string, query: Record<string, string>) =>
  getThrough(handler, path, query, director);

/** Every row the list gives, page after page of `limit`, as [id, amount]. */
const listAll = async (handler: Handler, path: string, name: string, query: Record<string, string>, limit: number) => {
  const rows: { id: string; amount: number; createdAt: string }[] = [];
  let cursor: string | undefined;
  do {
    const answer = await ask(handler, path, { ...query, limit: String(limit), ...(cursor ? { cursor } : {}) });
    expect(answer.status).toBe(200);
    const page = answer.json();
    for (const row of page[name]) {
      rows.push({ id: row.orderId ?? row.quoteId, amount: row.grandTotal.amount, createdAt: row.createdAt });
    }
    cursor = page.nextCursor;
  } while (cursor);
  return rows;
};

const longList: PriceList = {
  id: 'sort-try',
  name: 'Sort TRY',
  currency: 'TRY',
  validFrom: '2000-01-01',
  validTo: '2099-12-31',
  prices: [{ sku: 'TP-20', unitPrice: 1_850_000 }],
};

const order = async (quantity: number, currency = 'TRY') => {
  const body: OrderIntake = {
    customer: { name: 'Sıra Deneme', email: `sort-${tag}-${newId().toLowerCase()}@example.com`, language: 'tr' },
    lines: [{ sku: 'TP-20', quantity, unitPrice: 1_000_000, currency }],
    delivery: { address: 'Deneme Cad. 1', city: 'Ankara' },
    channel: 'web-shop',
  } as OrderIntake;
  const { orderId, customerId } = await intakeOrder(body, shop, newId());
  await routeOrder((await getOrder(customerId, orderId))!, new Date());
  return orderId;
};

const quote = async (quantity: number, daysAgo: number) => {
  const customerId = await putCustomer('Sıra', 'sort');
  const made = await createQuote(
    { customerId, priceListId: 'sort-try', lines: [{ sku: 'TP-20', quantity, discountBp: 0 }] },
    rep,
    new Date(Date.now() - daysAgo * DAY),
  );
  return made.quoteId;
};

const orderIds: Record<string, string> = {};
const quoteIds: Record<string, string> = {};
beforeAll(async () => {
  await loadReferenceData(db(), tableName(), [
    ...demoItems(),
    ...catalogueItems('priceLists', await liveGeneration('priceLists'), [longList]),
  ]);
  for (const [name, quantity] of [
    ['three', 3],
    ['one', 1],
    ['two', 2],
    ['oneAgain', 1],
  ] as const)
    orderIds[name] = await order(quantity);
  orderIds.euro = await order(9, 'EUR');
  for (const [name, quantity, age] of [
    ['two', 2, 1],
    ['three', 3, 3],
    ['one', 1, 2],
  ] as const)
    quoteIds[name] = await quote(quantity, age);
});

const ours = (rows: { id: string }[]) => {
  const mine = new Set(Object.values(orderIds));
  return rows.filter((r) => mine.has(r.id)).map((r) => r.id);
};

describe('orders sorted by value', () => {
  const filter = { status: 'routed', unit: 'dealer-ankara' };
  it('highest first and lowest first, within TRY unless a currency is named, the same at any page size', async () => {
    const highest = await listAll(ordersHandler, '/orders', 'orders', { ...filter, sort: 'highest' }, 100);
    const amounts = highest.map((r) => r.amount);
    expect(amounts).toEqual([...amounts].sort((a, b) => b - a));
    expect(ours(highest).slice(0, 2)).toEqual([orderIds.three, orderIds.two]);
    expect(new Set(ours(highest).slice(2))).toEqual(new Set([orderIds.one, orderIds.oneAgain]));
    const lowest = await listAll(ordersHandler, '/orders', 'orders', { ...filter, sort: 'lowest' }, 100);
    // Equal values keep one order (by the record's key), reversed with the direction.
    expect(ours(lowest)).toEqual(ours(highest).reverse());
    expect(lowest.map((r) => r.id)).toEqual(highest.map((r) => r.id).reverse());
    for (const limit of [1, 2, 3]) {
      expect(await listAll(ordersHandler, '/orders', 'orders', { ...filter, sort: 'highest' }, limit)).toEqual(highest);
    }
    const euros = await listAll(ordersHandler, '/orders', 'orders', { ...filter, sort: 'highest', currency: 'EUR' }, 2);
    expect(ours(euros)).toEqual([orderIds.euro]);
    expect(ours(highest)).not.toContain(orderIds.euro);
  });

  it('the export follows the sort; a cursor of another sort and a bad sort or currency are 400s', async () => {
    const listed = await listAll(ordersHandler, '/orders', 'orders', { ...filter, sort: 'lowest' }, 100);
    const exported = await ask(ordersHandler, '/orders/export', { ...filter, sort: 'lowest', format: 'json' });
    expect(exported.json().orders.map((o: { orderId: string }) => o.orderId)).toEqual(listed.map((r) => r.id));
    const first = (await ask(ordersHandler, '/orders', { ...filter, sort: 'highest', limit: '1' })).json();
    expect(first.nextCursor).toBeTruthy();
    for (const [query, field] of [
      [{ ...filter, sort: 'lowest', cursor: first.nextCursor }, 'cursor'],
      [{ ...filter, sort: 'oldest', cursor: first.nextCursor }, 'cursor'],
      [{ ...filter, sort: 'priciest' }, 'sort'],
      [{ ...filter, sort: 'highest', currency: 'LIRA' }, 'currency'],
    ] as const) {
      const answer = await ask(ordersHandler, '/orders', query);
      expect(answer.status, JSON.stringify(query)).toBe(400);
      expect(answer.json().errors.map((e: { path: string }) => e.path)).toEqual([field]);
    }
  });
});

describe('quotes sorted by value and by age', () => {
  const byOwner = { owner: rep.userId };
  it('by net value and by creation time, each both ways, paged the same', async () => {
    const { one, two, three } = quoteIds;
    const sorted = async (sort: string, limit = 100) =>
      (await listAll(quotesHandler, '/quotes', 'quotes', { ...byOwner, sort }, limit)).map((r) => r.id);
    expect(await sorted('highest')).toEqual([three, two, one]);
    expect(await sorted('lowest')).toEqual([one, two, three]);
    expect(await sorted('lowest', 1)).toEqual([one, two, three]);
    expect(await sorted('oldest')).toEqual([three, one, two]);
    expect(await sorted('newest')).toEqual([two, one, three]);
    expect(await sorted('newest', 1)).toEqual([two, one, three]);
    const exported = await ask(quotesHandler, '/quotes/export', { ...byOwner, sort: 'highest', format: 'json' });
    expect(exported.json().quotes.map((q: { quoteId: string }) => q.quoteId)).toEqual([three, two, one]);
    // Another currency's list has none of these TRY quotes.
    expect(
      await listAll(quotesHandler, '/quotes', 'quotes', { ...byOwner, sort: 'highest', currency: 'EUR' }, 5),
    ).toEqual([]);
  });
});
