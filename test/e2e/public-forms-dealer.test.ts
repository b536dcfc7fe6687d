// A visitor chooses a preferred dealer on the public case form and on the lead form (one shared
// dealer choice, phone-sized, no JavaScript): the customer the form creates, or finds without a dealer
// yet, then prefers that dealer as the API shows; a dealer id that is not one of the firm's dealers is
// refused as problem+json naming the field, and stores nothing.
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { launchChromium, phonePage } from '../support/browser.js';
import { api, post, readProblem, settle, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

let browser: Browser;

beforeAll(async () => {
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
});

const preferredDealerOf = async (email: string) => {
  const found = await call<{ matches: { customer: { preferredDealerId?: string } }[] }>(
    'GET',
    `/customers/lookup?email=${encodeURIComponent(email)}`,
    inject('requestKeys').agent,
  );
  expect(found.status).toBe(200);
  return found.body.matches.map((m) => m.customer.preferredDealerId ?? null);
};

/** Fills the case form a visitor sees, choosing `dealer` (its label) unless none, and sends it. */
const sendCaseForm = async (page: Page, person: { name: string; email: string }, dealer?: string) => {
  expect((await page.goto(`${api()}/forms/case?lang=tr`))?.status()).toBe(200);
  await page.getByLabel('Başlık', { exact: true }).fill('Servis randevusu');
  await page.getByLabel('Ad soyad', { exact: true }).fill(person.name);
  await page.getByLabel('E-posta', { exact: true }).fill(person.email);
  if (dealer) await page.getByLabel('Tercih ettiğiniz bayi', { exact: true }).selectOption({ label: dealer });
  await Promise.all([page.waitForURL(/\/forms\/thanks\?/), page.getByRole('button', { name: 'Gönder' }).click()]);
};

describe('the dealer choice on the public forms', () => {
  it('the case form offers the dealers, and its new customer prefers the one chosen', async () => {
    const person = uniquePerson('case-dealer');
    const { context, page } = await phonePage(browser);
    try {
      await page.goto(`${api()}/forms/case?lang=tr`);
      const offered = await page.locator('select[name="preferredDealerId"] option').allTextContents();
      // "No preference" first, then the dealers (other stories may add some), never a warehouse.
      expect(offered[0]).toBe('Fark etmez');
      expect(offered).toEqual(expect.arrayContaining(['Ankara Bayi (demo) (Ankara)', 'İzmir Bayi (demo) (İzmir)']));
      expect(offered.join()).not.toContain('Gebze Depo');
      await sendCaseForm(page, person, 'İzmir Bayi (demo) (İzmir)');
    } finally {
      await context.close();
    }
    await settle();
    expect(await preferredDealerOf(person.email)).toEqual(['dealer-izmir']);
  });

  it('a known customer with no dealer takes the one chosen; one who has a dealer keeps theirs', async () => {
    const person = uniquePerson('case-known');
    const { context, page } = await phonePage(browser);
    try {
      await sendCaseForm(page, person);
      expect(await preferredDealerOf(person.email)).toEqual([null]);
      await sendCaseForm(page, person, 'Ankara Bayi (demo) (Ankara)');
      expect(await preferredDealerOf(person.email)).toEqual(['dealer-ankara']);
      await sendCaseForm(page, person, 'İzmir Bayi (demo) (İzmir)');
      expect(await preferredDealerOf(person.email)).toEqual(['dealer-ankara']);
    } finally {
      await context.close();
    }
  });

  it('the lead form offers the same list in English', async () => {
    const { context, page } = await phonePage(browser, 'en-GB');
    try {
      await page.goto(`${api()}/forms/lead?lang=en`);
      const select = page.getByLabel('Your preferred dealer', { exact: true });
      const offered = await select.locator('option').allTextContents();
      expect(offered[0]).toBe('No preference');
      expect(offered).toEqual(expect.arrayContaining(['Ankara Bayi (demo) (Ankara)', 'İzmir Bayi (demo) (İzmir)']));
    } finally {
      await context.close();
    }
  });

  it('a dealer id that is not a dealer is refused naming the field, on both forms, and nothing is stored', async () => {
    const person = uniquePerson('bad-dealer');
    const contact = { name: person.name, email: person.email, language: 'en' };
    for (const [path, body] of [
      ['/cases/web', { ...contact, subject: 'Question', preferredDealerId: 'warehouse-gebze' }],
      ['/leads', { ...contact, preferredDealerId: 'no-such-dealer', consentTextVersion: 'kvkk-2026-01' }],
    ] as const) {
      const answer = await post(path, body, { 'accept-language': 'en' });
      expect(answer.status, path).toBe(400);
      const problem = await readProblem(answer);
      expect(problem.code, path).toBe('validation-failed');
      expect(problem.errors, path).toEqual([{ path: 'preferredDealerId', message: 'Not one of our dealers.' }]);
    }
    // An empty choice ("no preference") is no choice at all.
    const none = await post('/cases/web', { ...contact, subject: 'Question', preferredDealerId: '' });
    expect(none.status).toBe(201);
    expect(await preferredDealerOf(person.email)).toEqual([null]);
  });
});
