// The marketer's day in Chromium against the local stack: the marketer signs in and starts at her
// page (a scheduled campaign listed with its status), previews a text campaign (segments, encoding,
// cost per recipient and in all, recipients: each as the preview API answers for the same input),
// starts a letter run (a merge field letters cannot fill refused at its field first) that prints to
// done, one letter per customer with an address and the one without counted, with its part's PDF
// downloaded; creates a call list for an agent, whose progress shows the call the agent then logs;
// her page lists the runs and lists the API holds, one another session started among them; and the API
// holds what the pages showed.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { type Customer, customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { check, settled, signedIn, useBrowser } from '../support/console.js';
import { call } from '../support/quotes.js';
import { smsConsentItem } from '../support/subscriptions.js';
import { documents } from '../support/subscriptions-e2e.js';

useBrowser();
const staff = () => inject('smsKeys').staff;
const agent = () => inject('activityKeys').agent;
const put = (Item: Record<string, unknown>) => documents().send(new PutCommand({ TableName: 'pusula', Item }));
const phoneNumber = () => `+90555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** An invented customer with a mobile number and text consent for it, and a postal address when asked. */
const seed = async (tag: string, i: number, withAddress: boolean) => {
  const customerId = newId();
  const email = `${tag}-${i}-${customerId.toLowerCase()}@example.com`;
  const phone = phoneNumber();
  const now = new Date().toISOString();
  const customer: Customer = {
    customerId,
    name: `Pazarlama Kişi ${i}`,
    email,
    emailKey: email,
    phone,
    language: 'tr',
    tags: [tag],
    createdAt: now,
    updatedAt: now,
  };
  await put(customers.item(customer));
  await put({ ...keys.phoneMarker(phone), type: 'phone-marker', customerId });
  await put(smsConsentItem(customerId, phone, now));
  if (withAddress) {
    const address = {
      mahalle: 'Caferağa',
      street: `Moda Caddesi ${i}`,
      buildingNo: '12',
      district: 'Kadıköy',
      province: 'İstanbul',
      postalCode: '34710',
    };
    const set = await call('PUT', `/customers/${customerId}/postal-address`, staff(), { address, seq: 0 });
    expect(set.status, set.text).toBe(200);
  }
  return customerId;
};

const created = async <T>(path: string, body: unknown) => {
  const reply = await call<T>('POST', path, staff(), body);
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
};

/** Minor units as the Turkish console writes the amount: 50 → "0,50". */
const amount = (minor: number) => (minor / 100).toFixed(2).replace('.', ',');

interface Estimate {
  encoding: string;
  segments: number;
  costMinor: number;
}
interface Preview {
  versions: { tr: Estimate; en: Estimate };
  recipients: number;
  costPerRecipientMinor: number;
  campaignCostMinor: number;
}

describe('the marketer’s day in the console', () => {
  // One page through the day.
  let page: Page;
  const tag = `mkt${Math.random().toString(36).slice(2, 8)}`;
  let segment: { segmentId: string };
  let template: { templateId: string };
  let campaign: { campaignId: string; seq: number };
  const ids = { runId: '' };
  const home = () => page.goto(`${page.url().split('#')[0]}#/marketing`);

  beforeAll(async () => {
    await seed(tag, 0, true);
    await seed(tag, 1, true);
    await seed(tag, 2, false);
    segment = await created<{ segmentId: string }>('/segments', {
      name: `Pazarlama ${tag}`,
      filter: { tags: [tag] },
      consent: { channel: 'email', topic: 'offers' },
    });
    template = await created<{ templateId: string }>('/templates', {
      name: `SMS ${tag}`,
      parts: {
        tr: { subject: 'Fırsat', html: '<p>x</p>', text: 'Sayın {{name}}, {{offer.discount}} indirim sizi bekliyor.' },
        en: { subject: 'Offer', html: '<p>x</p>', text: 'Dear {{name}}, {{offer.discount}} off is waiting for you.' },
      },
    });
    // A text campaign an hour ahead: on the start page among the campaigns going, cancelled at the end.
    campaign = await created<{ campaignId: string; seq: number }>('/campaigns', {
      name: `Metin ${tag}`,
      segmentId: segment.segmentId,
      templateId: template.templateId,
      topic: 'offers',
      channel: 'sms',
      schedule: { at: new Date(Date.now() + 3600_000).toISOString() },
      offer: { discount: '%20' },
    });
    const scheduled = await call<{ seq: number }>('POST', `/campaigns/${campaign.campaignId}/schedule`, staff(), {
      seq: campaign.seq,
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    campaign.seq = scheduled.body.seq;
  }, 60_000);

  it('signs in to her page, with a scheduled campaign, and previews a text campaign as the API estimates it', async () => {
    // Signed in, the marketer lands on her page.
    page = await signedIn('derya.marketing@example.com', '/');
    await page.getByRole('heading', { name: 'Pazarlama günüm' }).waitFor();
    expect(page.url()).toContain('#/marketing');
    const listed = page.locator(`[data-campaign="${campaign.campaignId}"]`);
    await listed.waitFor();
    expect(await listed.locator('[data-status]').textContent()).toBe('Zamanlandı');
    await check(page, 'marketer-start');

    // The text campaign's preview, against the API's answer for the same segment, template and offer.
    await page.getByRole('button', { name: 'SMS kampanyası önizleme' }).click();
    await page.getByLabel('Hedef kitle').selectOption(segment.segmentId);
    await page.getByLabel('Şablon').selectOption(template.templateId);
    await page.getByLabel('Teklif değişkenleri').fill('discount=%20');
    await page.getByRole('button', { name: 'Uzunluğu ve maliyeti hesapla' }).click();
    await page.locator('[data-sms-estimate]').waitFor();
    const preview = await call<Preview>('POST', '/campaigns/sms-preview', staff(), {
      segmentId: segment.segmentId,
      templateId: template.templateId,
      offer: { discount: '%20' },
    });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.recipients).toBe(3);
    for (const language of ['tr', 'en'] as const) {
      const row = page.locator(`[data-version="${language}"]`);
      const version = preview.body.versions[language];
      expect(Number(await row.locator('[data-segments]').textContent())).toBe(version.segments);
      expect(await row.locator('[data-encoding]').getAttribute('data-encoding')).toBe(version.encoding);
      expect(await row.locator('[data-cost]').textContent()).toContain(amount(version.costMinor));
    }
    // A Turkish letter (ı) turns the Turkish text to UCS-2, said in words, not as the machine value.
    expect(await page.locator('[data-version="tr"] [data-encoding]').textContent()).toContain('GSM dışı');
    expect(await page.locator('[data-recipients]').textContent()).toBe('3');
    expect(await page.locator('[data-cost-per-recipient]').textContent()).toContain(
      amount(preview.body.costPerRecipientMinor),
    );
    expect(await page.locator('[data-campaign-cost]').textContent()).toContain(amount(preview.body.campaignCostMinor));
    expect(preview.body.campaignCostMinor).toBe(preview.body.costPerRecipientMinor * 3);
    await check(page, 'marketer-sms-preview');
  });

  it('starts a letter run (a field letters cannot fill refused first) that prints to done, and downloads its part', async () => {
    await home();
    await page.getByRole('button', { name: 'Yeni mektup baskısı' }).click();
    await page.getByLabel('Hedef kitle').selectOption(segment.segmentId);
    await page.getByLabel('Mektup metni (Türkçe)').fill('Sayın {{name}}, {{offer.discount}} indirim.');
    await page.getByLabel('Mektup metni (İngilizce)').fill('Dear {{name}}, see you on {{date}}.');
    await page.getByRole('button', { name: 'Baskıyı başlat' }).click();
    await page.locator('[data-field-problem="template.tr.body"]').waitFor();
    expect(await page.getByLabel('Mektup metni (Türkçe)').getAttribute('aria-invalid')).toBe('true');
    await check(page, 'marketer-letter-run-new');
    await page.getByLabel('Mektup metni (Türkçe)').fill('Sayın {{name}}, {{date}} tarihli mektubumuzdur.');
    await page.getByRole('button', { name: 'Baskıyı başlat' }).click();
    await page.locator('[data-letter-run] [data-status="done"]').waitFor();
    const runId = (await page.locator('[data-letter-run]').getAttribute('data-letter-run'))!;
    expect(await page.locator('[data-count="printed"]').textContent()).toBe('2');
    expect(await page.locator('[data-count="skipped"]').textContent()).toBe('posta adresi yok 1');
    const run = await call<{ status: string; printed: number; parts: number; skipped: Record<string, number> }>(
      'GET',
      `/letter-runs/${runId}`,
      staff(),
    );
    expect(run.body).toMatchObject({ status: 'done', printed: 2, parts: 1, skipped: { 'no-address': 1 } });
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Bölüm 1 (PDF)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`letter-run-${runId}-1.pdf`);
    const pdf = await call('GET', `/letter-runs/${runId}/parts/1`, staff(), undefined, { accept: 'application/pdf' });
    expect(pdf.status).toBe(200);
    expect(pdf.text.startsWith('%PDF')).toBe(true);
    await check(page, 'marketer-letter-run');

    ids.runId = runId;
  });

  it('creates a call list for an agent whose logged call shows in its progress; her page lists the run and the list', async () => {
    await home();
    await page.getByRole('button', { name: 'Yeni arama listesi' }).click();
    await page.getByLabel('Liste adı').fill(`Arama ${tag}`);
    await page.getByLabel('Hedef kitle').selectOption(segment.segmentId);
    await page.getByLabel('Amaç').selectOption('transactional');
    await page.getByLabel('Görüşme metni').fill('Merhaba, siparişiniz hakkında arıyoruz.');
    await page.getByLabel(/^Temsilciler/).fill('agent-deniz');
    await page.getByRole('button', { name: 'Listeyi oluştur' }).click();
    await page.locator('[data-call-list] [data-called]').waitFor();
    const listId = (await page.locator('[data-call-list]').getAttribute('data-call-list'))!;
    expect(await page.locator('[data-called]').textContent()).toBe('Arandı: 0 / 3');
    expect(await page.locator('[data-agent="agent-deniz"] td').nth(1).textContent()).toBe('3');

    const next = await call<{ entry: { customerId: string } | null }>('POST', `/call-lists/${listId}/next`, agent());
    expect(next.status, next.text).toBe(200);
    const customerId = next.body.entry!.customerId;
    const now = Date.now();
    const logged = await call('POST', `/call-lists/${listId}/entries/${customerId}/outcome`, agent(), {
      outcome: 'sale',
      startedAt: new Date(now - 180_000).toISOString(),
      endedAt: new Date(now).toISOString(),
    });
    expect(logged.status, logged.text).toBe(200);
    // The page polls: the call and its outcome show, in words.
    await expect.poll(() => page.locator('[data-called]').textContent(), { timeout: 15_000 }).toBe('Arandı: 1 / 3');
    expect(await page.locator('[data-counts="outcome"] dt').allTextContents()).toEqual(['Satış yapıldı']);
    expect(await page.locator('[data-counts="outcome"] [data-key="sale"]').textContent()).toBe('1');
    await check(page, 'marketer-call-list');
    const progress = await call<{ total: number; states: Record<string, number>; outcomes: Record<string, number> }>(
      'GET',
      `/call-lists/${listId}`,
      staff(),
    );
    expect(progress.body).toMatchObject({ total: 3, states: { open: 2, claimed: 0, done: 1 }, outcomes: { sale: 1 } });

    // A run another session starts through the API (a key, not her sign-in) is listed beside hers.
    // Answered at once, counting its segment in the background.
    const started = await call<{ runId: string; status: string }>('POST', '/letter-runs', staff(), {
      kind: 'labels',
      segmentId: segment.segmentId,
      purpose: 'transactional',
    });
    expect(started.status, started.text).toBe(202);
    expect(started.body.status).toBe('counting');
    const elsewhere = started.body;

    // Back on her page: the runs and the list, newest first, as the API lists them.
    await home();
    const newest = page.locator('#runs [data-letter-run]').first();
    await newest.waitFor();
    expect(await newest.getAttribute('data-letter-run')).toBe(elsewhere.runId);
    // its status in words, whichever it has reached meanwhile (counting, then printing, then done)
    const words: Record<string, string> = { counting: 'Alıcılar sayılıyor', printing: 'Basılıyor', done: 'Tamamlandı' };
    const shown = newest.locator('[data-status]');
    const status = (await shown.getAttribute('data-status'))!;
    expect(Object.keys(words)).toContain(status);
    expect(await shown.textContent()).toBe(words[status]);
    await page.locator(`[data-letter-run="${ids.runId}"]`).waitFor();
    await page.locator(`[data-call-list="${listId}"]`).waitFor();
    expect(await page.locator(`[data-call-list="${listId}"]`).textContent()).toContain('1 / 3');
    await settled(page);

    const cancelled = await call('POST', `/campaigns/${campaign.campaignId}/cancel`, staff(), {
      seq: campaign.seq,
    });
    expect(cancelled.status, cancelled.text).toBe(200);
  });
});
