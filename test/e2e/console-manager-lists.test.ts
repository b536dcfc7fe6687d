// A manager's lists in Chromium against the local stack, each filtered the way a manager asks and
// exported as it is shown: one unit's open orders older than two days, one rep's new leads, one rep's
// draft quotes, one department's cases older than two days, and open orders sorted by value. Rows show
// the records' numbers (SP-, L-, Q-), every CSV is read back (BOM, header,
// rows, decimal amounts beside their currency, ISO instants) against what the API holds for the same
// filter, and a bad filter value is problem+json naming its parameter.
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { complaintEscalationKeys as caseKeys } from '../../functions/complaint-escalation/keys.js';
import { orderRoutingKeys as tableKeys } from '../../functions/order-routing/keys.js';
import { check, docsScreenshot, findRow, settled, signedIn, useBrowser } from '../support/console.js';
import { bearer, captureLead, post, readProblem, settle, uniquePerson } from '../support/e2e.js';
import { call, createQuote, quoteKeys, table } from '../support/quotes.js';

useBrowser();
const DAY_MS = 24 * 3600 * 1000;

/** An order from the web shop for a customer in Ankara (routed to the Ankara dealer). */
const shopOrder = async (tag: string, quantity = 1) => {
  const buyer = uniquePerson(tag);
  const answer = await post(
    '/orders',
    {
      customer: { name: buyer.name, email: buyer.email, language: 'tr' },
      lines: [{ sku: 'FL-25E', quantity, unitPrice: 95_000_000, currency: 'TRY' }],
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

/** A website case opened by the call center (routed to customer service), opened `days` ago. */
const websiteCase = async (tag: string, days: number) => {
  const someone = uniquePerson(tag);
  const answer = await post(
    '/cases',
    {
      type: 'complaint',
      channel: 'phone',
      category: 'website',
      subject: 'Sayfa açılmıyor',
      contact: { name: someone.name, email: someone.email, language: 'tr' },
    },
    bearer(inject('caseKeys').agent),
  );
  expect(answer.status).toBe(201);
  const { caseId } = (await answer.json()) as { caseId: string };
  if (days === 0) return caseId;
  const held = await call<{ customerId: string; status: string }>(
    'GET',
    `/cases/${caseId}`,
    inject('caseKeys').director,
  );
  const createdAt = new Date(Date.now() - days * DAY_MS).toISOString();
  await table().send(
    new UpdateCommand({
      TableName: 'pusula',
      Key: caseKeys.case(held.body.customerId, caseId),
      UpdateExpression: 'SET createdAt = :at, gsi1sk = :unitSk, gsi2sk = :statusSk',
      ExpressionAttributeValues: {
        ':at': createdAt,
        ':unitSk': caseKeys.casesByUnit('dept-customer-service', createdAt, caseId).gsi1sk,
        ':statusSk': caseKeys.casesByStatus(held.body.status, createdAt, caseId).gsi2sk,
      },
    }),
  );
  return caseId;
};

/** RFC 4180 rows of the simple kind the exports write here (no quoted commas in these rows). */
const csvRows = (text: string) =>
  text
    .replace(/^\uFEFF/, '')
    .split('\r\n')
    .filter(Boolean)
    .map((line) => line.split(','));

/** Clicks the list's "download as CSV" and reads the file: named `<list>-<date>.csv`, UTF-8 with a BOM. */
const downloaded = async (page: Page, list: string) => {
  const download = page.waitForEvent('download');
  await page.locator('form[data-list-filter]').getByRole('button', { name: 'CSV olarak indir' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toMatch(new RegExp(`^${list}-\\d{4}-\\d{2}-\\d{2}\\.csv$`));
  const text = Buffer.concat(await (await file.createReadStream()).toArray()).toString('utf8');
  expect(text.startsWith('\uFEFF')).toBe(true);
  return csvRows(text);
};

/** Submits the list's filter and waits for the address to carry it and the list to load. */
const applyFilter = async (page: Page, expected: string) => {
  await page.locator('form[data-list-filter]').getByRole('button', { name: 'Süz' }).click();
  await expect.poll(() => page.url()).toContain(expected);
  await settled(page);
};

describe("a manager's lists", () => {
  it('open orders of one unit older than two days, filtered and exported', async () => {
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
    const filter = page.locator('form[data-list-filter]');
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

    const [header, ...rows] = await downloaded(page, 'orders');
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

  it("one rep's new leads by number, exported as shown; an age filter leaves today's out", async () => {
    const people = [uniquePerson('lists-lead-1'), uniquePerson('lists-lead-2')];
    const leadIds: string[] = [];
    // Kocaeli's leads go to rep-ayse by the demo's rules.
    for (const p of people) leadIds.push((await captureLead({ name: p.name, email: p.email, city: 'Kocaeli' })).leadId);
    await settle();
    const page = await signedIn('zeynep.manager@example.com', '/leads');
    const filter = page.locator('form[data-list-filter]');
    await filter.getByLabel('Durum').selectOption('new');
    await filter.getByLabel('Sahibi').fill('rep-ayse');
    await applyFilter(page, 'owner=rep-ayse');
    for (const leadId of leadIds) {
      const row = await findRow(page, `tr[data-lead="${leadId}"]`);
      expect(await row.locator('[data-number]').textContent()).toBe(`L-${leadId.slice(-8)}`);
      expect(await row.locator('[data-owner]').textContent()).toBe('rep-ayse');
    }
    await check(page, 'manager-leads');
    const [header, ...rows] = await downloaded(page, 'leads');
    expect(header).toEqual([
      'number',
      'status',
      'name',
      'company',
      'city',
      'productInterest',
      'ownerType',
      'ownerId',
      'source',
      'createdAt',
      'leadId',
    ]);
    const held = await call<{ leads: { leadId: string; number: string; createdAt: string }[] }>(
      'GET',
      '/leads/export?status=new&owner=rep-ayse&format=json',
      quoteKeys().manager,
    );
    expect(rows.map((r) => r[10])).toEqual(held.body.leads.map((l) => l.leadId));
    expect(rows.map((r) => r[0])).toEqual(held.body.leads.map((l) => l.number));
    for (const r of rows) expect([r[1], r[7], new Date(r[9]!).toISOString()]).toEqual(['new', 'rep-ayse', r[9]]);
    expect(rows.filter((r) => leadIds.includes(r[10]!)).map((r) => r[2])).toEqual(
      [...people].reverse().map((p) => p.name),
    );

    // At least a day old: today's leads are no longer shown, nor exported.
    await filter.getByLabel('En az kaç günlük').fill('1');
    await applyFilter(page, 'olderThanDays=1');
    for (const leadId of leadIds) expect(await page.locator(`tr[data-lead="${leadId}"]`).count()).toBe(0);
    const [, ...older] = await downloaded(page, 'leads');
    expect(older.filter((r) => leadIds.includes(r[10]!))).toEqual([]);
    for (const r of older) expect(Date.now() - Date.parse(r[9]!)).toBeGreaterThanOrEqual(DAY_MS - 60_000);
    await page.context().close();
  });

  it("one rep's draft quotes by number, their totals exported as decimal amounts beside the currency", async () => {
    const person = uniquePerson('lists-quote');
    const { leadId } = await captureLead({ name: person.name, email: person.email, city: 'Kocaeli' });
    await settle();
    const { customerId } = (await call<{ customerId: string }>('GET', `/leads/${leadId}`, quoteKeys().manager)).body;
    const quote = await createQuote(quoteKeys().repAyse, {
      customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'FL-25E', quantity: 3, discountBp: 500 }],
    });
    const page = await signedIn('zeynep.manager@example.com', '/quotes');
    const filter = page.locator('form[data-list-filter]');
    await filter.getByLabel('Durum').selectOption('draft');
    await filter.getByLabel('Sahibi').fill('rep-ayse');
    await applyFilter(page, 'status=draft');
    const row = await findRow(page, `tr[data-listed-quote="${quote.quoteId}"]`);
    expect(await row.locator('[data-quote-number]').textContent()).toBe(`Q-${quote.quoteId.slice(-8)}`);
    await check(page, 'manager-quotes');
    await docsScreenshot(page, 'manager-quotes-desktop');

    const [header, ...rows] = await downloaded(page, 'quotes');
    expect(header!.slice(0, 6)).toEqual(['number', 'status', 'customerId', 'ownerId', 'grandTotal', 'currency']);
    const held = await call<{ quotes: { quoteId: string; grandTotal: { amount: number; currency: string } }[] }>(
      'GET',
      '/quotes/export?status=draft&owner=rep-ayse&format=json',
      quoteKeys().manager,
    );
    expect(rows.map((r) => r[10])).toEqual(held.body.quotes.map((q) => q.quoteId));
    const total = (quote as unknown as { totals: { grandTotal: { amount: number; currency: string } } }).totals
      .grandTotal;
    const ours = rows.find((r) => r[10] === quote.quoteId)!;
    expect([ours[0], ours[1], ours[3], ours[4], ours[5]]).toEqual([
      `Q-${quote.quoteId.slice(-8)}`,
      'draft',
      'rep-ayse',
      (total.amount / 100).toFixed(2),
      total.currency,
    ]);
    for (const [i, q] of held.body.quotes.entries()) {
      expect([rows[i]![4], rows[i]![5]]).toEqual([(q.grandTotal.amount / 100).toFixed(2), q.grandTotal.currency]);
    }
    await page.context().close();
  });

  it("one department's cases older than two days, exported as shown; orders sorted by value", async () => {
    const [old, fresh] = [await websiteCase('case-old', 3), await websiteCase('case-fresh', 0)];
    const page = await signedIn('kemal.director@example.com', '/cases');
    const filter = page.locator('form[data-list-filter]');
    await filter.getByLabel('Bayi veya birim').fill('dept-customer-service');
    await filter.getByLabel('En az kaç günlük').fill('2');
    await applyFilter(page, 'olderThanDays=2');
    expect(page.url()).toContain('unit=dept-customer-service');
    // The list drawn for the new address replaces the one drawn before it: read the rows until it has.
    const caseRows = async () => {
      const rows = await page.locator('tr[data-case]').evaluateAll((trs) =>
        trs.map((tr) => ({
          caseId: tr.getAttribute('data-case'),
          unit: tr.querySelector('[data-unit]')?.textContent?.trim(),
          age: Number(tr.querySelector('[data-age]')?.textContent),
        })),
      );
      return {
        old: rows.some((r) => r.caseId === old),
        fresh: rows.some((r) => r.caseId === fresh),
        units: [...new Set(rows.map((r) => r.unit))],
        youngerThanTwoDays: rows.filter((r) => !(r.age >= 2)).length,
      };
    };
    await expect
      .poll(caseRows)
      .toEqual({ old: true, fresh: false, units: ['dept-customer-service'], youngerThanTwoDays: 0 });
    await check(page, 'manager-cases');
    const [header, ...rows] = await downloaded(page, 'cases');
    expect(header).toEqual([
      'number',
      'status',
      'unitId',
      'departmentId',
      'category',
      'priority',
      'openedBy',
      'minutesLeft',
      'createdAt',
      'caseId',
    ]);
    const held = await call<{ cases: { caseId: string; number: string }[] }>(
      'GET',
      '/cases/export?unit=dept-customer-service&olderThanDays=2&format=json',
      inject('caseKeys').director,
    );
    expect(rows.map((r) => [r[0], r[9]])).toEqual(held.body.cases.map((c) => [c.number, c.caseId]));
    expect(rows.map((r) => r[9])).toContain(old);
    expect(rows.map((r) => r[9])).not.toContain(fresh);
    await page.context().close();

    // Orders by value, highest first: the page shows the API's order for the same filter.
    const [small, big] = [await shopOrder('value-1', 1), await shopOrder('value-3', 3)];
    await settle();
    const orders = await signedIn('zeynep.manager@example.com', '/orders');
    const orderFilter = orders.locator('form[data-list-filter]');
    await orderFilter.getByLabel('Durum').selectOption('open');
    await orderFilter.getByLabel('Sıralama').selectOption('highest');
    await applyFilter(orders, 'sort=highest');
    const listed = await call<{ orders: { orderId: string; grandTotal: { amount: number; currency: string } }[] }>(
      'GET',
      '/orders?status=open&sort=highest&limit=20',
      inject('orderKeys').manager,
    );
    const rowsShown = () => orders.locator('tr[data-order]').evaluateAll((trs) => trs.map((tr) => tr.dataset.order));
    // The list drawn for the new address replaces the one drawn before it.
    await expect.poll(rowsShown, { timeout: 15_000 }).toEqual(listed.body.orders.map((o) => o.orderId));
    const shown = await rowsShown();
    expect(new Set(listed.body.orders.map((o) => o.grandTotal.currency))).toEqual(new Set(['TRY']));
    // The export keeps the sort over every page: the three-forklift order before the one-forklift one.
    const all = await call<{ orders: { orderId: string }[] }>(
      'GET',
      '/orders/export?status=open&sort=highest&format=json',
      inject('orderKeys').manager,
    );
    const ids = all.body.orders.map((o) => o.orderId);
    expect(ids.slice(0, shown.length)).toEqual(shown);
    expect(ids.filter((id) => id === big.orderId || id === small.orderId)).toEqual([big.orderId, small.orderId]);
    await orders.context().close();
  });

  it('a bad filter value is refused as problem+json naming its parameter, on the list and on the export', async () => {
    const [orders, quotes, cases] = [inject('orderKeys').manager, quoteKeys().manager, inject('caseKeys').director];
    for (const [path, field, key] of [
      ['/orders?status=open&olderThanDays=0', 'olderThanDays', orders],
      ['/orders/export?unit=dealer-ankara&olderThanDays=2.5', 'olderThanDays', orders],
      ['/leads?status=sleeping', 'status', quotes],
      ['/leads/export?to=yesterday', 'to', quotes],
      ['/quotes/export?status=lost', 'status', quotes],
      ['/quotes?from=2026-03-02&to=2026-03-01', 'from', quotes],
      ['/cases?status=forgotten', 'status', cases],
      ['/cases/export?breaching=soon', 'breaching', cases],
      ['/orders?status=open&sort=priciest', 'sort', orders],
      ['/leads/export?format=xlsx', 'format', quotes],
    ] as const) {
      const answer = await fetch(`${inject('api')}${path}`, { headers: bearer(key) });
      expect(answer.status, path).toBe(400);
      const problem = await readProblem(answer);
      expect(
        problem.errors?.map((e) => e.path),
        path,
      ).toEqual([field]);
    }
  });
});
