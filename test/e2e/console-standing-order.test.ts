// A standing order in Chromium: a rep creates one for a customer from its form, sees its months ahead
// on its page and pauses the first; the API then holds that month skipped.
import { describe, expect, inject, it } from 'vitest';
import { check, signedIn, useBrowser } from '../support/console.js';
import { call, newCustomer } from '../support/quotes.js';

const browser = useBrowser();

describe('a standing order from the console', () => {
  it('is created, shown and paused for a month', async () => {
    expect(browser()).toBeDefined();
    const { customerId } = await newCustomer('standing-order');
    const page = await signedIn('ayse.rep@example.com', `/standing-orders/new?customer=${customerId}`);
    await page.locator('input[name="lines.0.sku"]').fill('TP-20');
    await page.locator('input[name="lines.0.quantity"]').fill('2');
    // The firm's TRY list: other stories add price lists of their own, which may come first in the list.
    const tryList = page.locator('select[name="priceListId"] option', { hasText: 'Türkiye standart' });
    await page.locator('select[name="priceListId"]').selectOption((await tryList.getAttribute('value'))!);
    await page.locator('input[name="dayOfMonth"]').fill('10');
    await page.locator('input[name="startsOn"]').fill('2027-01-10');
    await check(page, 'standing-order-form');
    await page.locator('form[data-standing-order-form] button[type="submit"]').click();
    await page.locator('tr[data-period="2027-01"]').or(page.locator('[role="alert"]')).first().waitFor();
    expect(page.url(), (await page.locator('main').textContent()) ?? '').toMatch(/#\/standing-orders\/[0-9A-Z]{26}$/);
    const standingOrderId = /#\/standing-orders\/([0-9A-Z]{26})$/.exec(page.url())?.[1];
    expect(standingOrderId).toBeDefined();
    expect(await page.locator('[data-lines]').textContent()).toContain('TP-20 × 2');
    await page.locator('tr[data-period="2027-01"] button').click();
    await page.locator('tr[data-period="2027-01"]', { hasText: 'Atlandı' }).waitFor();
    await check(page, 'standing-order-page');
    const stored = await call<{ status: string; schedule: { skipped: string[] } }>(
      'GET',
      `/standing-orders/${standingOrderId}`,
      inject('quoteKeys').repAyse,
    );
    expect(stored.status, stored.text).toBe(200);
    expect(stored.body).toMatchObject({ status: 'active', schedule: { skipped: ['2027-01'] } });
  });
});
