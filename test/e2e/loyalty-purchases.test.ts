// Coupons by what people buy, on the local stack: members who bought category A and never B are
// found by a segment (previewed by count), a coupon campaign to it tells each one their own code —
// by mail, or by text to the member who prefers SMS — and issuing it again sends nothing new; the
// monthly statement reaches the SMS member by text, once. Purchase figures and the ledger account
// are seeded as the order events leave them (their update is proven in test/integration).
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { purchaseFigures } from '../../functions/analytics/value-store.js';
import { channelsKeys } from '../../functions/channels/keys.js';
import { accounts } from '../../functions/loyalty/ledger.js';
import { customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { mailTo, settle } from '../support/e2e.js';
import { call, fireSchedule } from '../support/quotes.js';
import { consentItem, smsConsentItem } from '../support/subscriptions.js';
import { documents } from '../support/subscriptions-e2e.js';

const k = () => inject('loyaltyKeys');
const put = (Item: Record<string, unknown>) => documents().send(new PutCommand({ TableName: 'pusula', Item }));
const texts = async () =>
  ((await (await fetch(`${inject('sms')}/store`)).json()) as { messages: { to: string; body: string }[] }).messages;
const textsTo = async (phone: string) => (await texts()).filter((t) => t.to === phone);

const run = newId().slice(-6).toLowerCase();
const A = `bahce-${run}`;
const B = `hirdavat-${run}`;
const year = String(new Date().getUTCFullYear());

/** An invented member with mail consent, and with a number, SMS consent and an SMS preference when asked. */
const member = async (i: number, bought: string[], sms = false) => {
  const customerId = newId();
  const email = `uye-${i}-${customerId.toLowerCase()}@example.com`;
  const phone = sms ? `+90555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}` : undefined;
  const at = new Date().toISOString();
  await put(
    customers.item({
      customerId,
      name: `Deneme Üye ${i}`,
      email,
      ...(phone ? { phone } : {}),
      language: 'tr',
      createdAt: at,
      updatedAt: at,
    }),
  );
  await put(consentItem(customerId, email, 'granted'));
  if (phone) {
    await put({ ...keys.phoneMarker(phone), type: 'phone-marker', customerId });
    await put(smsConsentItem(customerId, phone, at));
    await put({
      ...channelsKeys.channelPreference(customerId),
      type: 'channel-preference',
      customerId,
      channel: 'sms',
      seq: 1,
      via: 'staff',
      setBy: 'test',
      updatedAt: at,
    });
  }
  const month = String(new Date().getUTCMonth() + 1).padStart(2, '0');
  const categories = Object.fromEntries(bought.map((c) => [c, { [month]: { orders: 2, amountTry: 50_000 } }]));
  await put(purchaseFigures.item({ customerId, year, categories, seq: 1 }));
  await put(
    accounts.item({
      customerId,
      status: 'active',
      seq: 1,
      balance: 700,
      lots: { '2099-12-31': 700 },
      owed: 0,
      months: {},
      rewardsIssued: 0,
      createdAt: at,
      updatedAt: at,
    }),
  );
  return { customerId, email, phone };
};

describe('coupons by purchase habit', () => {
  it('finds A-not-B buyers, tells each their code once by their channel, and texts the SMS member’s statement', async () => {
    const [byMail, byText, both] = await Promise.all([member(1, [A]), member(2, [A], true), member(3, [A, B])]);
    const period = { from: `${year}-01`, to: `${year}-12` };
    const filter = {
      purchases: [
        { kind: 'bought', category: A, ...period, minOrders: 2 },
        { kind: 'not-bought', category: B, ...period },
      ],
    };
    const bad = await call<{ code: string; errors: { path: string }[] }>('POST', '/segments/preview', k().marketer, {
      filter: { purchases: [{ ...filter.purchases[0], from: `${year}-13` }] },
    });
    expect([bad.status, bad.body.errors?.[0]?.path]).toEqual([400, 'filter.purchases.0.from']);
    const preview = await call<{ count: number }>('POST', '/segments/preview', k().marketer, { filter });
    expect([preview.status, preview.body.count], preview.text).toEqual([200, 2]);
    const segment = await call<{ segmentId: string }>('POST', '/segments', k().marketer, {
      name: `A alıp B almayanlar ${run}`,
      filter,
      consent: { channel: 'email', topic: 'campaigns' },
    });
    expect(segment.status, segment.text).toBe(201);

    const created = await call<{ campaignId: string; issued: number; delivery: Record<string, number> }>(
      'POST',
      '/loyalty/coupon-campaigns',
      k().marketer,
      {
        name: `Bahçe kuponu ${run}`,
        segmentId: segment.body.segmentId,
        benefit: { kind: 'amount', amount: 5_000 },
        validFrom: '2026-01-01',
        validTo: '2099-12-31',
      },
    );
    expect([created.status, created.body.issued], created.text).toEqual([201, 2]);
    expect(created.body.delivery).toEqual({ sent: 2, notSent: 0, already: 0, waiting: 0 });
    await settle();
    const codeOf = async (customerId: string) =>
      (
        await call<{ coupons: { code: string; kind: string }[] }>('GET', `/customers/${customerId}/loyalty`, k().agent)
      ).body.coupons.find((c) => c.kind === 'campaign')?.code;
    const mailed = (await mailTo(byMail.email)).filter((m) => m.subject === 'Size özel indirim kuponunuz');
    expect(mailed).toHaveLength(1);
    expect(mailed[0]!.body.text).toContain((await codeOf(byMail.customerId))!);
    const texted = await textsTo(byText.phone!);
    expect(texted).toHaveLength(1);
    expect(texted[0]!.body).toContain((await codeOf(byText.customerId))!);
    expect(await mailTo(byText.email)).toEqual([]);
    expect(await codeOf(both.customerId)).toBeUndefined();
    expect(await mailTo(both.email)).toEqual([]);

    const again = await call<{ issued: number; sent: number; delivery: Record<string, number> }>(
      'POST',
      `/loyalty/coupon-campaigns/${created.body.campaignId}/issue`,
      k().marketer,
    );
    expect([again.status, again.body.issued, again.body.sent], again.text).toEqual([200, 2, 2]);
    expect(again.body.delivery).toEqual({ sent: 0, notSent: 0, already: 2, waiting: 0 });
    await settle();
    expect(await mailTo(byMail.email)).toHaveLength(1);
    expect(await textsTo(byText.phone!)).toHaveLength(1);

    await fireSchedule('loyalty.mail-statements');
    await fireSchedule('loyalty.mail-statements');
    const statements = (await textsTo(byText.phone!)).filter((t) => t.body.includes('puan özetiniz'));
    expect(statements).toHaveLength(1);
    expect(statements[0]!.body).toContain('Bakiye: 700 puan');
    expect((await mailTo(byText.email)).filter((m) => m.subject.startsWith('Puan özetiniz'))).toEqual([]);
    expect((await mailTo(byMail.email)).filter((m) => m.subject.startsWith('Puan özetiniz'))).toHaveLength(1);
  });
});
