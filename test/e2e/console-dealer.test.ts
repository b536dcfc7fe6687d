// A dealer's and a manager's day in Chromium against the local stack. The call center sends a test
// drive request to the customer's preferred dealer; the dealer opens it on a phone from the link in
// its mail, signs in, lands on the request, accepts it, finds it in the inbox and reports the outcome.
// Then a manager lists one unit's open orders older than two days and downloads them as CSV. The test
// asserts what the API then holds and the CSV's rows. README screenshots with PUSULA_SCREENSHOTS=1.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { orderRoutingKeys as tableKeys } from '../../functions/order-routing/keys.js';
import { keys } from '../../shared/table.js';
import { check, docsScreenshot, findRow, settled, signedIn, useBrowser } from '../support/console.js';
import { bearer, mailTo, post, settle, uniquePerson } from '../support/e2e.js';
import { call, newCustomer, table } from '../support/quotes.js';

const browser = useBrowser();
const DAY_MS = 24 * 3600 * 1000;

interface RequestView {
  status: string;
  seq: number;
  outcome?: string;
  unitId: string;
  history: { action: string; from: string; to: string; actorId: string }[];
}

/** Sets the customer's preferred dealer and phone, as the customer record's PATCH would. */
const prefers = async (customerId: string, dealerId: string, phone: string) =>
  table().send(
    new UpdateCommand({
      TableName: 'pusula',
      Key: keys.customer(customerId),
      UpdateExpression: 'SET preferredDealerId = :dealer, phone = :phone',
      ExpressionAttributeValues: { ':dealer': dealerId, ':phone': phone },
    }),
  );

/** An order from the web shop for a customer in Ankara (routed to the Ankara dealer). */
const shopOrder = async (tag: string) => {
  const buyer = uniquePerson(tag);
  const answer = await post(
    '/orders',
    {
      customer: { name: buyer.name, email: buyer.email, language: 'tr' },
      lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
      delivery: { address: 'Deneme Sokak 5', city: 'Ankara' },
      channel: 'web-shop',
    },
    { ...bearer(inject('orderKeys').shop), 'idempotency-key': `dealer-day-${buyer.email}` },
  );
  expect(answer.status).toBe(201);
  return (await answer.json()) as { orderId: string; customerId: string } satisfies object;
};

/** Moves an order's creation back by `days` (its index keys with it), as if it had waited that long. */
const backdate = async (order: { orderId: string; customerId: string }, status: string, days: number) => {
  const createdAt = new Date(Date.now() - days * DAY_MS).toISOString();
  const byUnit = tableKeys.ordersByUnit('dealer-ankara', status, createdAt, order.orderId);
  const byStatus = tableKeys.ordersByStatus(status, createdAt, order.orderId);
  await table().send(
    new UpdateCommand({
      TableName: 'pusula',
      Key: tableKeys.order(order.customerId, order.orderId),
      UpdateExpression: 'SET createdAt = :at, gsi1sk = :unitSk, gsi2sk = :statusSk',
      ExpressionAttributeValues: { ':at': createdAt, ':unitSk': byUnit.gsi1sk, ':statusSk': byStatus.gsi2sk },
    }),
  );
};

/** RFC 4180 rows of the simple kind the export writes for these orders (no quoted commas in them). */
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));

