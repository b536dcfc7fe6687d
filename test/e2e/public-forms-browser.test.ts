// The public lead and case forms in Chromium, as a visitor's phone gets them (no JavaScript): each
// field's length limit holds while typing, the autofill hints are there with their values, and the
// case form names its categories in the page's language.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phonePage } from '../support/browser.js';
import { api } from '../support/e2e.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

/** A field: its name, the most characters its schema takes, its autofill hint (absent: none). */
type Limit = [name: string, maxLength: number, autocomplete?: string];

const opened = async (path: string, locale = 'tr-TR') => {
  const { context, page } = await phonePage(browser, locale);
  const answer = await page.goto(`${api()}${path}`);
  expect(answer?.status()).toBe(200);
  return { context, page };
};

/** Types one character more than the limit, as a person would, and reads what the field kept. */
const typedPastLimit = async (page: Page, name: string, max: number) => {
  const field = page.locator(`[name="${name}"]`);
  await field.fill('');
  await field.pressSequentially('x'.repeat(max + 1));
  return (await field.inputValue()).length;
};

const checkLimits = async (page: Page, limits: Limit[]) => {
  for (const [name, max, autocomplete] of limits) {
    const field = page.locator(`[name="${name}"]`);
    expect(await field.getAttribute('maxlength'), name).toBe(String(max));
    expect(await field.getAttribute('autocomplete'), name).toBe(autocomplete ?? null);
    expect(await typedPastLimit(page, name, max), name).toBe(max);
  }
};

describe('the lead form', () => {
  it('holds every field to its limit and gives the autofill hints', async () => {
    const { context, page } = await opened('/forms/lead');
    try {
      await checkLimits(page, [
        ['name', 200, 'name'],
        ['email', 254, 'email'],
        ['phone', 40, 'tel'],
        ['company', 200, 'organization'],
        ['city', 100, 'address-level2'],
        ['productInterest', 200],
      ]);
      expect(await page.locator('[name="message"]').getAttribute('maxlength')).toBe('4000');
      expect(await page.locator('[name="name"]').getAttribute('required')).toBe('');
      expect(await page.locator('[name="email"]').getAttribute('type')).toBe('email');
      expect(await page.locator('[name="phone"]').getAttribute('type')).toBe('tel');
      // The honeypot stays out of autofill.
      expect(await page.locator('[name="website"]').getAttribute('autocomplete')).toBe('off');
    } finally {
      await context.close();
    }
  });
});

describe('the case form', () => {
  it('holds every field to its limit and gives the autofill hints', async () => {
    const { context, page } = await opened('/forms/case?lang=tr');
    try {
      await checkLimits(page, [
        ['subject', 200],
        ['name', 200, 'name'],
        ['email', 254, 'email'],
        ['phone', 40, 'tel'],
        ['relatedOrderId', 40],
      ]);
      expect(await page.locator('[name="subject"]').getAttribute('required')).toBe('');
      expect(await page.locator('[name="description"]').getAttribute('maxlength')).toBe('4000');
    } finally {
      await context.close();
    }
  });

  const categories = (page: Page) =>
    page
      .locator('select[name="category"] option')
      .evaluateAll((options) => options.map((o) => [o.getAttribute('value'), o.textContent]));

  it('names its categories in Turkish, and in English with ?lang=en, sending the same values', async () => {
    const turkish = await opened('/forms/case?lang=tr');
    try {
      expect(await categories(turkish.page)).toEqual([
        ['product', 'Ürün'],
        ['billing', 'Fatura ve ödeme'],
        ['delivery', 'Teslimat'],
        ['service', 'Servis'],
        ['test-drive', 'Test sürüşü'],
        ['website', 'Web sitesi'],
        ['other', 'Diğer'],
      ]);
    } finally {
      await turkish.context.close();
    }
    const english = await opened('/forms/case?lang=en', 'en-GB');
    try {
      expect(await categories(english.page)).toEqual([
        ['product', 'Product'],
        ['billing', 'Billing and payment'],
        ['delivery', 'Delivery'],
        ['service', 'Service'],
        ['test-drive', 'Test drive'],
        ['website', 'Website'],
        ['other', 'Other'],
      ]);
    } finally {
      await english.context.close();
    }
  });
});
