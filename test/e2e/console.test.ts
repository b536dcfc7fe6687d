// The staff console in Chromium against the local stack: each role signs in and does its main task
// end to end, a rep finds another rep's lead "not found", the dashboard draws its charts, and every
// page visited has no serious or critical axe violation. Screenshots at phone and desktop widths go
// to .data/screenshots (not committed).
import { describe, expect, inject, it } from 'vitest';
import { check, findRow, signedIn, useBrowser } from '../support/console.js';
import { api, bearer, captureLead, getLead, post, settle, uniquePerson } from '../support/e2e.js';
import { act, call, createQuote, quoteKeys } from '../support/quotes.js';

const browser = useBrowser();

describe('the staff console', () => {
  it('signs a person in, shows a wrong password next to the form, and signs out through the API', async () => {
    const context = await browser().newContext();
    const page = await context.newPage();
    await page.goto(`${api()}/console/`);
    await check(page, 'sign-in');
    await page.getByLabel('E-posta').fill('ayse.rep@example.com');
    await page.getByLabel('Parola').fill('not-the-password');
    await page.getByRole('button', { name: 'Giriş yap' }).click();
    await expect.poll(() => page.locator('[data-problem]').textContent()).toBe('E-posta veya parola yanlış.');
    await context.close();

    const signedInPage = await signedIn('ayse.rep@example.com');
    const signOut = signedInPage.waitForResponse((r) => r.url().endsWith('/auth/sign-out'));
    await signedInPage.getByRole('button', { name: 'Çıkış' }).click();
    expect((await signOut).status()).toBe(204);
    await signedInPage.getByRole('button', { name: 'Giriş yap' }).waitFor();
    await signedInPage.context().close();
  });

  it('a rep moves her lead, sees a validation problem next to its field, builds a quote, and finds another rep’s lead not found', async () => {
    const own = uniquePerson('console-ayse');
    const theirs = uniquePerson('console-john');
    const { leadId } = await captureLead({ name: own.name, email: own.email, city: 'Kocaeli' });
    const { leadId: johnLead } = await captureLead({
      name: theirs.name,
      email: theirs.email,
      productInterest: 'export',
    });
    await settle();
    const { customerId } = await getLead(leadId);

    const page = await signedIn('ayse.rep@example.com', '/leads?status=new');
    await (await findRow(page, `a[href="#/leads/${leadId}"]`)).click();
    await page.locator('[data-move] select').selectOption('contacted');
    await page.getByRole('button', { name: 'Taşı' }).click();
    await expect.poll(() => page.locator('[data-status]').textContent()).toBe('Görüşüldü');
    expect(await page.locator('[data-status]').getAttribute('data-status')).toBe('contacted');
    expect((await getLead(leadId)).status).toBe('contacted');
    await check(page, 'lead');

    await page.goto(`${api()}/console/#/quotes/new?customer=${customerId}`);
    await page.getByLabel('Fiyat listesi').selectOption('tr-standart');
    await page.getByLabel('Ürün kodu').fill('TP-20');
    // The totals are the API's own (POST /quotes/preview): quantity × the list's price before discounts and KDV.
    const lists = await call<{ id: string; prices: { sku: string; unitPrice: number }[] }[]>(
      'GET',
      '/catalogue/price-lists',
      quoteKeys().catalogueAdmin,
    );
    const unitPrice = lists.body.find((l) => l.id === 'tr-standart')!.prices.find((p) => p.sku === 'TP-20')!.unitPrice;
    const liveTotal = () => page.locator('[data-totals] tr').first().textContent();
    await page.getByLabel('Adet').fill('3');
    await page.getByRole('button', { name: 'Toplamları hesapla' }).click();
    await expect
      .poll(liveTotal)
      .toBe(
        `Ara toplam${new Intl.NumberFormat('tr-TR', { style: 'currency', currency: 'TRY' }).format((3 * unitPrice) / 100)}`,
      );
    await page.getByLabel('Adet').fill('0');
    await page.getByLabel('Adet').evaluate((input) => input.removeAttribute('min'));
    await page.getByRole('button', { name: 'Teklifi oluştur' }).click();
    const problem = page.locator('[data-field-problem="lines.0.quantity"]');
    await problem.waitFor();
    expect(await page.getByLabel('Adet').getAttribute('aria-invalid')).toBe('true');
    await page.getByLabel('Adet').fill('4');
    await page.getByRole('button', { name: 'Teklifi oluştur' }).click();
    const created = page.locator('[data-quote-created]');
    await created.waitFor();
    const quoteId = await created.getAttribute('data-quote-created');
    expect(await problem.count()).toBe(0);
    const stored = await call<{ ownerId: string; customerId: string }>(
      'GET',
      `/quotes/${quoteId}`,
      quoteKeys().manager,
    );
    expect(stored.body).toMatchObject({ ownerId: 'rep-ayse', customerId });
    await check(page, 'quote-builder');

    await page.goto(`${api()}/console/#/leads/${johnLead}`);
    await expect.poll(() => page.locator('[data-page-problem]').textContent()).toBe('Bulunamadı.');

    // On a phone the header keeps one row: the page links wait in the "Menü", opened and followed by keyboard.
    await page.setViewportSize({ width: 390, height: 844 });
    const nav = page.locator('#nav');
    expect(await page.getByRole('link', { name: 'Adaylar' }).count()).toBe(0);
    expect((await nav.boundingBox())!.height).toBeLessThan(100);
    await nav.getByText('Menü').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('link', { name: 'Adaylar' }).focus();
    await page.keyboard.press('Enter');
    await page.locator('#main form[role="search"]').waitFor();
    expect(page.url()).toMatch(/#\/leads$/);
    expect(await nav.locator('details').getAttribute('open')).toBeNull();
    await page.context().close();
  });

  it('a manager approves a quote awaiting her', async () => {
    const person = uniquePerson('console-quote');
    const { leadId } = await captureLead({ name: person.name, email: person.email, city: 'Kocaeli' });
    await settle();
    const { customerId } = await getLead(leadId);
    const quote = await createQuote(quoteKeys().repAyse, {
      customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'FL-25E', quantity: 2, discountBp: 1500 }],
    });
    expect((await act(quote.quoteId, 'submit', quoteKeys().repAyse, { seq: quote.seq })).body).toMatchObject({
      status: 'pending_approval',
    });

    const page = await signedIn('zeynep.manager@example.com', '/quotes');
    const row = await findRow(page, `tr[data-quote="${quote.quoteId}"]`);
    await row.getByRole('button', { name: 'Onayla' }).click();
    await expect.poll(() => row.locator('td').last().textContent()).toBe('Onayla ✓');
    // Approved by the one step it needed, and then mailed to the customer at once.
    expect(['approved', 'sent']).toContain(
      (await call<{ status: string }>('GET', `/quotes/${quote.quoteId}`, quoteKeys().manager)).body.status,
    );
    await check(page, 'approvals');

    await page.context().close();
  });

  it('an agent finds a caller by phone and logs the call', async () => {
    const caller = uniquePerson('console-caller');
    const { leadId } = await captureLead({
      name: caller.name,
      email: caller.email,
      phone: caller.phone,
      city: 'Kocaeli',
    });
    await settle();
    const { customerId } = await getLead(leadId);

    const page = await signedIn('deniz.agent@example.com', '/lookup');
    await page.getByLabel('Telefon').fill(caller.localPhone);
    await page.getByRole('button', { name: 'Bul' }).click();
    await page.getByRole('link', { name: caller.name }).waitFor();
    await page.getByLabel('Konu').fill('Teslimat sorusu');
    await page.getByRole('button', { name: 'Görüşmeyi kaydet' }).click();
    await page.locator('[data-saved]').waitFor();
    const activities = await call<{ activities: { kind: string; subject?: string; createdBy: string }[] }>(
      'GET',
      `/customers/${customerId}/activities`,
      inject('activityKeys').agent,
    );
    expect(activities.body.activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'call', subject: 'Teslimat sorusu', createdBy: 'agent-deniz' }),
      ]),
    );
    await check(page, 'lookup');

    await page.getByRole('link', { name: caller.name }).click();
    await page.locator('#part-timeline').waitFor();
    await check(page, 'customer');
    await page.context().close();
  });

  it('a dealer acknowledges an order routed to it', async () => {
    const buyer = uniquePerson('console-order');
    const order = await post(
      '/orders',
      {
        customer: { name: buyer.name, email: buyer.email, phone: buyer.localPhone, language: 'tr' },
        lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
        delivery: { address: 'Deneme Sokak 5', city: 'Ankara' },
        requestedDate: '2026-12-15',
        channel: 'web-shop',
      },
      { ...bearer(inject('orderKeys').shop), 'idempotency-key': `console-${buyer.email}` },
    );
    expect(order.status).toBe(201);
    const { orderId } = (await order.json()) as { orderId: string };
    await settle();

    const page = await signedIn('ali.ankara@example.com', '/orders');
    const row = await findRow(page, `tr[data-order="${orderId}"]`);
    await row.getByRole('button', { name: 'Teslim al' }).click();
    await expect.poll(() => row.locator('td').last().textContent()).toBe('Teslim al ✓');
    expect((await call<{ status: string }>('GET', `/orders/${orderId}`, inject('orderKeys').manager)).body.status).toBe(
      'acknowledged',
    );
    await check(page, 'orders');
    await page.context().close();
  });

  it('a department resolves a case in its queue', async () => {
    const someone = uniquePerson('console-case');
    const opened = await post(
      '/cases',
      {
        type: 'complaint',
        channel: 'phone',
        subject: 'Konsol vakası',
        category: 'website',
        contact: { name: someone.name, email: someone.email, language: 'tr' },
      },
      { ...bearer(inject('caseKeys').agent), 'idempotency-key': `console-${someone.email}` },
    );
    expect(opened.status).toBe(201);
    const { caseId } = (await opened.json()) as { caseId: string };
    await settle();

    const page = await signedIn('hakan.manager@example.com', '/cases');
    const row = await findRow(page, `tr[data-case="${caseId}"]`);
    await row.getByRole('button', { name: 'Teslim al' }).click();
    await row.getByRole('button', { name: 'Çözüldü' }).click();
    await expect.poll(() => row.locator('td').last().textContent()).toBe('Çözüldü ✓');
    expect((await call<{ status: string }>('GET', `/cases/${caseId}`, inject('caseKeys').director)).body.status).toBe(
      'resolved',
    );
    await check(page, 'cases');
    await page.context().close();
  });

  it("the dashboard draws the month's revenue, A/B/C shares, pipeline, SLA and campaign charts for a manager", async () => {
    const page = await signedIn('zeynep.manager@example.com', '/dashboard');
    await page.goto(`${api()}/console/#/dashboard`);
    await page.locator('#chart-revenue').waitFor();
    await check(page, 'dashboard');
    // The chart is drawn: its canvas has pixels that are not the background.
    const painted = () =>
      page.locator('#chart-revenue').evaluate((canvas) => {
        const pixels = (
          canvas as {
            getContext(kind: '2d'): {
              getImageData(x: number, y: number, w: number, h: number): { data: Uint8ClampedArray };
            };
          }
        )
          .getContext('2d')
          .getImageData(
            0,
            0,
            (canvas as unknown as { width: number }).width,
            (canvas as unknown as { height: number }).height,
          ).data;
        let count = 0;
        for (let i = 3; i < pixels.length; i += 4) if (pixels[i]! > 0) count++;
        return count;
      });
    await expect.poll(painted).toBeGreaterThan(100);
    expect(await page.locator('canvas').count()).toBe(5);
    // Sales performance says what commission is paid on: net revenue without KDV unless set to margin.
    expect(await page.locator('[data-commission-basis]').textContent()).toMatch(
      /^Komisyon esası: (Net ciro \(KDV hariç\)|Kâr marjı)$/,
    );
    await page.context().close();
  });
});
