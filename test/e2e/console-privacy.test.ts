// The privacy officer's page in Chromium against the local stack: the officer (an admin's key) opens a
// customer's record, then a person's access request registered for that customer: the request shows its
// due date and what the export holds, and is answered from its page; the read log, filtered by the
// customer, shows the record view made earlier. Every page passes the axe check, and the API then holds
// the answered request, its access record and the read. Then the officer reviews the retention rules,
// sets them to a century and sees an invented person untouched since 1925 listed as due; registers
// that person's erasure request by e-mail, confirms the erasure (a first click erases nothing), after
// which the API finds nobody by id or address and its record of erasures holds the answer; and refuses
// another person's request with a reason, which the page then shows as refused with it.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Customer, customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { check, findRow, useBrowser, withApiKey } from '../support/console.js';
import { uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';
import { documents, untouchedSince } from '../support/subscriptions-e2e.js';

useBrowser();
const officer = () => inject('peopleKeys').admin;
const OFFICER_ID = 'admin-elif';

interface Rules {
  leadInactiveDays: number;
  customerInactiveDays: number;
  seq: number;
  updatedBy?: string;
}

interface SubjectRequest {
  requestId: string;
  status: string;
  seq: number;
  dueAt: string;
  receivedAt: string;
  answerId?: string;
  answeredBy?: string;
  refusal?: string;
}

describe('the privacy officer’s page', () => {
  const customerId = newId();
  const name = `Gizlilik Kişi ${customerId.slice(-6)}`;

  beforeAll(async () => {
    const now = new Date().toISOString();
    const customer: Customer = { customerId, name, language: 'tr', createdAt: now, updatedAt: now };
    await documents().send(new PutCommand({ TableName: 'pusula', Item: customers.item(customer) }));
  });

  it('answers an access request from its page, and the read log shows the record view made before', async () => {
    // The officer reads the customer's record: a read the log keeps.
    const page = await withApiKey(officer(), `/customers/${customerId}`);
    await page.locator(`h1[data-customer="${customerId}"]`).waitFor();

    const registered = await call<SubjectRequest>('POST', '/privacy/subject-requests', officer(), {
      kind: 'access',
      customerId,
    });
    expect(registered.status, registered.text).toBe(201);
    const { requestId } = registered.body;
    expect(Date.parse(registered.body.dueAt) - Date.parse(registered.body.receivedAt)).toBe(30 * 24 * 3600 * 1000);

    // The list shows it open, in words; its page shows what the export holds.
    await page.goto(`${page.url().split('#')[0]}#/privacy`);
    await page.getByRole('combobox', { name: 'Durum' }).selectOption('open');
    const row = await findRow(page, `[data-subject-request="${requestId}"]`);
    expect(await row.locator('[data-status]').textContent()).toBe('Açık');
    await check(page, 'privacy-start');
    await row.getByRole('link').first().click();
    await page.locator('[data-export]').waitFor();
    const open = await call<{ export: { consents: number; parts: Record<string, number> } }>(
      'GET',
      `/privacy/subject-requests/${requestId}`,
      officer(),
    );
    const held = Object.values(open.body.export.parts).reduce((sum, n) => sum + n, open.body.export.consents);
    expect(await page.locator('[data-export-items]').textContent()).toBe(String(held));
    expect(await page.locator('[data-due]').getAttribute('data-due')).toBe(registered.body.dueAt);
    await check(page, 'privacy-request-open');

    await page.getByRole('button', { name: 'Verileri vererek yanıtla' }).click();
    await page.locator('[data-export-document]').waitFor();
    expect(await page.locator('[data-subject-request] [data-status]').textContent()).toBe('Yanıtlandı');
    expect(await page.getByRole('button', { name: 'Verileri vererek yanıtla' }).count()).toBe(0);
    await check(page, 'privacy-request-answered');

    // The read log by customer: the record view made at the start, by the officer, in words.
    await page.getByRole('link', { name: 'Kişisel veriler (KVKK)' }).click();
    await page.getByRole('search').getByLabel('Müşteri numarası').fill(customerId);
    await page.getByRole('search').getByRole('button', { name: 'Süz' }).click();
    const read = page.locator(`[data-read-customer="${customerId}"][data-reader="${OFFICER_ID}"]`).first();
    await read.waitFor();
    expect(await read.locator('td').last().textContent()).toBe('Müşteri kaydı');
    await check(page, 'privacy-read-log');

    // The API holds what the pages showed.
    const stored = await call<{ request: SubjectRequest; moves: string[] }>(
      'GET',
      `/privacy/subject-requests/${requestId}`,
      officer(),
    );
    expect(stored.body.request).toMatchObject({ status: 'completed', seq: 2 });
    expect(stored.body.moves).toEqual([]);
    const records = await call<{ items: { requestId: string; kind: string; customerId: string }[] }>(
      'GET',
      '/privacy/requests?limit=50',
      officer(),
    );
    expect(records.body.items.find((r) => r.requestId === stored.body.request.answerId)).toMatchObject({
      kind: 'access',
      customerId,
    });
    const reads = await call<{ items: { userId: string; route: string }[] }>(
      'GET',
      `/privacy/record-reads?customerId=${customerId}`,
      officer(),
    );
    expect(reads.body.items).toContainEqual(
      expect.objectContaining({ userId: OFFICER_ID, route: 'GET /customers/{customerId}' }),
    );
  });

  it('sets the retention rules and sees who is due, erases a person after confirming, refuses a request with its reason', async () => {
    // An invented person with an address and a phone, untouched for a century (longer than anyone else here).
    const person = uniquePerson('saklama');
    const made = await call<{ customer: { customerId: string } }>('POST', '/customers', officer(), {
      name: person.name,
      email: person.email,
      phone: person.phone,
      language: 'tr',
    });
    expect(made.status, made.text).toBe(201);
    const oldId = made.body.customer.customerId;
    await untouchedSince(oldId, '1925-01-01T09:00:00.000Z');
    const before = (await call<Rules>('GET', '/privacy/retention-rules', officer())).body;
    const page = await withApiKey(officer(), '/privacy');
    try {
      // (a) The rules in force, set to a century; the dry run lists the person as due, and not today's customer.
      const leadDays = page.getByLabel('Yalnızca aday olan kişi: etkinliksiz gün');
      await leadDays.waitFor();
      expect(await leadDays.inputValue()).toBe(String(before.leadInactiveDays));
      await leadDays.fill('36500');
      await page.getByLabel('Müşteri: etkinliksiz gün').fill('36500');
      await page.getByRole('button', { name: 'Kuralları kaydet' }).click();
      await page.locator('[data-rules-saved]').waitFor();
      expect(await page.locator('[data-rules-changed]').textContent()).toContain(OFFICER_ID);
      expect((await call<Rules>('GET', '/privacy/retention-rules', officer())).body).toMatchObject({
        leadInactiveDays: 36_500,
        customerInactiveDays: 36_500,
        seq: before.seq + 1,
        updatedBy: OFFICER_ID,
      });
      await page.getByRole('button', { name: 'Denemeyi çalıştır' }).click();
      const due = page.locator(`[data-candidate="${oldId}"] td`);
      await due.first().waitFor();
      expect(await due.nth(1).textContent()).toBe('Yalnızca aday');
      expect(Number(await due.nth(3).textContent())).toBeGreaterThanOrEqual(36_500);
      expect(await page.locator(`[data-candidate="${customerId}"]`).count()).toBe(0);
      await check(page, 'privacy-retention');

      // (b) The person's erasure request, registered by their address; erased only once confirmed.
      await page.locator('summary', { hasText: 'Başvuruyu kaydet' }).click();
      await page.getByLabel('Tür').selectOption('erasure');
      await page.getByLabel('E-posta').fill(person.email);
      await page.getByRole('button', { name: 'Başvuruyu kaydet' }).click();
      await page.locator('[data-erasure-plan]').waitFor();
      expect(Number(await page.locator('[data-count="Silinecek"]').textContent())).toBeGreaterThanOrEqual(1);
      await page.getByRole('button', { name: 'Kişiyi sil ve yanıtla' }).click();
      await page.getByText('Bu geri alınamaz. Emin misiniz?').waitFor();
      await check(page, 'privacy-erasure-confirm');
      expect((await call('GET', `/customers/${oldId}`, officer())).status).toBe(200);
      await page.getByRole('button', { name: 'Evet, kişiyi sil' }).click();
      await page.locator('[data-erased]').waitFor();
      expect(await page.locator('[data-subject-request] [data-status]').textContent()).toBe('Yanıtlandı');
      expect(Number(await page.locator('[data-count="Silinen kayıt"]').textContent())).toBeGreaterThanOrEqual(1);
      expect(await page.getByRole('button', { name: 'Kişiyi sil ve yanıtla' }).count()).toBe(0);
      const shownRecord = await page.locator('[data-answer-record]').textContent();

      // The API finds nobody by the id, the address or the phone; the request and the record of erasures say so.
      expect((await call('GET', `/customers/${oldId}`, officer())).status).toBe(404);
      for (const detail of [`email=${encodeURIComponent(person.email)}`, `phone=${encodeURIComponent(person.phone)}`])
        expect((await call('GET', `/customers/lookup?${detail}`, officer())).status, detail).toBe(404);
      const requestId = page.url().split('/').at(-1);
      const answered = await call<{ request: SubjectRequest }>(
        'GET',
        `/privacy/subject-requests/${requestId}`,
        officer(),
      );
      expect(answered.body.request).toMatchObject({
        kind: 'erasure',
        customerId: oldId,
        status: 'completed',
        answeredBy: OFFICER_ID,
        answerId: shownRecord,
      });
      const records = await call<{ items: { requestId: string; counts: Record<string, number> }[] }>(
        'GET',
        '/privacy/requests?limit=50',
        officer(),
      );
      expect(records.body.items.find((r) => r.requestId === shownRecord)).toMatchObject({
        kind: 'erasure',
        customerId: oldId,
        actorId: OFFICER_ID,
        counts: expect.objectContaining({ deleted: expect.any(Number) }),
      });

      // (c) Another person's request refused with the reason, shown as refused with it.
      const reason = 'Başvuru sahibinin kimliği doğrulanamadı.';
      const other = await call<SubjectRequest>('POST', '/privacy/subject-requests', officer(), {
        kind: 'erasure',
        customerId,
      });
      expect(other.status, other.text).toBe(201);
      await page.goto(`${page.url().split('#')[0]}#/privacy/requests/${other.body.requestId}`);
      await page.locator('summary', { hasText: 'Başvuruyu reddet' }).click();
      await page.getByLabel('Ret gerekçesi').fill(reason);
      await page.getByRole('button', { name: 'Bu gerekçeyle reddet' }).click();
      await page.locator('[data-refusal]').waitFor();
      expect(await page.locator('[data-subject-request] [data-status]').textContent()).toBe('Reddedildi');
      expect(await page.locator('[data-refusal]').textContent()).toBe(`Ret gerekçesi: ${reason}`);
      expect(await page.getByRole('button', { name: 'Kişiyi sil ve yanıtla' }).count()).toBe(0);
      await check(page, 'privacy-refused');
      expect(
        (await call<{ request: SubjectRequest }>('GET', `/privacy/subject-requests/${other.body.requestId}`, officer()))
          .body.request,
      ).toMatchObject({ status: 'refused', refusal: reason, answeredBy: OFFICER_ID });
      expect((await call('GET', `/customers/${customerId}`, officer())).status).toBe(200);
    } finally {
      // The stack as found: the rules as they were, and nobody a century old left for another story's dry run.
      const now = (await call<Rules>('GET', '/privacy/retention-rules', officer())).body;
      await call('PUT', '/privacy/retention-rules', officer(), {
        leadInactiveDays: before.leadInactiveDays,
        customerInactiveDays: before.customerInactiveDays,
        seq: now.seq,
      });
      await call('POST', '/privacy/erasures', officer(), { customerId: oldId });
      await page.context().close();
    }
  });
});