describe("a dealer's and a manager's day", () => {
  it('the dealer answers a test drive request from its mail link; the manager exports late orders of one unit', async () => {
    // ---- the call center books a test drive at the customer's preferred dealer ----------------------
    const customer = await newCustomer('dealer-day');
    const phone = uniquePerson('dealer-day').phone;
    await prefers(customer.customerId, 'dealer-ankara', phone);
    const recorded = await call<{ requestId: string; unitId: string }>(
      'POST',
      `/customers/${customer.customerId}/requests`,
      inject('requestKeys').agent,
      {
        kind: 'test-drive',
        channel: 'phone',
        details: { model: 'FL-35D', preferredTimes: ['2030-01-05T10:00:00+03:00'] },
      },
      { 'idempotency-key': `dealer-day-${customer.customerId}` },
    );
    expect(recorded.status).toBe(201);
    const { requestId } = recorded.body;
    expect(recorded.body.unitId).toBe('dealer-ankara');
    await settle();
    const number = `TL-${requestId.slice(-8)}`;
    const mails = (await mailTo('ali.ankara@example.com')).filter((m) => m.subject.includes(number));
    expect(mails).toHaveLength(1);
    const link = /https?:\/\/\S+#\/requests\/[0-9A-Z]{26}/.exec(mails[0]!.body.text ?? '')?.[0];
    expect(link).toMatch(new RegExp(`/console/#/requests/${requestId}$`));
    expect(mails[0]!.body.html).toContain(`href="${link}"`);

    // ---- on a phone: the link asks for sign-in, then opens the request itself ------------------------
    const context = await browser().newContext({ viewport: { width: 390, height: 844 }, locale: 'tr-TR' });
    const phonePage = await context.newPage();
    await phonePage.goto(link!);
    await phonePage.getByLabel('E-posta').fill('ali.ankara@example.com');
    await phonePage.getByLabel('Parola').fill(inject('signIn').password);
    await docsScreenshot(phonePage, 'dealer-mail-link-sign-in-phone');
    await phonePage.getByRole('button', { name: 'Giriş yap' }).click();
    await phonePage.locator('[data-number]').waitFor();
    expect(phonePage.url()).toMatch(new RegExp(`#/requests/${requestId}$`));
    expect(await phonePage.locator('[data-number]').textContent()).toBe(number);
    expect(await phonePage.locator('[data-request]').textContent()).toContain(customer.name);
    expect(await phonePage.locator('[data-phone]').textContent()).toBe(phone);
    expect(await phonePage.locator('[data-request]').textContent()).toContain('FL-35D');
    expect(await phonePage.locator('[data-status]').getAttribute('data-status')).toBe('open');
    await docsScreenshot(phonePage, 'dealer-request-phone');

    const accepting = phonePage.waitForResponse((r) => r.url().endsWith(`/requests/${requestId}/accept`));
    await phonePage.locator('form[data-move="accept"] button').click();
    const acceptAnswer = await accepting;
    expect([acceptAnswer.status(), await acceptAnswer.text()]).toEqual([200, expect.stringContaining('"accepted"')]);
    await expect
      .poll(() => phonePage.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('accepted');
    const accepted = await call<RequestView>('GET', `/requests/${requestId}`, inject('requestKeys').dealerAnkara);
    expect(accepted.body).toMatchObject({ status: 'accepted', seq: 2, unitId: 'dealer-ankara' });

    // ---- the inbox (the dealer's start page) holds it, found by its number ---------------------------
    await phonePage.setViewportSize({ width: 1280, height: 900 });
    await phonePage.evaluate("location.hash = '#/'");
    const row = phonePage.locator(`tr[data-item="${requestId}"]`);
    await row.waitFor();
    expect(await row.getAttribute('data-kind')).toBe('request');
    expect(await row.locator('[data-status]').getAttribute('data-status')).toBe('accepted');
    await phonePage.getByLabel('Numarayla bul').fill(number.toLowerCase());
    await phonePage.getByRole('button', { name: 'Bul' }).click();
    await expect.poll(() => phonePage.locator('tr[data-item]').count(), { timeout: 15_000 }).toBe(1);
    await check(phonePage, 'dealer-inbox');
    await docsScreenshot(phonePage, 'dealer-inbox-desktop');

    // ---- the outcome ---------------------------------------------------------------------------------
    await row.getByRole('link', { name: number }).click();
    const done = phonePage.locator('form[data-move="done"]');
    await done.waitFor();
    await done.getByLabel('Sonuç').selectOption('sold');
    await done.getByLabel('Not').fill('Test sürüşünden sonra sözleşme imzalandı.');
    const reporting = phonePage.waitForResponse((r) => r.url().endsWith(`/requests/${requestId}/done`));
    await done.getByRole('button', { name: 'Sonucu bildir' }).click();
    expect((await reporting).status()).toBe(200);
    await expect
      .poll(() => phonePage.locator('[data-status]').first().getAttribute('data-status'), { timeout: 15_000 })
      .toBe('done');
    await check(phonePage, 'dealer-request');
    const held = await call<RequestView>('GET', `/requests/${requestId}`, inject('requestKeys').agent);
    expect(held.body).toMatchObject({ status: 'done', seq: 3, outcome: 'sold', unitId: 'dealer-ankara' });
    expect(held.body.history.map((m) => [m.action, m.from, m.to, m.actorId])).toEqual([
      ['accept', 'open', 'accepted', 'dealer-ankara-ali'],
      ['done', 'accepted', 'done', 'dealer-ankara-ali'],
    ]);
    await context.close();

    // ---- the manager: open orders of the Ankara dealer older than two days, exported -----------------
    const [late, later, fresh] = [await shopOrder('late-1'), await shopOrder('late-2'), await shopOrder('fresh')];
    await settle();
    const ack = await call<{ status: string }>(
      'POST',
      `/orders/${later.orderId}/status`,
      inject('orderKeys').dealerAnkara,
      {
        status: 'acknowledged',
      },
    );
    expect(ack.body.status).toBe('acknowledged');
    await backdate(late, 'routed', 5);
    await backdate(later, 'acknowledged', 3);
    const numberOf = (orderId: string) => `SP-${orderId.slice(-8)}`;

    const page = await signedIn('zeynep.manager@example.com', '/orders');
    const filter = page.locator('form[data-order-filter]');
    await filter.getByLabel('Durum').selectOption('open');
    await filter.getByLabel('Bayi veya birim').fill('dealer-ankara');
    await filter.getByLabel('En az kaç günlük').fill('2');
    await filter.getByLabel('Sıralama').selectOption('oldest');
    await filter.getByRole('button', { name: 'Süz' }).click();
    await expect.poll(() => page.url(), { timeout: 15_000 }).toContain('olderThanDays=2');
    const lateRow = await findRow(page, `tr[data-order="${late.orderId}"]`);
    expect(await lateRow.locator('[data-age]').textContent()).toBe('5');
    expect(
      await (await findRow(page, `tr[data-order="${later.orderId}"]`))
        .locator('[data-status]')
        .getAttribute('data-status'),
    ).toBe('acknowledged');
    // Every page loaded: the fresh order is not among them, and every row is the Ankara dealer's, 2+ days old.
    const more = page.getByRole('button', { name: 'Daha fazla' });
    while ((await more.count()) > 0) {
      await more.click();
      await settled(page);
    }
    expect(await page.locator(`tr[data-order="${fresh.orderId}"]`).count()).toBe(0);
    expect(new Set(await page.locator('tr[data-order] [data-unit]').allTextContents())).toEqual(
      new Set(['dealer-ankara']),
    );
    for (const age of await page.locator('tr[data-order] [data-age]').allTextContents())
      expect(Number(age)).toBeGreaterThanOrEqual(2);
    await check(page, 'manager-orders');
    await docsScreenshot(page, 'manager-late-orders-desktop');

    const download = page.waitForEvent('download');
    await filter.getByRole('button', { name: 'CSV olarak indir' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^orders-\d{4}-\d{2}-\d{2}\.csv$/);
    const bytes = await (await file.createReadStream()).toArray();
    const text = Buffer.concat(bytes).toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const [header, ...rows] = csvRows(text);
    expect(header).toEqual([
      'number',
      'status',
      'unitId',
      'customer',
      'city',
      'category',
      'grandTotal',
      'currency',
      'createdAt',
      'ackDueAt',
      'orderId',
    ]);
    const ours = rows.filter((r) => [late.orderId, later.orderId, fresh.orderId].includes(r[10]!));
    // Oldest first: the five-day-old routed order, then the three-day-old acknowledged one; not the fresh one.
    expect(ours.map((r) => [r[0], r[1], r[2], r[6], r[7]])).toEqual([
      [numberOf(late.orderId), 'routed', 'dealer-ankara', '950000.00', 'TRY'],
      [numberOf(later.orderId), 'acknowledged', 'dealer-ankara', '950000.00', 'TRY'],
    ]);
    for (const r of rows) {
      expect(r[2]).toBe('dealer-ankara');
      expect(['routed', 'acknowledged', 'in_progress']).toContain(r[1]);
      expect(Date.now() - Date.parse(r[8]!)).toBeGreaterThanOrEqual(2 * DAY_MS);
    }
    // The CSV is what the API holds for that filter.
    const held2 = await call<{ orders: { orderId: string; status: string; unitId: string }[] }>(
      'GET',
      '/orders/export?status=open&unit=dealer-ankara&olderThanDays=2&format=json',
      inject('orderKeys').manager,
    );
    expect(held2.body.orders.map((o) => o.orderId)).toEqual(rows.map((r) => r[10]));
    await page.context().close();
  });
});
