// Order routing over HTTP on the local stack: an order from a shop routed to its dealer and mailed
// with an acknowledge link; a QuoteAccepted delivered twice making one order and one unit mail; a
// dealer's key seeing only its dealer's orders; the customer told when the order ships; and the
// acknowledge link on a phone in headless Chromium, refused when forged, expired or used.
import { EventBridgeClient, PutEventsCommand } from '@aws-sdk/client-eventbridge';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { ackLink } from '../../functions/order-routing/links.js';
import { launchChromium, phonePage } from '../support/browser.js';
import { localControlHeaders, mailTo, settle, uniquePerson } from '../support/e2e.js';
import { act, call, createQuote, eventsOf, linksIn, newCustomer } from '../support/quotes.js';

const k = () => inject('orderKeys');
const idem = () => ({ 'idempotency-key': `order-${Math.random().toString(36).slice(2)}` });

interface OrderView {
  orderId: string;
  customerId: string;
  status: string;
  seq: number;
  unitId?: string;
  routing?: { ruleId: string; step: number; fallback: boolean };
  history: { from: string; to: string; action: string; actorId: string; via?: string }[];
}

const orderBody = (city: string, person = uniquePerson('order')) => ({
  customer: { name: person.name, email: person.email, phone: person.localPhone, language: 'tr' },
  lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
  delivery: { address: 'Deneme Sokak 5', city },
  requestedDate: '2026-12-15',
  channel: 'web-shop',
});

const orderNumber = (orderId: string) => `SP-${orderId.slice(-8)}`;
const unitMails = async (address: string, orderId: string) =>
  (await mailTo(address)).filter((m) => m.subject.includes(orderNumber(orderId)));

const intake = async (city: string, person = uniquePerson('order')) => {
  const reply = await call<{ orderId: string; customerId: string; status: string }>(
    'POST',
    '/orders',
    k().shop,
    orderBody(city, person),
    idem(),
  );
  expect(reply.status, reply.text).toBe(201);
  await settle();
  return { ...reply.body, person };
};

const getOrder = (orderId: string, key = k().manager) => call<OrderView>('GET', `/orders/${orderId}`, key);

