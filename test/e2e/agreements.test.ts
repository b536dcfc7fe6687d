// Sales agreements on the local stack over HTTP, with the one clock moved across a simulated quarter:
// a framework agreement sent as a PDF and accepted through its signed link (who, when, from where
// kept), an order priced from it, a monthly periodic order placed once a month, the owner's renewal
// reminder on the right working day (once); then a customer who orders about monthly by themselves
// misses an order, and their owner gets one to-do.
import { afterAll, describe, expect, inject, it } from 'vitest';
import { api, localControlHeaders, mailTo, settle } from '../support/e2e.js';
import { call, fireSchedule, newCustomer, staffMail } from '../support/quotes.js';

const rep = () => inject('quoteKeys').repAyse;
const sweep = 'agreements.sweep-agreements';
const notice = 'agreements.notice-missed-orders';

const setClock = async (at?: string) => {
  const response = await fetch(`${api()}/_local/clock${at ? `?at=${encodeURIComponent(at)}` : ''}`, {
    method: at ? 'POST' : 'DELETE',
    headers: localControlHeaders,
  });
  expect(response.ok).toBe(true);
};

afterAll(() => setClock());

interface AgreementView {
  agreementId: string;
  status: string;
  seq: number;
  number: string;
  acceptance?: { name: string; ip: string; userAgent: string; at: string };
  volume: { sku?: string; quantity: number; ordered: number; remaining: number }[];
  placedPeriods: { period: string; orderId: string }[];
  upcomingPeriods: { period: string; dueOn: string; skipped: boolean }[];
  renewalReminderOn: string;
}

const read = async (agreementId: string) => {
  const got = await call<AgreementView>('GET', `/agreements/${agreementId}`, rep());
  expect(got.status, got.text).toBe(200);
  return got.body;
};

describe('a framework agreement', () => {
  it('is accepted by link, prices an order, orders monthly once, and reminds its owner on the right working day', async () => {
    await setClock('2027-03-01T07:00:00Z');
    const customer = await newCustomer('agreement');
    const path = `/customers/${customer.customerId}/agreements`;
    const body = {
      kind: 'framework',
      title: 'Forklift çerçeve satış sözleşmesi 2027',
      terms: 'Teslim Kocaeli deposuna; ödeme 30 gün.',
      validFrom: '2027-03-01',
      validUntil: '2027-05-31',
      currency: 'TRY',
      prices: [
        { sku: 'FL-25E', unitPrice: 80_000_000 },
        { sku: 'FL-30D', unitPrice: 2_000_000, currency: 'EUR' },
      ],
      commitments: [{ sku: 'FL-25E', quantity: 10 }],
      reminderWorkingDays: 5,
      schedule: { dayOfMonth: 5, startsOn: '2027-03-05', lines: [{ sku: 'FL-25E', quantity: 1 }] },
    };
    const backwards = await call<{ code: string; errors: { path: string }[] }>('POST', path, rep(), {
      ...body,
      validUntil: '2027-02-28',
    });
    expect([backwards.status, backwards.body.code, backwards.body.errors?.[0]?.path]).toEqual([
      422,
      'agreement-ends-before-start',
      'validUntil',
    ]);

    const created = await call<AgreementView>('POST', path, rep(), body);
    expect([created.status, created.body.status], created.text).toEqual([201, 'draft']);
    const id = created.body.agreementId;
    expect((await read(id)).upcomingPeriods.map((p) => p.period)).toEqual(['2027-03', '2027-04', '2027-05']);
    const pdf = await fetch(`${api()}/agreements/${id}/pdf`, { headers: { authorization: `Bearer ${rep()}` } });
    expect([pdf.status, pdf.headers.get('content-type')]).toEqual([200, 'application/pdf']);
    expect(
      Buffer.from(await pdf.arrayBuffer())
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    // Sent: the customer's mail carries the PDF and the signed link.
    const sent = await call<AgreementView>('POST', `/agreements/${id}/send`, rep(), { seq: 1 });
    expect([sent.status, sent.body.status], sent.text).toEqual([200, 'sent']);
    const offer = (await mailTo(customer.email)).find((m) => m.subject.includes('onayınıza sunulur'));
    expect((offer as { attachments?: { contentType: string }[] } | undefined)?.attachments?.[0]).toMatchObject({
      contentType: 'application/pdf',
    });
    const link = offer!.body.text!.match(/https?:\/\/\S+\/agreement-links\/accept\?token=\S+/)![0];
    const token = new URL(link).searchParams.get('token')!;
    const shown = await fetch(`${api()}/agreement-links/accept?token=${encodeURIComponent(token)}`);
    expect(shown.status).toBe(200);
    expect(await shown.text()).toContain('Forklift çerçeve satış sözleşmesi 2027');
    const post = (fields: Record<string, string>) =>
      fetch(`${api()}/agreement-links/accept`, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', 'user-agent': 'Deneme-Tarayici/1.0' },
        body: new URLSearchParams({ token, ...fields }).toString(),
      });
    expect((await post({ name: ' ' })).status).toBe(422);
    expect((await read(id)).status).toBe('sent');
    expect((await post({ name: 'Deniz Deneme' })).status).toBe(200);
    expect((await post({ name: 'Deniz Deneme' })).status).toBe(409);
    const accepted = await read(id);
    expect(accepted).toMatchObject({
      status: 'accepted',
      acceptance: { name: 'Deniz Deneme', userAgent: 'Deneme-Tarayici/1.0', at: expect.stringMatching(/^2027-03-01T/) },
    });
    expect(accepted.acceptance?.ip).toBeTruthy();

    // An order under it takes its price; an agreed price in another currency is refused, naming the field.
    const orders = `/agreements/${id}/orders`;
    const foreign = await call<{ errors: { path: string }[] }>('POST', orders, rep(), {
      currency: 'TRY',
      lines: [{ sku: 'FL-30D', quantity: 1 }],
    });
    expect([foreign.status, foreign.body.errors?.[0]?.path]).toEqual([422, 'currency']);
    const ordered = await call<{
      orderId: string;
      lines: { unitPrice: { amount: number } }[];
      grandTotal: { amount: number };
    }>('POST', orders, rep(), { currency: 'TRY', lines: [{ sku: 'FL-25E', quantity: 2 }] });
    expect([ordered.status, ordered.body.lines?.[0]?.unitPrice.amount, ordered.body.grandTotal?.amount]).toEqual([
      201, 80_000_000, 160_000_000,
    ]);
    await settle();

    // A quarter of mornings: the month's order on the 5th, once however often the sweep runs.
    for (const day of [
      '2027-03-04',
      '2027-03-05',
      '2027-03-05',
      '2027-03-06',
      '2027-04-05',
      '2027-05-05',
      '2027-05-06',
    ]) {
      await fireSchedule(sweep, new Date(`${day}T03:00:00Z`));
    }
    const quarter = await read(id);
    expect(quarter.placedPeriods.map((p) => p.period)).toEqual(['2027-03', '2027-04', '2027-05']);
    expect(new Set(quarter.placedPeriods.map((p) => p.orderId)).size).toBe(3);
    expect(quarter.volume).toEqual([{ sku: 'FL-25E', quantity: 10, ordered: 5, remaining: 5 }]);

    // Ends Monday 31 May: five working days before is Monday 24 May (the weekend skipped).
    expect(quarter.renewalReminderOn).toBe('2027-05-24');
    const reminders = async () =>
      (await mailTo(staffMail['rep-ayse'])).filter((m) => m.subject.startsWith(`Yenileme zamanı: ${quarter.number}`));
    await fireSchedule(sweep, new Date('2027-05-21T03:00:00Z'));
    expect(await reminders()).toHaveLength(0);
    await fireSchedule(sweep, new Date('2027-05-24T03:00:00Z'));
    await fireSchedule(sweep, new Date('2027-05-25T03:00:00Z'));
    expect(await reminders()).toHaveLength(1);
  });
});

