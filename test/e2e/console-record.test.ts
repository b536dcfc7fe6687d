// The console's customer record, quote page and "my work today" in Chromium against the local stack:
// a consent given over the API shows with its proof, a stale edit shows the 409 in words, a callback
// logged on the page reaches the API, a manager merges a duplicate and the old id follows to the
// survivor, a quote is submitted and approved on its page (read back through the API) and its PDF
// opens as a blob, and the home page counts the test's own new lead. axe + screenshots on each page.
import { describe, expect, inject, it } from 'vitest';
import { check, findRow, signedIn, useBrowser } from '../support/console.js';
import { api, captureLead, getLead, settle, uniquePerson } from '../support/e2e.js';
import { call, createQuote, getQuote, newCustomer, quoteKeys } from '../support/quotes.js';

useBrowser();

const record = (customerId: string, key = inject('customerRecordKeys').manager) =>
  call<{ customer: { customerId: string; company?: string; seq?: number } }>('GET', `/customers/${customerId}`, key);

describe('the customer record, a quote page and my work today in the console', () => {
  it('shows a consent given over the API with its proof, says a stale edit in words, and logs a callback', async () => {
    const person = uniquePerson('record-consent');
    const { leadId } = await captureLead({
      name: person.name,
      email: person.email,
      phone: person.localPhone,
      city: 'Kocaeli',
      consent_sms: true,
      consentTextVersion: 'kvkk-2026-01',
    });
    await settle();
    const { customerId } = await getLead(leadId);

    const page = await signedIn('ayse.rep@example.com', `/customers/${customerId}`);
    const sms = page.locator('[data-consent="sms"]');
    await sms.waitFor();
    expect(await sms.textContent()).toContain('İzin verdi');
    expect(await sms.textContent()).toContain(person.phone);
    expect(await page.locator('[data-consent="email"]').textContent()).toContain('İzin kaydı yok.');
    await check(page, 'customer-record');

    // The profile changes over the API after the page read it: the page's seq is stale.
    const before = await record(customerId);
    const changed = await call('PATCH', `/customers/${customerId}`, inject('customerRecordKeys').repAyse, {
      seq: before.body.customer.seq ?? 0,
      city: 'Bursa',
    });
    expect(changed.status, changed.text).toBe(200);
    await page.getByText('Profili düzenle').click();
    await page.getByLabel('Firma', { exact: true }).fill('Eski Okuma A.Ş.');
    await page.getByRole('button', { name: 'Kaydet', exact: true }).click();
    const problem = page.locator('[data-edit-profile] [data-problem]');
    await expect
      .poll(() => problem.textContent())
      .toBe('Bu kayıt siz okurken başka biri tarafından değiştirildi. Sayfayı yenileyip yeniden deneyin.');
    expect((await record(customerId)).body.customer.company).toBeUndefined();

    await page.getByText('Etkinlik kaydet', { exact: true }).first().click();
    await page.locator('[data-log-activity] select[name="kind"]').selectOption('callback');
    const tomorrow = new Date(Date.now() + 24 * 3600_000);
    const local = new Date(tomorrow.getTime() - tomorrow.getTimezoneOffset() * 60_000).toISOString().slice(0, 16);
    await page.getByLabel('Geri arama zamanı').fill(local);
    await page.getByLabel('Konu', { exact: true }).fill('Fiyatı sonra konuşalım');
    await page.locator('[data-log-activity] button[type="submit"]').click();
    await expect.poll(() => page.locator('[data-notice]').textContent()).toBe('Kaydedildi.');
    await expect.poll(() => page.locator('#part-timeline').textContent()).toContain('Fiyatı sonra konuşalım');
    const activities = await call<{ activities: { kind: string; outcome?: string; subject?: string }[] }>(
      'GET',
      `/customers/${customerId}/activities`,
      inject('activityKeys').repAyse,
    );
    expect(activities.body.activities).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ kind: 'call', outcome: 'callback-requested', subject: 'Fiyatı sonra konuşalım' }),
        expect.objectContaining({ kind: 'todo' }),
      ]),
    );
    await page.context().close();
  });

  it('a manager merges a duplicate: the survivor lists its quote and the old id follows to the survivor', async () => {
    const kept = await newCustomer('record-kept');
    const duplicate = await newCustomer('record-dup');
    const quote = await createQuote(quoteKeys().repAyse, {
      customerId: duplicate.customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'FL-25E', quantity: 1 }],
    });

    const page = await signedIn('zeynep.manager@example.com', `/customers/${kept.customerId}`);
    await page.getByText('Bir mükerrer kaydı bu kayda birleştir').click();
    await page.getByLabel('Ad, telefon veya e-posta').fill(duplicate.email);
    await page.locator('[data-merge-search] button[type="submit"]').click();
    await page.locator(`[data-candidate="${duplicate.customerId}"]`).click();
    await page.locator('[data-compare]').waitFor();
    expect(await page.locator('[data-compare]').textContent()).toContain(duplicate.name);
    await check(page, 'customer-merge-compare');
    await page.getByRole('button', { name: `Birleştir: ${duplicate.name}` }).click();
    await expect
      .poll(() => page.locator('[data-notice]').textContent())
      .toBe(`Birleştirildi (${duplicate.customerId})`);
    await page.locator(`#part-quotes a[href="#/quotes/${quote.quoteId}"]`).waitFor();
    expect((await record(duplicate.customerId)).body.customer.customerId).toBe(kept.customerId);

    await page.goto(`${api()}/console/#/customers/${duplicate.customerId}`);
    // The page first shows the survivor it was on: wait for the old id's answer to move the address.
    await expect.poll(() => new URL(page.url()).hash).toBe(`#/customers/${kept.customerId}`);
    await expect
      .poll(() => page.locator('[data-merged]').textContent())
      .toBe(`Bu kayda birleştirilen eski numara: ${duplicate.customerId}`);
    expect(await page.locator('h1[data-customer]').getAttribute('data-customer')).toBe(kept.customerId);
    await check(page, 'customer-merged');
    await page.context().close();
  });

  it('a rep submits a quote on its page and opens its PDF; her manager approves it there', async () => {
    const customer = await newCustomer('record-quote');
    const quote = await createQuote(quoteKeys().repAyse, {
      customerId: customer.customerId,
      priceListId: 'tr-standart',
      lines: [{ sku: 'FL-25E', quantity: 2, discountBp: 1500 }],
    });

    const rep = await signedIn('ayse.rep@example.com', `/quotes/${quote.quoteId}`);
    await rep.getByRole('button', { name: 'Onaya gönder' }).click();
    await expect.poll(() => rep.locator('[data-status]').textContent()).toBe('Onay bekliyor');
    expect(await rep.locator('[data-status]').getAttribute('data-status')).toBe('pending_approval');
    expect((await getQuote(quote.quoteId)).status).toBe('pending_approval');
    // The step awaits a manager: the rep is offered no approval.
    expect(await rep.locator('[data-action="approve"]').count()).toBe(0);

    await rep.getByRole('button', { name: "PDF'yi aç" }).click();
    const href = await rep.locator('[data-pdf]').getAttribute('href');
    expect(href).toMatch(/^blob:/);
    expect(await rep.evaluate(async (url) => (await (await fetch(url)).blob()).type, href!)).toBe('application/pdf');
    await check(rep, 'quote');
    await rep.context().close();

    const manager = await signedIn('zeynep.manager@example.com', `/quotes/${quote.quoteId}`);
    await manager.getByRole('button', { name: 'Onayla', exact: true }).click();
    await expect.poll(() => manager.locator('[data-notice]').textContent()).toBe('Onayla ✓');
    // One step was asked for: approved, and then mailed to the customer at once.
    expect(['approved', 'sent']).toContain(await manager.locator('[data-status]').getAttribute('data-status'));
    const stored = (
      await call<{ status: string; approvals: { userId: string }[] }>(
        'GET',
        `/quotes/${quote.quoteId}`,
        quoteKeys().manager,
      )
    ).body;
    expect(['approved', 'sent']).toContain(stored.status);
    expect(stored.approvals).toEqual([expect.objectContaining({ userId: 'mgr-zeynep' })]);
    await check(manager, 'quote-approved');
    await manager.context().close();
  });

  it("counts the rep's own new lead on the home page, linking to it; an agent lands on the call desk, with no approvals count; a director's count holds a case near breach", async () => {
    const person = uniquePerson('record-home');
    const { leadId } = await captureLead({ name: person.name, email: person.email, city: 'Kocaeli' });
    // A high-priority case has 120 business minutes for its first response: near breach from the start.
    const opened = await call<{ caseId: string }>('POST', '/cases', inject('caseKeys').agent, {
      type: 'complaint',
      channel: 'phone',
      category: 'website',
      priority: 'high',
      subject: 'Sayfa açılmıyor',
      contact: { name: person.name, email: person.email, language: 'tr' },
    });
    expect(opened.status, opened.text).toBe(201);
    await settle();
    const listed = await call<{ cases: { caseId: string; sla: { minutesLeft?: number } }[] }>(
      'GET',
      '/cases?limit=100',
      inject('caseKeys').director,
    );
    const left = listed.body.cases.find((c) => c.caseId === opened.body.caseId)?.sla.minutesLeft;
    expect(left).toBeGreaterThan(0);
    expect(left).toBeLessThanOrEqual(120);

    const page = await signedIn('ayse.rep@example.com', '/');
    const leads = page.locator('[data-count="newLeads"]');
    await leads.waitFor();
    expect(Number.parseInt((await leads.locator('strong').textContent()) ?? '', 10)).toBeGreaterThanOrEqual(1);
    expect(await page.locator('[data-count="awaitingMe"]').count()).toBe(1);
    await check(page, 'home');
    await leads.getByRole('link').click();
    expect(await (await findRow(page, `a[href="#/leads/${leadId}"]`)).count()).toBe(1);
    await page.context().close();

    // An agent's day starts at the call desk: home sends them there, with no approvals count.
    const agent = await signedIn('deniz.agent@example.com', '/');
    await agent.waitForURL(/#\/desk$/);
    await agent.locator('main input').first().waitFor();
    expect(await agent.locator('[data-count="awaitingMe"]').count()).toBe(0);
    await check(agent, 'home-agent');
    await agent.context().close();

    // A director reaches every case: the newest, ours among them, is counted near breach.
    const director = await signedIn('kemal.director@example.com', '/');
    const nearBreach = director.locator('[data-count="casesNearBreach"] strong');
    await nearBreach.waitFor();
    expect(Number.parseInt((await nearBreach.textContent()) ?? '', 10)).toBeGreaterThanOrEqual(1);
    await director.context().close();
  });
});
