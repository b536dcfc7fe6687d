// Loyalty over HTTP on the local stack, one member's story: a web-shop order delivered by its dealer
// earns points (net of KDV); crossing the threshold makes one reward, mailed once with its code; two
// tills redeem it at once and one gets a 409. Then a coupon campaign to a segment: its member's code
// validated against a basket (refused below the minimum, naming the field), redeemed once, and
// counted in the campaign's report; the ledger reconciles and the reports show the liability.
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { mailTo, settle, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';

const k = () => inject('loyaltyKeys');
const orders = () => inject('orderKeys');
const idem = () => ({ 'idempotency-key': `loyalty-${Math.random().toString(36).slice(2)}` });

interface MemberView {
  account: { balance: number; rewardsIssued: number; lots: { expiresOn: string; points: number }[] } | null;
  entries: { kind: string; points: number }[];
  coupons: { code: string; kind: string; status: string; benefit: { kind: string; amount?: number } }[];
}

const shopOrder = async (city: string, unitPrice: number, person = uniquePerson('loyalty')) => {
  const reply = await call<{ orderId: string; customerId: string }>(
    'POST',
    '/orders',
    orders().shop,
    {
      customer: { name: person.name, email: person.email, phone: person.localPhone, language: 'tr' },
      lines: [{ sku: 'FL-25E', quantity: 1, unitPrice, currency: 'TRY' }],
      delivery: { address: 'Deneme Sokak 5', city },
      channel: 'web-shop',
    },
    idem(),
  );
  expect(reply.status, reply.text).toBe(201);
  return { ...reply.body, person };
};

let rulesBefore: Record<string, unknown> & { seq: number };

beforeAll(async () => {
  const rules = await call<Record<string, unknown> & { seq: number }>('GET', '/loyalty/rules', k().admin);
  expect(rules.status).toBe(200);
  rulesBefore = rules.body;
  const { seq, updatedAt: _, updatedBy: __, ...current } = rules.body;
  const saved = await call('PUT', '/loyalty/rules', k().admin, {
    ...current,
    pointsPerTry: 1,
    defaultKdvBp: 2000,
    capPerOrder: 100_000,
    reward: { thresholdPoints: 1000, valueMinor: 10_000, validDays: 30 },
    seq,
  });
  expect(saved.status, saved.text).toBe(200);
  const stale = await call<{ code: string }>('PUT', '/loyalty/rules', k().admin, { ...current, seq });
  expect([stale.status, stale.body.code]).toEqual([409, 'loyalty-rules-changed']);
});

afterAll(async () => {
  const now = await call<{ seq: number }>('GET', '/loyalty/rules', k().admin);
  const { seq: _, updatedAt: __, updatedBy: ___, ...rules } = rulesBefore;
  await call('PUT', '/loyalty/rules', k().admin, { ...rules, seq: now.body.seq });
});

describe('a member’s points', () => {
  it('earns on delivery, turns the threshold into one mailed reward, and one of two tills redeems it', async () => {
    // 1,440 TRY with KDV = 1,200 TRY net → 1,200 points → one 100 TRY reward, 200 points left
    const { orderId, customerId, person } = await shopOrder('Ankara', 144_000);
    await settle();
    for (const status of ['acknowledged', 'in_progress', 'shipped', 'delivered']) {
      const moved = await call('POST', `/orders/${orderId}/status`, orders().dealerAnkara, { status }, idem());
      expect(moved.status, moved.text).toBe(200);
    }
    await settle();
    const member = await call<MemberView>('GET', `/customers/${customerId}/loyalty`, k().agent);
    expect(member.status, member.text).toBe(200);
    expect(member.body.account).toMatchObject({ balance: 200, rewardsIssued: 1 });
    expect(member.body.entries.map((e) => [e.kind, e.points]).sort()).toEqual([
      ['earn', 1200],
      ['reward', -1000],
    ]);
    const reward = member.body.coupons.find((c) => c.kind === 'reward');
    expect(reward).toMatchObject({ status: 'issued', benefit: { kind: 'amount', amount: 10_000 } });
    const mails = (await mailTo(person.email)).filter((m) => m.subject === 'Alışveriş ödülünüz hazır');
    expect(mails).toHaveLength(1);
    expect(mails[0]!.body.text).toContain(reward!.code);

    const basket = { currency: 'TRY', lines: [{ sku: 'FL-25E', amount: 50_000 }] };
    const tills = await Promise.all(
      [k().till1, k().till2].map((till, i) =>
        call<{ code?: string; discount?: { amount: number } }>(
          'POST',
          `/coupons/${reward!.code}/redeem`,
          till,
          { orderRef: `fis-${i}`, basket },
          idem(),
        ),
      ),
    );
    expect(tills.map((t) => t.status).sort()).toEqual([201, 409]);
    const lost = tills.find((t) => t.status === 409)!;
    expect(lost.body.code).toBe('coupon-already-redeemed');
    expect(lost.type).toContain('application/problem+json');
    expect(tills.find((t) => t.status === 201)!.body.discount).toEqual({ amount: 10_000, currency: 'TRY' });

    const tooMany = await call<{ code: string; errors: { path: string }[] }>(
      'POST',
      `/customers/${customerId}/loyalty/redemptions`,
      k().till1,
      { points: 201, orderRef: 'fis-9' },
      idem(),
    );
    expect([tooMany.status, tooMany.body.code, tooMany.body.errors[0]?.path]).toEqual([
      422,
      'not-enough-points',
      'points',
    ]);
    const headers = idem();
    const spent = await Promise.all(
      [1, 2].map(() =>
        call<{ balance: number }>(
          'POST',
          `/customers/${customerId}/loyalty/redemptions`,
          k().till1,
          { points: 200, orderRef: 'fis-10' },
          headers,
        ),
      ),
    );
    expect(spent.map((s) => [s.status, s.body.balance])).toEqual([
      [201, 0],
      [201, 0],
    ]);
  });
});

describe('a coupon campaign', () => {
  it('issues a code to a segment’s member, validates and redeems it once, and reports it', async () => {
    const city = `Kuponköy ${Math.random().toString(36).slice(2, 8)}`;
    const { customerId } = await shopOrder(city, 10_000);
    const segment = await call<{ segmentId: string }>('POST', '/segments', k().marketer, {
      name: 'Kupon şehri',
      filter: { cities: [city] },
      consent: { channel: 'email', topic: 'campaigns' },
    });
    expect(segment.status, segment.text).toBe(201);
    const created = await call<{ campaignId: string; issued: number }>(
      'POST',
      '/loyalty/coupon-campaigns',
      k().marketer,
      {
        name: 'Yeni yıl',
        segmentId: segment.body.segmentId,
        benefit: { kind: 'percent', bp: 1000 },
        minimumBasket: 20_000,
        validFrom: '2026-01-01',
        validTo: '2099-12-31',
      },
    );
    expect([created.status, created.body.issued], created.text).toEqual([201, 1]);
    const member = await call<MemberView>('GET', `/customers/${customerId}/loyalty`, k().agent);
    const code = member.body.coupons.find((c) => c.kind === 'campaign')!.code;
    expect(code).toMatch(/^[A-HJKMNP-Z2-9]{10}$/);

    const small = await call<{ code: string; errors: { path: string }[] }>(
      'POST',
      `/coupons/${code}/validate`,
      k().till1,
      {
        basket: { currency: 'TRY', lines: [{ amount: 19_999 }] },
      },
    );
    expect([small.status, small.body.code, small.body.errors[0]?.path]).toEqual([
      422,
      'coupon-not-applicable',
      'basket.lines',
    ]);
    const basket = { currency: 'TRY', lines: [{ amount: 30_000 }] };
    const valid = await call<{ discount: { amount: number } }>('POST', `/coupons/${code}/validate`, k().till1, {
      basket,
    });
    expect([valid.status, valid.body.discount.amount]).toEqual([200, 3_000]);
    const redeemed = await call('POST', `/coupons/${code}/redeem`, k().till1, { orderRef: 'web-5', basket }, idem());
    expect(redeemed.status, redeemed.text).toBe(201);
    const again = await call<{ code: string }>(
      'POST',
      `/coupons/${code}/redeem`,
      k().till2,
      { orderRef: 'web-6', basket },
      idem(),
    );
    expect([again.status, again.body.code]).toEqual([409, 'coupon-already-redeemed']);
    const unknown = await call('POST', '/coupons/AAAAAAAAAA/validate', k().till1, { basket });
    expect(unknown.status).toBe(404);

    const report = await call('GET', `/loyalty/coupon-campaigns/${created.body.campaignId}`, k().marketer);
    expect(report.body).toMatchObject({ issued: 1, redeemed: 1, revenue: 30_000, discountGiven: 3_000 });
    const figures = await call<{ liability: { points: number; value: { amount: number } } }>(
      'GET',
      '/loyalty/reports',
      k().marketer,
    );
    expect(figures.status).toBe(200);
    expect(figures.body.liability.value.amount).toBe(figures.body.liability.points * 10);
  });
});