describe('orders from a web shop', () => {
  it('takes an order once per Idempotency-Key, routes it to the city’s dealer and mails the dealer', async () => {
    const person = uniquePerson('order-intake');
    const body = orderBody('Ankara', person);
    const headers = idem();
    const first = await call<{ orderId: string }>('POST', '/orders', k().shop, body, headers);
    expect(first.status, first.text).toBe(201);
    const retry = await call<{ orderId: string }>('POST', '/orders', k().shop, body, headers);
    expect([retry.status, retry.body.orderId]).toEqual([201, first.body.orderId]);
    const keyless = await call('POST', '/orders', k().shop, body);
    expect([keyless.status, (keyless.body as { errors?: { path: string }[] }).errors?.[0]?.path]).toEqual([
      400,
      'Idempotency-Key',
    ]);
    await settle();

    const order = await getOrder(first.body.orderId);
    expect(order.status).toBe(200);
    expect(order.body).toMatchObject({
      status: 'routed',
      unitId: 'dealer-ankara',
      routing: { ruleId: 'ankara-dealer', step: 1, fallback: false },
    });
    expect(order.body.history).toEqual([expect.objectContaining({ from: 'received', to: 'routed', action: 'route' })]);
    const mails = await unitMails('ankara.dealer@example.com', first.body.orderId);
    expect(mails).toHaveLength(1);
    expect(mails[0]!.subject).toBe(`Yeni sipariş: ${orderNumber(first.body.orderId)}`);
    expect(linksIn(mails[0], '/order-links/acknowledge')).toHaveLength(1);
    // The events are thin: no name, address or phone.
    const published = JSON.stringify(await eventsOf(first.body.orderId));
    for (const personal of [person.name, person.email, person.digits, 'Deneme Sokak'])
      expect(published).not.toContain(personal);
  });

  it('shows a dealer’s key only its dealer’s orders, lets it acknowledge them, and tells the customer when it ships', async () => {
    const { orderId, person } = await intake('Ankara');
    expect((await getOrder(orderId, k().dealerAnkara)).status).toBe(200);
    // Another dealer's order does not exist for them: by id, by a list filter, and in their own list.
    expect((await getOrder(orderId, k().dealerIzmir)).status).toBe(404);
    expect((await call('GET', '/orders?status=routed&unit=dealer-ankara', k().dealerIzmir)).status).toBe(404);
    const izmirList = await call<{ orders: { orderId: string }[] }>('GET', '/orders?status=routed', k().dealerIzmir);
    expect(izmirList.status).toBe(200);
    expect(izmirList.body.orders.map((o) => o.orderId)).not.toContain(orderId);
    expect((await call('POST', `/orders/${orderId}/status`, k().dealerIzmir, { status: 'acknowledged' })).status).toBe(
      404,
    );
    const ankaraList = await call<{ orders: { orderId: string; createdAt: string }[] }>(
      'GET',
      '/orders?status=routed',
      k().dealerAnkara,
    );
    expect(ankaraList.body.orders.map((o) => o.orderId)).toContain(orderId);
    const created = ankaraList.body.orders.map((o) => o.createdAt);
    expect(created).toEqual([...created].sort());

    // Reports follow reach too: the dealer's open orders are its own unit's alone.
    const open = await call('GET', '/reports/orders/open?format=csv', k().dealerAnkara);
    expect([open.status, open.type]).toEqual([200, 'text/csv; charset=utf-8']);
    const rows = open.text.trim().split('\r\n');
    expect(rows[0]).toBe('unitId,open,under1d,d1to3,d3to7,over7d,oldestCreatedAt');
    expect(rows.slice(1).map((row) => row.split(',')[0])).toEqual(['dealer-ankara']);
    const revenue = await call<{ rows: { currency: string; orders: number; totalTry: number }[] }>(
      'GET',
      '/reports/orders/revenue',
      k().manager,
    );
    expect(revenue.body.rows.find((row) => row.currency === 'TRY')?.orders).toBeGreaterThanOrEqual(2);

    const early = await call<{ code: string; detail: string }>('POST', `/orders/${orderId}/status`, k().dealerAnkara, {
      status: 'shipped',
    });
    expect([early.status, early.body.code]).toEqual([409, 'illegal-transition']);
    expect(early.body.detail).toContain('acknowledged');
    for (const status of ['acknowledged', 'in_progress', 'shipped']) {
      const moved = await call('POST', `/orders/${orderId}/status`, k().dealerAnkara, { status }, idem());
      expect(moved.status, moved.text).toBe(200);
    }
    await settle();
    const notices = await mailTo(person.email);
    expect(notices.map((m) => m.subject)).toEqual([`Siparişiniz kargoya verildi: ${orderNumber(orderId)}`]);
    const history = (await getOrder(orderId, k().dealerAnkara)).body.history;
    expect(history.map((h) => h.to)).toEqual(['routed', 'acknowledged', 'in_progress', 'shipped']);
    expect(history[1]).toMatchObject({ actorId: 'dealer-ankara-ali', via: 'api' });
  });

  it('lets a routing admin read and replace the rules, naming an unknown unit', async () => {
    const rules = await call<{ seq: number; rules: unknown[]; fallbackUnitId: string }>(
      'GET',
      '/routing-rules',
      k().routingAdmin,
    );
    expect(rules.status).toBe(200);
    expect((await call('GET', '/routing-rules', k().manager)).status).toBe(403);
    const { seq, rules: list, fallbackUnitId } = rules.body;
    const unknown = await call<{ code: string; errors: { path: string }[] }>(
      'PUT',
      '/routing-rules',
      k().routingAdmin,
      {
        rules: list,
        fallbackUnitId: 'dept-nowhere',
      },
    );
    expect([unknown.status, unknown.body.code, unknown.body.errors[0]?.path]).toEqual([
      422,
      'unknown-unit',
      'fallbackUnitId',
    ]);
    const saved = await call<{ seq: number }>('PUT', '/routing-rules', k().routingAdmin, {
      rules: list,
      fallbackUnitId,
      seq,
    });
    expect([saved.status, saved.body.seq]).toEqual([200, seq + 1]);
  });
});

describe('the acknowledgement SLA on the local scheduler', () => {
  it('re-routes an order its dealer left unacknowledged once, with two sweeps fired at once, and mails the next unit', async () => {
    const { orderId } = await intake('İzmir');
    expect((await getOrder(orderId)).body.unitId).toBe('dealer-izmir');
    // An injected clock: the sweeps run as of two days on, when the dealer's SLA has long run out.
    const later = new Date(Date.now() + 2 * 24 * 3600_000).toISOString();
    const fire = () =>
      fetch(
        `${inject('api')}/_local/schedules/${encodeURIComponent('order-routing.reroute-overdue-orders')}/fire?at=${later}`,
        {
          method: 'POST',
          headers: localControlHeaders,
        },
      );
    const fired = await Promise.all([fire(), fire()]);
    expect(fired.map((r) => r.status)).toEqual([200, 200]);
    await settle();
    const order = await getOrder(orderId);
    expect(order.body).toMatchObject({
      status: 'routed',
      unitId: 'warehouse-gebze',
      routing: { step: 2, ruleId: 'izmir-dealer' },
    });
    expect(order.body.history.filter((h) => h.action === 'reroute')).toEqual([
      expect.objectContaining({ actorId: 'system', via: 'sweep' }),
    ]);
    const rerouted = (await eventsOf(orderId)).filter((e) => e['detail-type'] === 'OrderRerouted');
    expect(rerouted.map((e) => e.detail)).toEqual([
      expect.objectContaining({ fromUnitId: 'dealer-izmir', unitId: 'warehouse-gebze', reason: 'ack-sla-missed' }),
    ]);
    const mails = await unitMails('gebze.warehouse@example.com', orderId);
    expect(mails.map((m) => m.subject)).toEqual([`Size yönlendirilen sipariş: ${orderNumber(orderId)}`]);
  });
});

