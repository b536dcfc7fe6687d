// Unsubscribing from a real marketing mail (the birthday greeting) on the local stack: the RFC 8058
// one-click POST as a mail client sends it, and the link's pages in headless Chromium at a phone's
// size with scripts off: confirm, then leave one more topic on the preference page.
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchChromium, phonePage } from '../support/browser.js';
import { api, recentEvents, settle } from '../support/e2e.js';
import { futureDay, greetedCustomer } from '../support/subscriptions-e2e.js';

let browser: Browser;
beforeAll(async () => {
  browser = await launchChromium();
});
afterAll(async () => {
  await browser?.close();
});

const preferencesOf = async (unsubscribe: string) => {
  const html = await (await fetch(unsubscribe.replace('/unsubscribe?', '/unsubscribe/preferences?'))).text();
  return Object.fromEntries(
    [...html.matchAll(/data-topic="(\w+)"><strong>[^<]*<\/strong>: <span>([^<]*)<\/span>/g)].map((m) => [m[1], m[2]]),
  );
};

describe('one-click unsubscribe (RFC 8058)', () => {
  it('withdraws the topic at once from a cross-site multipart POST, idempotently, with a ConsentWithdrawn event', async () => {
    const greeted = await greetedCustomer('one-click', 'tr', futureDay(40));
    expect(greeted.mail.subject).toBe('Doğum gününüz kutlu olsun!');
    const body = new FormData();
    body.set('List-Unsubscribe', 'One-Click');
    const first = await fetch(greeted.unsubscribe, {
      method: 'POST',
      body,
      headers: { origin: 'https://mail.example.net' },
      redirect: 'manual',
    });
    expect(first.status).toBe(200);
    expect(await first.text()).toContain('“doğum günü tebrikleri” e-postalarını artık almayacaksınız.');
    const again = await fetch(greeted.unsubscribe, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(await again.text()).toContain('zaten almıyorsunuz');
    expect(await preferencesOf(greeted.unsubscribe)).toEqual({
      offers: 'Alıyorsunuz',
      newsletter: 'Alıyorsunuz',
      events: 'Alıyorsunuz',
      birthday: 'Almıyorsunuz',
    });
    await settle();
    const withdrawn = (await recentEvents()).filter(
      (e) => e['detail-type'] === 'ConsentWithdrawn' && e.detail.customerId === greeted.customerId,
    );
    expect(withdrawn).toHaveLength(1);
    expect(withdrawn[0]!.detail).toMatchObject({ channel: 'email', topic: 'birthday', via: 'one-click' });
    expect(JSON.stringify(withdrawn[0])).not.toContain(greeted.email);
  });

  it('answers a forged or missing token with a clear page and changes nothing', async () => {
    const forged = await fetch(`${api()}/unsubscribe?token=abc.def`, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(forged.status).toBe(410);
    expect(await forged.text()).toContain('Bu bağlantı geçerli değil.');
    expect((await fetch(`${api()}/unsubscribe`)).status).toBe(410);
  });
});

describe('the unsubscribe pages in a browser', () => {
  it('confirms in the customer’s language, then leaves one more topic on the preference page, keeping the rest', async () => {
    const greeted = await greetedCustomer('browser', 'en', futureDay(41));
    const { context, page } = await phonePage(browser, 'en-GB');
    try {
      const opened = await page.goto(greeted.unsubscribe);
      expect(opened?.status()).toBe(200);
      expect(opened?.headers()['content-security-policy']).toContain("default-src 'none'");
      expect(await page.title()).toBe('E-mail subscription');
      expect(await page.evaluate('document.documentElement.scrollWidth')).toBeLessThanOrEqual(390);
      // Opening the page changed nothing (mail scanners open links).
      expect((await preferencesOf(greeted.unsubscribe)).birthday).toBe('Subscribed');

      await Promise.all([
        page.waitForLoadState('domcontentloaded'),
        page.getByRole('button', { name: 'Unsubscribe' }).click(),
      ]);
      await expect
        .poll(() => page.locator('body').innerText())
        .toContain('You will no longer receive “birthday greetings” e-mails.');

      await Promise.all([
        page.waitForLoadState('domcontentloaded'),
        page.getByRole('link', { name: 'All my e-mail preferences' }).click(),
      ]);
      expect(await page.locator('li[data-topic="birthday"] span').innerText()).toBe('Not subscribed');
      await Promise.all([
        page.waitForLoadState('domcontentloaded'),
        page.locator('li[data-topic="offers"] button').click(),
      ]);
      await expect.poll(() => page.locator('li[data-topic="offers"] span').innerText()).toBe('Not subscribed');
      expect(await page.locator('li[data-topic="newsletter"] span').innerText()).toBe('Subscribed');
      expect(await page.locator('[role="status"]').innerText()).toContain(
        'You will no longer receive “offers” e-mails.',
      );
      await page.screenshot({ path: '/tmp/unsubscribe-preferences.png' });
    } finally {
      await context.close();
    }
  });
});
