// A marketer builds a "buys less than before" segment in the console, in Chromium against the local
// stack: invented customers of a category of this run's own bought 10,000 TRY in each earlier period
// and less, exactly the threshold less, a kuruş short of it, or more in the latest one. The count
// moves with each parameter as it is typed, an order count without a category is shown at the
// category field, and the saved segment holds the parameters as typed, counts the customers set up
// to buy less, and is summed up in words in Turkish and, after the language toggle, in English.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { purchaseFigures } from '../../functions/analytics/value-store.js';
import { shiftMonth } from '../../functions/campaigns/domain/buying-less.js';
import { customers, nameKey } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { istanbulDate } from '../../shared/time.js';
import { check, signedIn, useBrowser } from '../support/console.js';
import { call } from '../support/quotes.js';
import { documents } from '../support/subscriptions-e2e.js';

useBrowser();
const put = (Item: Record<string, unknown>) => documents().send(new PutCommand({ TableName: 'pusula', Item }));
const run = newId().slice(-6).toLowerCase();
const category = `azalan-${run}`;

/**
 * An invented customer (with the address an e-mail segment needs, a customer since 2020) whose purchase
 * figures hold `amounts` (TRY minor units) by month, one order a month, as delivered orders leave them.
 */
const buyer = async (i: number, amounts: Record<string, number>) => {
  const customerId = newId();
  const email = `azalan-${i}-${customerId.toLowerCase()}@example.com`;
  const at = '2020-01-15T09:00:00.000Z';
  await put(
    customers.item({ customerId, name: `Deneme Alıcı ${i}`, email, language: 'tr', createdAt: at, updatedAt: at }),
  );
  const years = new Map<string, Record<string, { orders: number; amountTry: number }>>();
  for (const [month, amountTry] of Object.entries(amounts))
    years.set(month.slice(0, 4), { ...years.get(month.slice(0, 4)), [month.slice(5)]: { orders: 1, amountTry } });
  for (const [year, months] of years)
    await put(purchaseFigures.item({ customerId, year, categories: { [nameKey(category)]: months }, seq: 1 }));
  return customerId;
};

describe('the segment form’s "buys less than before"', () => {
  it('counts the customers who buy at least the given share less, saves the parameters and says them in words', async () => {
    // Periods of two months looked back on from this month: the latest is the two months before it,
    // the two before that are each 10,000 TRY for everyone.
    const month = istanbulDate(new Date()).slice(0, 7);
    const at = (back: number) => shiftMonth(month, -back);
    const spending = (latest: number) => ({ [at(5)]: 10_000_00, [at(3)]: 10_000_00, [at(1)]: latest });
    await Promise.all([
      buyer(0, spending(5_000_00)), // half: less
      buyer(1, spending(6_000_00)), // exactly 40 % less
      buyer(2, spending(6_000_01)), // a kuruş short of 40 % less
      buyer(3, spending(10_000_00)), // the same
      buyer(4, spending(15_000_00)), // more
    ]);

    const page = await signedIn('derya.marketing@example.com', '/segments');
    await page.getByText('Yeni hedef kitle').click();
    const count = page.locator('[data-filter-count]');
    const type = async (label: string, value: string) => {
      await page.getByLabel(label).fill(value);
      await page.getByLabel(label).blur();
    };
    const name = `Azalanlar ${run}`;
    await page.getByLabel('Ad', { exact: true }).fill(name);
    await page.getByLabel('Yalnız önceki dönemlerine göre az alanlar').check();
    // Orders are counted only within one category: the API's 400 lands at this condition's category.
    await page.getByLabel('Neye göre').selectOption('orders');
    const problem = page.locator('[data-field-problem="filter.purchases.2.category"]');
    await problem.waitFor();
    expect(await problem.textContent()).toBe('Sipariş saymak için bir kategori gerekir.');
    expect(await count.count()).toBe(0);
    await type('Kategori (boşsa tüm alışverişleri)', category);
    await page.getByLabel('Neye göre').selectOption('amount');
    await type('Dönem uzunluğu (ay)', '2');
    await type('Karşılaştırılan önceki dönem sayısı', '2');
    // 30 % (the default) takes in the kuruş-short one too; 50 % only the half; 40 % exactly the threshold.
    await expect.poll(() => count.textContent()).toBe('3');
    await type('En az düşüş (%)', '50');
    await expect.poll(() => count.textContent()).toBe('1');
    await type('En az düşüş (%)', '40');
    await expect.poll(() => count.textContent()).toBe('2');
    // The count took the hint's place.
    expect(await page.locator('#filter-count').textContent()).not.toContain('Alanları değiştirdikçe');
    const turkish =
      `Son 2 tam ay içinde «${category}» kategorisinde, önceki 4 ay boyunca 2 aylık ortalamalarından ` +
      'en az %40 daha az harcayanlar';
    expect(await page.locator('#filter-summary li').allTextContents()).toEqual([turkish]);
    await check(page, 'segment-buys-less');

    await page.getByRole('button', { name: 'Oluştur' }).click();
    const created = page.locator('[data-segment-created]');
    await created.waitFor();
    expect(await page.locator('[data-created-count]').textContent()).toBe('2');
    expect(await page.locator('#created [data-segment-summary] li').allTextContents()).toEqual([turkish]);
    const segmentId = await created.getAttribute('data-segment-created');
    const marketer = inject('campaignKeys').marketer;
    const stored = await call<{ filter: unknown }>('GET', `/segments/${segmentId}`, marketer);
    expect(stored.body.filter).toEqual({
      purchases: [{ kind: 'buys-less', measure: 'amount', category, periodMonths: 2, periods: 2, dropPercent: 40 }],
    });
    expect((await call<{ count: number }>('GET', `/segments/${segmentId}/preview`, marketer)).body.count).toBe(2);

    // The list, and the form still holding what was typed, say it in the reader's language.
    await page.getByRole('button', { name: 'English' }).click();
    const english =
      `Spent at least 40 % less in category “${category}” in the last 2 whole months than their average ` +
      'per 2 months over the 4 months before';
    const row = page.locator('#list tr', { hasText: name });
    await row.waitFor();
    expect(await row.locator('[data-segment-summary] li').allTextContents()).toEqual([english]);
    await expect.poll(() => page.locator('#filter-summary li').allTextContents()).toEqual([english]);
    await expect.poll(() => count.textContent()).toBe('2');
    await check(page, 'segments-en');
    await page.context().close();
  });
});