describe('orders from accepted quotes', () => {
  it('makes one routed order and one unit mail from a QuoteAccepted delivered twice', async () => {
    const q = inject('quoteKeys');
    const customer = await newCustomer('order-quote');
    const quote = await createQuote(q.repAyse, {
      customerId: customer.customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'TP-20', quantity: 4, discountBp: 500 }],
    });
    expect((await act(quote.quoteId, 'submit', q.repAyse, { seq: quote.seq })).status).toBe(200);
    await settle();
    const sent = (await call<{ seq: number }>('GET', `/quotes/${quote.quoteId}`, q.repAyse)).body;
    expect((await act(quote.quoteId, 'answer', q.repAyse, { answer: 'accepted', seq: sent.seq })).status).toBe(200);
    await settle();
    const accepted = (await eventsOf(quote.quoteId)).find((e) => e['detail-type'] === 'QuoteAccepted')!;
    // EventBridge delivers at least once: the same event again.
    const bus = new EventBridgeClient({
      endpoint: inject('events'),
      region: 'eu-central-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    await bus.send(
      new PutEventsCommand({
        Entries: [
          {
            EventBusName: 'crm',
            Source: accepted.source,
            DetailType: 'QuoteAccepted',
            Detail: JSON.stringify(accepted.detail),
          },
        ],
      }),
    );
    await settle();
    const events = (await eventsOf(quote.quoteId)).map((e) => e['detail-type']);
    expect(events.filter((t) => t === 'QuoteAccepted')).toHaveLength(2);
    expect(events.filter((t) => t === 'OrderCreated')).toHaveLength(1);
    expect(events.filter((t) => t === 'OrderRouted')).toHaveLength(1);
    const order = await getOrder(quote.quoteId);
    // A Kocaeli customer's pallet trucks: the Marmara warehouse.
    expect(order.body).toMatchObject({
      orderId: quote.quoteId,
      status: 'routed',
      unitId: 'warehouse-gebze',
      routing: { ruleId: 'marmara-warehouse' },
    });
    expect(await unitMails('gebze.warehouse@example.com', quote.quoteId)).toHaveLength(1);
    // An order from a quote has the quote's cost and margin: it counts in profitability.
    const profit = await call<{ rows: { currency: string; orders: number; marginBp: number }[] }>(
      'GET',
      '/reports/orders/profitability',
      k().manager,
    );
    expect(profit.status).toBe(200);
    expect(profit.body.rows.find((row) => row.currency === 'TRY')?.orders).toBeGreaterThanOrEqual(1);
  });
});

describe('the acknowledge link on a phone', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('acknowledges with one tap, and refuses the link reused, forged or expired', async () => {
    const { orderId, customerId } = await intake('İzmir');
    const [mail] = await unitMails('izmir.dealer@example.com', orderId);
    const [url] = linksIn(mail, '/order-links/acknowledge');
    const { context, page } = await phonePage(browser);
    try {
      await page.goto(url!);
      await expect(page.getByRole('heading', { name: 'Sipariş onayı' }).isVisible()).resolves.toBe(true);
      const button = page.getByRole('button', { name: 'Siparişi aldım' });
      const box = (await button.boundingBox())!;
      expect(box.width).toBeLessThanOrEqual(390);
      await button.tap();
      await page.waitForSelector('#outcome');
      expect(await page.getAttribute('#outcome', 'data-outcome')).toBe('acknowledged');
      const order = await getOrder(orderId);
      expect(order.body.status).toBe('acknowledged');
      expect(order.body.history.at(-1)).toMatchObject({
        to: 'acknowledged',
        actorId: 'unit:dealer-izmir',
        via: 'link',
      });

      const reused = await page.goto(url!);
      expect(reused?.status()).toBe(409);
      expect(await page.getAttribute('#outcome', 'data-outcome')).toBe('done');

      const token = new URL(url!).searchParams.get('token')!;
      const [payload, signature] = token.split('.');
      const forgedPayload = Buffer.from(
        JSON.stringify({
          ...JSON.parse(Buffer.from(payload!, 'base64url').toString()),
          claims: { customerId, orderId, unitId: 'dealer-ankara', step: 1 },
        }),
      ).toString('base64url');
      const forged = await page.goto(
        `${new URL(url!).origin}/order-links/acknowledge?token=${forgedPayload}.${signature}`,
      );
      expect(forged?.status()).toBe(403);
      expect(await page.getAttribute('#outcome', 'data-outcome')).toBe('invalid');

      const expiredUrl = await ackLink.url(
        { customerId, orderId, unitId: 'dealer-izmir', step: 1 },
        { now: new Date(Date.now() - 8 * 24 * 3600_000) },
      );
      const expired = await page.goto(
        `${new URL(url!).origin}${new URL(expiredUrl).pathname}${new URL(expiredUrl).search}`,
      );
      expect(expired?.status()).toBe(410);
      expect(await page.getAttribute('#outcome', 'data-outcome')).toBe('expired');
    } finally {
      await context.close();
    }
  });
});
