// Two working days through the console alone, in Chromium against the local stack, then what the API
// holds. An agent takes a call from an unknown number by keyboard only: the number typed as people
// say it, the caller recorded as a customer with a preferred dealer, a test drive refused outside the
// dealer's hours (the field says why) and booked inside them at that dealer, the call logged with its
// outcome. A rep builds a discounted quote with a 3-instalment plan, sees the totals the PDF will
// print, creates and submits it, and it goes out: its lines, discounts, KDV, grand total and
// instalments (to the kuruş) are checked against figures worked out by hand.
import type { Page } from 'playwright-core';
import { describe, expect, inject, it } from 'vitest';
import { dayKind } from '../../shared/business-hours.js';
import { browserPage, check, signedIn, useBrowser } from '../support/console.js';
import { docScreenshot } from '../support/doc-screenshots.js';
import { api, settle, uniquePerson } from '../support/e2e.js';
import { call, newCustomer, quoteKeys } from '../support/quotes.js';

useBrowser();

/** A whole working story in one browser (sign-in, axe, a PDF drawn, mail sent) on a shared 2-core machine. */
const STORY_MS = 120_000;

interface StoredQuote {
  status: string;
  lines: Record<string, unknown>[];
  totals: Record<string, unknown>;
  paymentPlan: { dueDate: string; amount: { amount: number } }[];
}

/** The name of the field that has the keyboard's focus. */
const focused = (page: Page) => page.evaluate<string | null>('document.activeElement?.getAttribute("name") ?? null');

/** The next working day (Monday–Friday, not a holiday or an eve) at least two days ahead, Istanbul calendar. */
const nextWorkingDay = () => {
  for (let days = 2; ; days++) {
    const day = new Date(Date.now() + days * 86_400_000 + 3 * 3_600_000).toISOString().slice(0, 10);
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    if (weekday >= 1 && weekday <= 5 && dayKind(day) === undefined) return day;
  }
};

