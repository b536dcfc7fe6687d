// The privacy officer's page in Chromium against the local stack: the officer (an admin's key) opens a
// customer's record, then a person's access request registered for that customer: the request shows its
// due date and what the export holds, and is answered from its page; the read log, filtered by the
// customer, shows the record view made earlier. Every page passes the axe check, and the API then holds
// the answered request, its access record and the read.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Customer, customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { check, findRow, useBrowser, withApiKey } from '../support/console.js';
import { call } from '../support/quotes.js';
import { documents } from '../support/subscriptions-e2e.js';

useBrowser();
const officer = () => inject('peopleKeys').admin;
const OFFICER_ID = 'admin-elif';

interface SubjectRequest {
  requestId: string;
  status: string;
  seq: number;
  dueAt: string;
  receivedAt: string;
  answerId?: string;
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
});
