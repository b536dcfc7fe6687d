// The demo lead form in a real browser (Debian's Chromium): filled in and submitted with no JavaScript,
// then the auto-response and the double opt-in mail are found in the SES store.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phonePage } from '../support/browser.js';
import { api, getLead, mailTo, settle, uniquePerson } from '../support/e2e.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

describe('the demo lead form', () => {
  it('is filled in and submitted in Chromium, lands on the thank-you page, and the mails arrive', async () => {
    const p = uniquePerson('browser');
    const { context, page } = await phonePage(browser);
    try {
      const opened = await page.goto(`${api()}/forms/lead`);
      expect(opened?.status()).toBe(200);
      await expect.poll(() => page.title()).toBe('Bize ulaşın');
      expect(await page.locator('html').getAttribute('lang')).toBe('tr');

      await page.getByLabel('Ad soyad', { exact: true }).fill(p.name);
      await page.getByLabel('E-posta', { exact: true }).fill(p.email);
      await page.getByLabel('Telefon', { exact: true }).fill(p.localPhone);
      await page.getByLabel('Firma', { exact: true }).fill('Deneme Turizm Ltd.');
      await page.getByLabel('Şehir', { exact: true }).fill('İstanbul');
      await page
        .getByLabel('Mesajınız', { exact: true })
        .fill('Merhaba,\nAğustos için 4 kişilik Kapadokya turu fiyatı alabilir miyim?');
      await page.getByLabel('Kampanya ve duyuruları e-posta ile almak istiyorum.', { exact: true }).check();
      // The honeypot stays empty and out of sight.
      expect(await page.locator('input[name="website"]').inputValue()).toBe('');
      const honeypotBox = await page.locator('input[name="website"]').boundingBox();
      expect(honeypotBox!.x + honeypotBox!.width).toBeLessThan(0);

      await page.screenshot({ path: '/tmp/lead-form.png', fullPage: true });

      await Promise.all([page.waitForURL(/\/forms\/thanks\?/), page.getByRole('button', { name: 'Gönder' }).click()]);
      await expect.poll(() => page.locator('#thanks').isVisible()).toBe(true);
      expect(await page.locator('#thanks').textContent()).toContain('Talebiniz alındı');
      const landed = new URL(page.url());
      expect(landed.pathname).toBe('/forms/thanks');
      expect(landed.searchParams.get('lang')).toBe('tr');
      const leadId = landed.searchParams.get('lead')!;
      await page.screenshot({ path: '/tmp/lead-form-thanks.png' });

      await settle();
      const lead = await getLead(leadId);
      expect(lead).toMatchObject({
        name: p.name,
        email: p.email,
        phone: p.phone,
        city: 'İstanbul',
        language: 'tr',
        source: 'demo-form',
      });
      const subjects = (await mailTo(p.email)).map((m) => m.subject).sort();
      expect(subjects).toEqual(['E-posta iznini onaylayın', 'Talebinizi aldık']);
    } finally {
      await context.close();
    }
  });

  it('the confirmation link opens a page whose button records the consent', async () => {
    const p = uniquePerson('browser-optin');
    const { context, page } = await phonePage(browser);
    try {
      await page.goto(`${api()}/forms/lead`);
      await page.getByLabel('Ad soyad', { exact: true }).fill(p.name);
      await page.getByLabel('E-posta', { exact: true }).fill(p.email);
      await page.getByLabel('Kampanya ve duyuruları e-posta ile almak istiyorum.', { exact: true }).check();
      await Promise.all([page.waitForURL(/\/forms\/thanks\?/), page.getByRole('button', { name: 'Gönder' }).click()]);
      await settle();
      const [mail] = (await mailTo(p.email)).filter((m) => m.subject === 'E-posta iznini onaylayın');
      const link = mail!.body.text!.match(/https?:\/\/\S+\/consents\/confirm\?token=\S+/)![0];
      await page.goto(link);
      await page.getByRole('button', { name: 'Evet, onaylıyorum' }).click();
      await expect.poll(() => page.locator('body').textContent()).toContain('izniniz kaydedildi');
      // A second visit finds the link spent.
      const again = await page.goto(link);
      expect(again?.status()).toBe(410);
    } finally {
      await context.close();
    }
  });

  it('speaks English with ?lang=en', async () => {
    const { context, page } = await phonePage(browser);
    try {
      await page.goto(`${api()}/forms/lead?lang=en`);
      await expect.poll(() => page.title()).toBe('Contact us');
      expect(await page.locator('html').getAttribute('lang')).toBe('en');
      for (const label of ['Full name', 'E-mail', 'Phone', 'Company', 'City', 'Product of interest', 'Your message']) {
        expect(await page.getByLabel(label, { exact: true }).count(), label).toBe(1);
      }
      expect(await page.getByLabel('I want offers and news by e-mail.', { exact: true }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Send' }).isVisible()).toBe(true);
      expect(await page.locator('input[name="redirect"]').getAttribute('value')).toMatch(/\/forms\/thanks\?lang=en$/);
      expect(await page.locator('input[name="language"]').getAttribute('value')).toBe('en');
      await page.screenshot({ path: '/tmp/lead-form-en.png', fullPage: true });

      const p = uniquePerson('browser-en');
      await page.getByLabel('Full name', { exact: true }).fill(p.name);
      await page.getByLabel('E-mail', { exact: true }).fill(p.email);
      await Promise.all([page.waitForURL(/\/forms\/thanks\?/), page.getByRole('button', { name: 'Send' }).click()]);
      expect(await page.locator('#thanks').textContent()).toContain('We have your request');
      await settle();
      expect((await mailTo(p.email)).map((m) => m.subject)).toEqual(['We have received your request']);
    } finally {
      await context.close();
    }
  });

  it('fits a phone screen: nothing wider than the viewport, tappable controls', async () => {
    const { context, page } = await phonePage(browser);
    try {
      await page.goto(`${api()}/forms/lead`);
      const viewport = page.viewportSize()!;
      for (const selector of [
        'input[name="name"]',
        'input[name="email"]',
        'textarea[name="message"]',
        'button[type="submit"]',
      ]) {
        const box = await page.locator(selector).boundingBox();
        expect(box, selector).not.toBeNull();
        expect(box!.x, selector).toBeGreaterThanOrEqual(0);
        expect(box!.x + box!.width, selector).toBeLessThanOrEqual(viewport.width);
        expect(box!.height, selector).toBeGreaterThanOrEqual(30);
      }
    } finally {
      await context.close();
    }
  });
});
