// Imports as background jobs in Chromium against the local stack: an admin uploads eight years of daily
// GBP rates (3,000 rows) on the catalogue page, sees the job's progress, reloads the page part-way and
// finds the same job still counting on to done; the rates are then in the catalogue, the day a person
// would look up at the rate the file gave. The order-history page shows a refused file's row and an
// accepted file's job to done, in English words. Every page passes axe.
import { describe, expect, inject, it } from 'vitest';
import { check, useBrowser, withApiKey } from '../support/console.js';
import { uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

useBrowser();
const admin = () => inject('consoleRulesKeys').admin;
const DAYS = 3000;
const DAY_MS = 24 * 60 * 60 * 1000;

const dayOf = (i: number) => new Date(Date.UTC(2010, 0, 1) + i * DAY_MS).toISOString().slice(0, 10);
const rateOf = (i: number) => `${40 + (i % 9)}.${(i % 7) + 1}5`;

describe('a long import on the catalogue page', () => {
  it('shows its progress, survives a reload part-way, and ends with every row in the catalogue', {
    timeout: 240_000,
  }, async () => {
    const file = [
      'date,currency,rate_to_try',
      ...Array.from({ length: DAYS }, (_, i) => `${dayOf(i)},GBP,${rateOf(i)}`),
    ];
    const page = await withApiKey(admin(), '/admin/catalogue');
    await page.locator('select[name="kind"]').selectOption('fx-rates');
    await page
      .locator('input[name="file"]')
      .setInputFiles({ name: 'gbp.csv', mimeType: 'text/csv', buffer: Buffer.from(`${file.join('\n')}\n`) });
    await page.getByRole('button', { name: 'İçe aktar' }).click();
    await page.locator('[data-import-accepted]').waitFor();
    const jobId = await page.locator('[data-import-job]').first().getAttribute('data-import-job');
    const job = page.locator(`[data-import-job="${jobId}"]`);
    expect(await job.locator('[data-rows]').getAttribute('data-rows')).toBe(String(DAYS));
    const rowsDone = async () => Number(await job.locator('[data-rows-done]').getAttribute('data-rows-done'));

    // Part-way: some chunks counted, not all.
    await expect.poll(rowsDone, { timeout: 60_000, interval: 100 }).toBeGreaterThan(0);
    const before = await rowsDone();
    expect(before).toBeLessThan(DAYS);
    expect(await job.locator('[data-status]').getAttribute('data-status')).toBe('running');

    // A reload finds the job among the caller's recent imports and follows it on.
    await page.reload();
    await job.waitFor();
    expect(await rowsDone()).toBeGreaterThanOrEqual(before);
    await job.locator('[data-status="done"]').waitFor({ timeout: 120_000 });
    expect(await job.locator('[data-status]').textContent()).toBe('Tamamlandı');
    expect(await job.locator('[data-rows-done]').textContent()).toBe('3.000');
    expect(await job.locator('[data-counted="imported"]').textContent()).toBe('3.000');
    expect(await job.locator('progress').getAttribute('value')).toBe(String(DAYS));
    await check(page, 'admin-catalogue-import-done');
    await page.context().close();

    // Every day is there, and the rate of the day a person looks up is the file's.
    const rates = await call<{ date: string; currency: string; rateToTry: string }[]>(
      'GET',
      '/catalogue/fx-rates',
      admin(),
    );
    const gbp = rates.body.filter((r) => r.currency === 'GBP');
    expect(gbp).toHaveLength(DAYS);
    const day = 2000;
    expect(gbp.find((r) => r.date === dayOf(day))?.rateToTry).toBe(rateOf(day));
    expect(rates.body.some((r) => r.currency === 'EUR')).toBe(true);
  });
});

describe('the order-history import page', () => {
  it('lists a refused row and follows an accepted file to done, in English', { timeout: 120_000 }, async () => {
    const buyer = uniquePerson('console-imports');
    const intake = await call<{ customerId: string }>(
      'POST',
      '/orders',
      inject('orderKeys').shop,
      {
        customer: { name: buyer.name, email: buyer.email, language: 'tr' },
        lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 100_000, currency: 'TRY' }],
        delivery: { address: 'Deneme Sokak 7', city: 'İstanbul' },
        channel: 'web-shop',
      },
      { 'idempotency-key': `console-imports-${buyer.email}` },
    );
    expect(intake.status, intake.text).toBe(201);
    const { customerId } = intake.body;
    const header = 'order_id,customer_id,order_date,currency,amount,amount_try';
    const rows = [1, 2, 3].map((n) => `hist-${customerId}-${n},${customerId},2019-0${n}-10,TRY,${n}000.00,`);
    const file = (lines: string[]) => ({
      name: 'orders.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(`${[header, ...lines].join('\n')}\n`),
    });

    const page = await withApiKey(admin(), '/admin/order-import');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Import order history' }).waitFor();
    await page
      .locator('input[name="file"]')
      .setInputFiles(file([...rows, `bad-${customerId},${customerId},2019-02-30,TRY,1,`]));
    await page.getByRole('button', { name: 'Import' }).click();
    const refused = page.locator('[data-import-errors] tr[data-line="5"]');
    await refused.waitFor();
    expect(await refused.locator('td').nth(1).textContent()).toBe('order_date');

    await page.locator('input[name="file"]').setInputFiles(file(rows));
    await page.getByRole('button', { name: 'Import' }).click();
    await page.locator('[data-import-accepted]').waitFor();
    const job = page.locator('[data-import-job]').first();
    await job.locator('[data-status="done"]').waitFor({ timeout: 60_000 });
    expect(await job.locator('[data-status]').textContent()).toBe('Done');
    expect(await job.locator('[data-counted="imported"]').textContent()).toBe('3');
    expect(await page.locator('[data-import-errors]').count()).toBe(0);
    await check(page, 'admin-order-import-done');
    await page.context().close();
  });
});