describe('a regular customer', () => {
  it('misses an expected order, and the owner gets one to-do', async () => {
    await setClock('2027-01-10T08:00:00Z');
    const customer = await newCustomer('regular');
    const shop = inject('orderKeys').shop;
    for (const day of ['2027-01-10', '2027-02-09', '2027-03-12', '2027-04-10']) {
      await setClock(`${day}T08:00:00Z`);
      const placed = await call(
        'POST',
        '/orders',
        shop,
        {
          customer: { name: customer.name, email: customer.email, language: 'tr' },
          lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
          delivery: { address: 'Deneme Sokak 5', city: 'Kocaeli' },
          channel: 'web-shop',
        },
        { 'idempotency-key': `regular-${customer.customerId}-${day}` },
      );
      expect(placed.status, placed.text).toBe(201);
    }
    await settle();
    const todos = async () => {
      const timeline = await call<{ activities: { kind: string; subject?: string; assigneeId?: string }[] }>(
        'GET',
        `/customers/${customer.customerId}/activities`,
        inject('activityKeys').repAyse,
      );
      expect(timeline.status, timeline.text).toBe(200);
      return timeline.body.activities.filter((a) => a.kind === 'todo' && a.subject?.includes('Beklenen sipariş'));
    };
    // Expected 10 May, with eight days' grace: nothing on the 18th, one to-do from the 19th on.
    await fireSchedule(notice, new Date('2027-05-18T03:00:00Z'));
    expect(await todos()).toHaveLength(0);
    await fireSchedule(notice, new Date('2027-05-19T03:00:00Z'));
    await fireSchedule(notice, new Date('2027-05-20T03:00:00Z'));
    const raised = await todos();
    expect(raised).toHaveLength(1);
    expect(raised[0]).toMatchObject({ assigneeId: 'rep-ayse' });
  });
});