describe('the call desk and the quote builder', () => {
  it(
    'an agent takes a call from an unknown number by keyboard: customer, test drive at the preferred dealer, call logged',
    async () => {
      const caller = uniquePerson('desk');
      const page = await signedIn('deniz.agent@example.com', '/');
      // The agent's start page is the desk, with the number field in focus.
      await page.locator('[data-find]').waitFor();
      expect(page.url()).toMatch(/#\/desk$/);
      expect(await focused(page)).toBe('phone');

      await page.keyboard.type(caller.localPhone);
      await page.keyboard.press('Enter');
      await page.locator('[data-unknown-caller]').waitFor();
      expect(await focused(page)).toBe('name');
      await page.keyboard.type(caller.name);
      await page.keyboard.press('Tab'); // the phone, as typed
      await page.keyboard.press('Tab');
      await page.keyboard.type(caller.email);
      // The preferred dealer from the directory's list: the first after "none" is Ankara (by name).
      await page.keyboard.press('Tab');
      await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter');
      const match = page.locator('[data-match]');
      await match.waitFor();
      const customerId = (await match.getAttribute('data-match'))!;
      const preferred = match.locator('[data-preferred-dealer]');
      expect([await preferred.getAttribute('data-preferred-dealer'), await preferred.textContent()]).toEqual([
        'dealer-ankara',
        'Ankara Bayi (demo)',
      ]);
      expect(await focused(page)).toBe('outcome');

      // Alt+B: the booking form. A test drive at 18:00, the closing minute, is outside the dealer's hours: refused at the time field.
      const day = nextWorkingDay();
      const [y, m, d] = day.split('-');
      await page.keyboard.press('Alt+b');
      expect(await focused(page)).toBe('kind');
      await page.keyboard.press('Tab');
      await page.keyboard.type(`${d}.${m}.${y}`);
      await page.keyboard.press('Tab');
      await page.keyboard.type('18:00');
      await page.keyboard.press('Enter');
      const refusal = page.locator('[data-book] [data-field-problem="time"]');
      await refusal.waitFor();
      expect(await refusal.textContent()).toBe(
        'Bayinin çalışma saatleri dışında (Pzt–Cum 09:00–18:00, İstanbul saati).',
      );
      await docScreenshot(page, 'desk-outside-hours');
      // Still in the time field: the closing minute is out, 09:00 (opening) is in.
      await page.keyboard.press('Control+a');
      await page.keyboard.type('09:00');
      await page.keyboard.press('Enter');
      const booked = page.locator('[data-notice="booked"]');
      await booked.waitFor();
      expect(await booked.locator('[data-unit]').getAttribute('data-unit')).toBe('dealer-ankara');

      // Alt+O: the outcome, chosen with the arrow keys (reached → no answer → call back → not interested → sale).
      await page.keyboard.press('Alt+o');
      for (let i = 0; i < 4; i++) await page.keyboard.press('ArrowDown');
      await page.keyboard.press('Tab'); // callback date
      await page.keyboard.press('Tab'); // callback time
      await page.keyboard.press('Tab');
      await page.keyboard.type('Test sürüşü ayarlandı');
      await page.keyboard.press('Enter');
      await page.locator('[data-notice="call"]').waitFor();
      await check(page, 'desk-call');
      await docScreenshot(page, 'desk');

      // What the API holds: the customer with the number in E.164 and the preferred dealer, one request
      // at that dealer booked at 09:00 Istanbul time, and the call with its outcome.
      const found = await call<{ matches: { customer: Record<string, unknown> }[] }>(
        'GET',
        `/customers/lookup?phone=${encodeURIComponent(caller.phone)}`,
        inject('requestKeys').agent,
      );
      expect(found.body.matches.map((x) => x.customer)).toEqual([
        expect.objectContaining({
          customerId,
          name: caller.name,
          phone: caller.phone,
          preferredDealerId: 'dealer-ankara',
        }),
      ]);
      const requests = await call<{ requests: Record<string, unknown>[] }>(
        'GET',
        `/requests?customer=${customerId}`,
        inject('requestKeys').agent,
      );
      expect(requests.body.requests).toEqual([
        expect.objectContaining({
          kind: 'test-drive',
          status: 'open',
          unitId: 'dealer-ankara',
          channel: 'phone',
          appointmentAt: new Date(`${day}T09:00:00+03:00`).toISOString(),
        }),
      ]);
      const activities = await call<{ activities: Record<string, unknown>[] }>(
        'GET',
        `/customers/${customerId}/activities?kind=call`,
        inject('activityKeys').agent,
      );
      expect(activities.body.activities).toEqual([
        expect.objectContaining({
          kind: 'call',
          outcome: 'sale',
          subject: 'Test sürüşü ayarlandı',
          createdBy: 'agent-deniz',
        }),
      ]);
      await page.context().close();
    },
    STORY_MS,
  );

  it('a person chooses a preferred dealer on the public lead form: it reaches their profile, and requests go there', async () => {
    const person = uniquePerson('desk-form');
    const page = await browserPage('/');
    await page.goto(`${api()}/forms/lead`);
    await page.getByLabel('Ad soyad', { exact: true }).fill(person.name);
    await page.getByLabel('E-posta', { exact: true }).fill(person.email);
    await page
      .getByLabel('Tercih ettiğiniz bayi', { exact: true })
      .selectOption({ label: 'İzmir Bayi (demo) (İzmir)' });
    await Promise.all([page.waitForURL(/\/forms\/thanks\?/), page.getByRole('button', { name: 'Gönder' }).click()]);
    await settle();
    const agent = inject('requestKeys').agent;
    const found = await call<{ matches: { customer: { customerId: string; preferredDealerId?: string } }[] }>(
      'GET',
      `/customers/lookup?email=${encodeURIComponent(person.email)}`,
      agent,
    );
    expect(found.body.matches.map((x) => x.customer.preferredDealerId)).toEqual(['dealer-izmir']);
    const request = await call<{ unitId: string; ruleId: string }>(
      'POST',
      `/customers/${found.body.matches[0]!.customer.customerId}/requests`,
      agent,
      { kind: 'information', channel: 'email', details: { model: 'FL-25E' } },
      { 'idempotency-key': crypto.randomUUID() },
    );
    expect(request.body).toMatchObject({ unitId: 'dealer-izmir', ruleId: 'preferred-dealer' });
    await page.context().close();
  });

  it(
    'a rep builds a discounted quote with a 3-instalment plan, sees the PDF’s totals, and sends it',
    async () => {
      const customer = await newCustomer('desk-quote');
      const page = await signedIn('ayse.rep@example.com', `/quotes/new?customer=${customer.customerId}`);
      await page.getByLabel('Fiyat listesi').selectOption('tr-standart');
      await page.getByLabel('Ürün kodu').fill('TP-20');
      await page.getByLabel('Adet').fill('4');
      await page.getByLabel('Satır indirimi (%)').fill('7');
      await page.getByRole('button', { name: 'Satır ekle' }).click();
      await page.locator('[name="lines.1.sku"]').fill('TRN-OP');
      await page.getByLabel('Teklif indirimi (%)').fill('3');
      const firstDue = `${new Date().getUTCFullYear() + 1}-01-15`;
      await page.getByLabel('Taksit sayısı').fill('3');
      await page.getByLabel('İlk vade (YYYY-AA-GG)').fill(firstDue);
      await page.getByLabel('Teslim koşulları').fill('Gebze depodan teslim, 10 iş günü');
      await page.getByLabel('Notlar').fill('Fiyatlara nakliye dahildir.');
      await page.getByRole('button', { name: 'Toplamları hesapla' }).click();
      // Worked out by hand: TP-20 4 × 18 500,00 = 74 000,00, 7% off = 68 820,00, 3% off the quote = 66 755,40,
      // KDV 20% = 13 351,08; TRN-OP 1 × 4 500,00, 3% off = 4 365,00, KDV 10% = 436,50.
      const totals = page.locator('[data-totals]');
      await totals.waitFor();
      expect((await totals.locator('tr').allTextContents()).map((r) => r.trim())).toEqual([
        'Ara toplam₺78.500,00',
        'İndirim−₺5.180,00',
        'Teklif indirimi (%3)−₺2.199,60',
        'Net toplam₺71.120,40',
        'KDV (%20)₺13.351,08',
        'KDV (%10)₺436,50',
        'Genel toplam₺84.907,98',
      ]);
      expect(await page.locator('[data-fx-date]').textContent()).toMatch(/^\d{4}-\d{2}-\d{2}$/);
      expect(await page.locator('[data-plan] li').count()).toBe(3);
      await check(page, 'quote-builder-preview');
      await docScreenshot(page, 'quote-builder');

      await page.getByRole('button', { name: 'Teklifi oluştur' }).click();
      const created = page.locator('[data-quote-created]');
      await created.waitFor();
      const quoteId = (await created.getAttribute('data-quote-created'))!;
      await created.getByRole('button', { name: "PDF'yi aç" }).click();
      await page.locator('[data-pdf]').waitFor();

      await page.locator(`a[href="#/quotes/${quoteId}"]`).click();
      await page.locator('[data-action="submit"] button').click();
      await settle();
      const stored = await call<StoredQuote>('GET', `/quotes/${quoteId}`, quoteKeys().repAyse);
      // 9.4% off overall, a wide margin: the policy approves it alone, and the approved quote is mailed.
      expect(stored.body.status).toBe('sent');
      expect(stored.body).toMatchObject({
        quoteDiscountBp: 300,
        deliveryTerms: 'Gebze depodan teslim, 10 iş günü',
        notes: 'Fiyatlara nakliye dahildir.',
        currency: 'TRY',
      });
      const tl = (amount: number) => ({ amount, currency: 'TRY' });
      expect(stored.body.lines.map((l) => [l.sku, l.discount, l.net, l.tax, l.total])).toEqual([
        ['TP-20', tl(724_460), tl(6_675_540), tl(1_335_108), tl(8_010_648)],
        ['TRN-OP', tl(13_500), tl(436_500), tl(43_650), tl(480_150)],
      ]);
      expect(stored.body.totals).toMatchObject({
        subtotal: tl(7_850_000),
        discountTotal: tl(737_960),
        quoteDiscountTotal: tl(219_960),
        netTotal: tl(7_112_040),
        taxTotal: tl(1_378_758),
        grandTotal: tl(8_490_798),
      });
      const plan = stored.body.paymentPlan;
      expect(plan.map((p) => p.dueDate)).toEqual([
        firstDue,
        firstDue.replace('-01-', '-02-'),
        firstDue.replace('-01-', '-03-'),
      ]);
      expect(plan.reduce((sum, p) => sum + p.amount.amount, 0)).toBe(8_490_798);
      expect(plan.map((p) => p.amount.amount)).toEqual([2_830_266, 2_830_266, 2_830_266]);
      await page.context().close();
    },
    STORY_MS,
  );
});
