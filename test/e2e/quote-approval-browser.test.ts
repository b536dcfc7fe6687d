// The approval page in a real browser (Debian's Chromium) at a phone's size, scripts off: a manager
// opens the link from the approval mail, reads the quote and the rule, and approves; another rejects
// with a reason. Screenshots go to /tmp/quote-approval-*.png.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phonePage } from '../support/browser.js';
import { settle } from '../support/e2e.js';
import {
  act,
  createQuote,
  getQuote,
  linksIn,
  newCustomer,
  quoteKeys,
  quoteMail,
  quoteMailsTo,
  staffMail,
} from '../support/quotes.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const phone = () => phonePage(browser);

/** A quote at 15% off, submitted: the managers' approval mails carry the links. */
const awaitingManager = async (tag: string) => {
  const customer = await newCustomer(tag);
  const quote = await createQuote(quoteKeys().repAyse, {
    customerId: customer.customerId,
    priceListId: 'tr-standart',
    lines: [
      { sku: 'FL-25E', quantity: 1, discountBp: 1500 },
      { sku: 'TRN-OP', quantity: 3 },
    ],
    notes: 'Kurulum ve operatör eğitimi dahil.',
  });
  await act(quote.quoteId, 'submit', quoteKeys().repAyse);
  await settle();
  const [mail] = await quoteMail(staffMail['mgr-zeynep'], quote.quoteId);
  const [approveUrl, rejectUrl] = linksIn(mail, '/quote-links/approval');
  return { customer, quote, approveUrl: approveUrl!, rejectUrl: rejectUrl! };
};

describe('the approval page on a phone', () => {
  it('shows the quote and the rule that asked, and approves with one tap', async () => {
    const { customer, quote, approveUrl } = await awaitingManager('browser-approve');
    const { context, page } = await phone();
    try {
      const opened = await page.goto(approveUrl);
      expect(opened?.status()).toBe(200);
      await expect.poll(() => page.title()).toBe('Teklif onayı');
      expect(await page.locator('#rules').textContent()).toContain('İndirim');
      expect(await page.locator('#rules').textContent()).toContain('discount-over-10');
      expect(await page.locator('body').textContent()).toContain('Akülü forklift 2,5 ton');
      // Nothing is wider than the phone, and the button is big enough to tap.
      const width = await page.evaluate('document.documentElement.scrollWidth');
      expect(width).toBeLessThanOrEqual(390);
      const button = page.getByRole('button', { name: 'Onayla' });
      const box = await button.boundingBox();
      expect(box!.height).toBeGreaterThanOrEqual(40);
      expect(box!.x + box!.width).toBeLessThanOrEqual(390);
      await page.screenshot({ path: '/tmp/quote-approval-page.png', fullPage: true });

      await Promise.all([page.waitForLoadState('domcontentloaded'), button.click()]);
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe('approvedFinal');
      expect(await page.locator('#outcome').textContent()).toContain('Teklifi onayladınız');
      await page.screenshot({ path: '/tmp/quote-approval-done.png' });

      // Back and tap again: the link is spent.
      const again = await page.goto(approveUrl);
      expect(again?.status()).toBe(409);
      expect(await page.locator('#outcome').getAttribute('data-outcome')).toBe('decided');

      await settle();
      expect((await getQuote(quote.quoteId)).status).toBe('sent');
      expect(await quoteMailsTo(customer.email)).toHaveLength(1);
    } finally {
      await context.close();
    }
  });

  it('rejects with the reason typed on the page', async () => {
    const { quote, rejectUrl } = await awaitingManager('browser-reject');
    const { context, page } = await phone();
    try {
      await page.goto(rejectUrl);
      const reason = page.getByLabel('Ret gerekçesi', { exact: true });
      expect(await reason.isVisible()).toBe(true);
      await reason.fill('Bu müşteriye %10 üzeri indirim yapmıyoruz.');
      await page.screenshot({ path: '/tmp/quote-approval-reject.png', fullPage: true });
      await Promise.all([
        page.waitForLoadState('domcontentloaded'),
        page.getByRole('button', { name: 'Reddet' }).click(),
      ]);
      await expect.poll(() => page.locator('#outcome').getAttribute('data-outcome')).toBe('rejected');
      const rejected = await getQuote(quote.quoteId);
      expect(rejected).toMatchObject({
        status: 'rejected',
        rejection: { reason: 'Bu müşteriye %10 üzeri indirim yapmıyoruz.' },
      });
    } finally {
      await context.close();
    }
  });
});
