// Loyalty against DynamoDB Local: an order's points posted once under 20 redeliveries and taken back
// once on return, however the events interleave; the threshold giving exactly one reward (mailed
// once); two tills redeeming one coupon at once; points spent once per Idempotency-Key; lapsing,
// statements once per period, a coupon campaign to a segment, and the ledger reconciling after all of it.

import { GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createSegment } from '../../functions/campaigns/segments.js';
import type { EventDetail } from '../../functions/event-table.js';
import {
  createCampaign,
  getCoupon,
  memberCoupons,
  redeemCoupon,
  validateCoupon,
} from '../../functions/loyalty/coupon-store.js';
import { defaultLoyaltyRules } from '../../functions/loyalty/domain/rules.js';
import { expireAll, loyaltyReport, mailReward, mailStatements, reconcile } from '../../functions/loyalty/jobs.js';
import { loyaltyKeys } from '../../functions/loyalty/keys.js';
import {
  accounts,
  entriesOf,
  expirePoints,
  getAccount,
  getLoyaltyRules,
  postOrderPoints,
  redeemPoints,
  reverseOrder,
  setLoyaltyRules,
} from '../../functions/loyalty/ledger.js';
import { type Order, orders } from '../../functions/order-routing/order-store.js';
import { customers } from '../../shared/customer.js';
import { db, tableName, transact } from '../../shared/db.js';
import { once } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { money } from '../../shared/money.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { itemBytes } from '../support/item-size.js';
import { scanAll } from '../support/scan.js';
import { startSesStandIn } from '../support/ses-stand-in.js';

let ses: Awaited<ReturnType<typeof startSesStandIn>>;
beforeAll(async () => {
  ses = await startSesStandIn();
  const current = await getLoyaltyRules();
  // 1 point per TRY net, 1,000 points → a 100 TRY reward; white goods earn double.
  await setLoyaltyRules(
    { ...defaultLoyaltyRules, categoryMultipliersBp: { 'beyaz-esya': 20_000 }, capPerOrder: 50_000 },
    current.seq,
    'test-admin',
  );
});
afterAll(() => ses.close());
beforeEach(() => ses.reset());

const member = async (tags: string[] = []) => {
  const customerId = newId();
  const at = '2026-01-01T00:00:00.000Z';
  const email = `uye-${customerId.toLowerCase()}@example.com`;
  await transact(
    customers.createItems({
      customerId,
      name: 'Deniz Örnek',
      email,
      language: 'tr',
      tags,
      createdAt: at,
      updatedAt: at,
    }),
  );
  return { customerId, email };
};

/** A delivered shop order of KDV-inclusive lines (20% KDV). */
const order = async (
  customerId: string,
  lines: { gross: number; category?: string }[],
  status: Order['status'] = 'delivered',
) => {
  const orderId = newId();
  const at = '2026-12-01T10:00:00.000Z';
  const value: Order = {
    orderId,
    customerId,
    status,
    seq: 5,
    channel: 'web-shop',
    ownerId: 'shop-web',
    currency: 'TRY',
    language: 'tr',
    lines: lines.map((l, i) => ({
      sku: `SKU-${i}`,
      quantity: 1,
      unitPrice: money(l.gross, 'TRY'),
      total: money(l.gross, 'TRY'),
      category: l.category,
    })),
    totals: {
      grandTotal: money(
        lines.reduce((s, l) => s + l.gross, 0),
        'TRY',
      ),
    },
    createdAt: at,
    updatedAt: at,
  };
  expect((await transact(orders.createItems(value))).ok).toBe(true);
  return orderId;
};

const changed = (customerId: string, orderId: string, from: string, to: string) =>
  ({
    eventId: newId(),
    occurredAt: new Date().toISOString(),
    version: 1,
    orderId,
    customerId,
    from,
    to,
    actorId: 'dealer-ankara',
    via: 'api',
  }) as EventDetail<'OrderStatusChanged'>;

const setStatus = (customerId: string, orderId: string, status: string) =>
  db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: { pk: `CUSTOMER#${customerId}`, sk: `ORDER#${orderId}` },
      UpdateExpression: 'SET #s = :s',
      ExpressionAttributeNames: { '#s': 'status' },
      ExpressionAttributeValues: { ':s': status },
    }),
  );

const monthOf = async (customerId: string, month: string) =>
  (await db().send(new GetCommand({ TableName: tableName(), Key: loyaltyKeys.month(customerId, month) }))).Item;

const rewardEvents = async (customerId: string) =>
  (
    await scanAll({
      FilterExpression: 'detailType = :t AND detail.customerId = :c',
      ExpressionAttributeValues: { ':t': 'LoyaltyRewardIssued', ':c': customerId },
    })
  ).map((item) => item.detail as EventDetail<'LoyaltyRewardIssued'>);

describe('posting an order’s points', () => {
  it('posts once under 20 redeliveries and takes back once under 20 more', async () => {
    const { customerId } = await member();
    // 600 TRY gross = 500 net → 500 points; a 240 TRY white-goods line = 200 net ×2 → 400: 900 in all
    const orderId = await order(customerId, [{ gross: 60_000 }, { gross: 24_000, category: 'beyaz-esya' }]);
    const delivered = changed(customerId, orderId, 'shipped', 'delivered');
    const outcomes = await Promise.all(Array.from({ length: 20 }, () => postOrderPoints(delivered)));
    expect(outcomes.filter((o) => o.outcome === 'earned')).toEqual([{ outcome: 'earned', points: 900 }]);
    expect(outcomes.filter((o) => o.outcome === 'already')).toHaveLength(19);
    expect((await getAccount(customerId))?.balance).toBe(900);
    expect((await entriesOf(customerId)).map((e) => [e.kind, e.points])).toEqual([['earn', 900]]);

    await setStatus(customerId, orderId, 'returned');
    const returned = changed(customerId, orderId, 'delivered', 'returned');
    const reversals = await Promise.all(Array.from({ length: 20 }, () => postOrderPoints(returned)));
    expect(reversals.filter((o) => o.outcome === 'reversed')).toEqual([{ outcome: 'reversed', points: 900 }]);
    expect(reversals.filter((o) => o.outcome === 'already')).toHaveLength(19);
    const account = await getAccount(customerId);
    expect(account?.balance).toBe(0);
    expect(account?.lots).toEqual({});
    expect((await entriesOf(customerId)).map((e) => e.points).sort()).toEqual([-900, 900]);
    // a delivery event arriving again after the return earns nothing
    expect(await postOrderPoints(delivered)).toEqual({ outcome: 'ignored', why: 'order returned' });
    expect((await getAccount(customerId))?.balance).toBe(0);
  });

  it('lets a return that overtakes the delivery stop the late earning', async () => {
    const { customerId } = await member();
    const orderId = await order(customerId, [{ gross: 12_000 }]);
    expect(await reverseOrder(customerId, orderId)).toEqual({ outcome: 'reversed', points: 0 });
    // the order still reads delivered (the event raced the read): the reversal's entry guards it
    expect(await postOrderPoints(changed(customerId, orderId, 'shipped', 'delivered'))).toMatchObject({
      outcome: 'ignored',
    });
    expect(await getAccount(customerId)).toBeUndefined();
  });

  it('ignores statuses the rules do not post on, and earns nothing for a cancelled order', async () => {
    const { customerId } = await member();
    const orderId = await order(customerId, [{ gross: 12_000 }], 'shipped');
    expect(await postOrderPoints(changed(customerId, orderId, 'in_progress', 'shipped'))).toEqual({
      outcome: 'ignored',
      why: 'status shipped',
    });
    expect(await postOrderPoints(changed(customerId, orderId, 'in_progress', 'cancelled'))).toEqual({
      outcome: 'reversed',
      points: 0,
    });
    expect(await getAccount(customerId)).toBeUndefined();
  });
});

describe('rewards and redemptions', () => {
  it('turns the threshold into exactly one reward, mailed once, and two tills redeeming it: one wins', async () => {
    const { customerId, email } = await member();
    // 600 + 480 points delivered at once: 1,080 → one reward of 1,000 points, 80 left
    const first = await order(customerId, [{ gross: 72_000 }]);
    const second = await order(customerId, [{ gross: 57_600 }]);
    const results = await Promise.all([
      ...Array.from({ length: 5 }, () => postOrderPoints(changed(customerId, first, 'shipped', 'delivered'))),
      ...Array.from({ length: 5 }, () => postOrderPoints(changed(customerId, second, 'shipped', 'delivered'))),
    ]);
    expect(results.filter((r) => r.outcome === 'earned')).toHaveLength(2);
    const account = await getAccount(customerId);
    expect(account).toMatchObject({ balance: 80, rewardsIssued: 1 });
    const events = await rewardEvents(customerId);
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({ points: 1000, value: 10_000, currency: 'TRY' });
    const coupons = await memberCoupons(customerId);
    expect(coupons).toHaveLength(1);
    expect(coupons[0]).toMatchObject({ kind: 'reward', status: 'issued', benefit: { kind: 'amount', amount: 10_000 } });

    const mailed = await Promise.all([mailReward(events[0]!), mailReward(events[0]!)].map((p) => p.catch((e) => e)));
    expect(ses.raw).toHaveLength(1);
    expect(ses.raw[0]).toContain(email);
    expect(ses.raw[0]).toContain(coupons[0]!.code);
    expect(mailed.filter((m) => m.first === true)).toHaveLength(1);

    const code = coupons[0]!.code;
    const basket = { currency: 'TRY' as const, lines: [{ sku: 'SKU-1', amount: 25_000 }] };
    expect(await validateCoupon(code.toLowerCase(), basket)).toMatchObject({ discount: { amount: 10_000 } });
    const tills = await Promise.allSettled(
      ['till-1', 'till-2'].map((till) =>
        once({ route: 'POST /coupons/{code}/redeem', caller: till, key: `k-${code}`, request: { code } }, (record) =>
          redeemCoupon(code, { orderRef: `fis-${till}`, basket }, till, record),
        ),
      ),
    );
    const won = tills.filter((t) => t.status === 'fulfilled');
    const lost = tills.filter((t): t is PromiseRejectedResult => t.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0]!.reason).toBeInstanceOf(ConflictError);
    expect(lost[0]!.reason.code).toBe('coupon-already-redeemed');
    expect(await getCoupon(code)).toMatchObject({ status: 'redeemed', seq: 2, discount: 10_000 });
    // the winner's retry with its own key gets its answer again; anyone else a 409
    const winner = won[0] as PromiseFulfilledResult<{ orderRef: string }>;
    const till = winner.value.orderRef.slice(4);
    const again = await once(
      { route: 'POST /coupons/{code}/redeem', caller: till, key: `k-${code}`, request: { code } },
      (record) => redeemCoupon(code, { orderRef: `fis-${till}`, basket }, till, record),
    );
    expect(again).toEqual(winner.value);
    await expect(validateCoupon(code, basket)).rejects.toMatchObject({ status: 409, code: 'coupon-already-redeemed' });
  });

  it('spends points once per Idempotency-Key, nearest-expiring first, and refuses more than the balance', async () => {
    const { customerId } = await member();
    const orderId = await order(customerId, [{ gross: 60_000 }]);
    await postOrderPoints(changed(customerId, orderId, 'shipped', 'delivered'));
    const scope = { route: 'POST /customers/{customerId}/loyalty/redemptions', caller: 'pos-1', key: newId() };
    const request = { points: 200, orderRef: 'fis-77' };
    const [a, b] = await Promise.all(
      [1, 2].map(() => once({ ...scope, request }, (record) => redeemPoints(customerId, request, record))),
    );
    expect(a).toEqual(b);
    expect(a).toMatchObject({ points: 200, balance: 300, value: { amount: 2_000, currency: 'TRY' } });
    expect((await getAccount(customerId))?.balance).toBe(300);

    const refused = await once({ ...scope, key: newId(), request: { points: 301, orderRef: 'x' } }, (record) =>
      redeemPoints(customerId, { points: 301, orderRef: 'x' }, record),
    ).catch((e) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect(refused).toMatchObject({ status: 422, code: 'not-enough-points', errors: [{ path: 'points' }] });
    expect((await getAccount(customerId))?.balance).toBe(300);
    expect((await entriesOf(customerId)).filter((e) => e.kind === 'redeem')).toHaveLength(1);
  });
});

describe('the ledger over time', () => {
  it('lapses points once, mails one statement per period, and reconciles — then reports a tampered balance', async () => {
    const { customerId, email } = await member();
    const orderId = await order(customerId, [{ gross: 36_000 }]);
    // earned 2025-03-10: lapses after 2026-12-31
    await postOrderPoints(changed(customerId, orderId, 'shipped', 'delivered'), new Date('2025-03-10T09:00:00Z'));
    expect((await getAccount(customerId))?.lots).toEqual({ '2026-12-31': 300 });

    expect((await expireAll(new Date('2026-12-31T20:00:00Z'))).expired).toBe(0); // still 31 December in Istanbul
    const lapsed = new Date('2027-01-01T06:00:00Z');
    expect((await expireAll(lapsed)).expired).toBeGreaterThanOrEqual(300);
    expect(await expireAll(lapsed)).toEqual({ members: 0, expired: 0 });
    const account = await getAccount(customerId);
    expect(account).toMatchObject({ balance: 0, lots: {} });
    expect(account).not.toHaveProperty('months');
    expect(await monthOf(customerId, '2027-01')).toMatchObject({ earned: 0, spent: 0, expired: 300 });

    const statements = await Promise.all([
      mailStatements(new Date('2027-02-01T06:00:00Z')),
      mailStatements(new Date('2027-02-01T06:00:00Z')),
    ]);
    const mine = ses.raw.filter((raw) => raw.includes(email));
    expect(mine).toHaveLength(1);
    expect(mine[0]).toContain('2027-01');
    expect(statements[0]!.sent + statements[1]!.sent).toBeGreaterThanOrEqual(1);

    const clean = await reconcile();
    expect(clean.accounts).toBeGreaterThanOrEqual(1);
    expect(clean.differences).toEqual([]);
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: loyaltyKeys.account(customerId),
        UpdateExpression: 'SET balance = :b',
        ExpressionAttributeValues: { ':b': 5 },
      }),
    );
    const tampered = await reconcile();
    expect(tampered.differences).toEqual([{ customerId, balance: 5, entries: 0, lots: 0 }]);
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: loyaltyKeys.account(customerId),
        UpdateExpression: 'SET balance = :b',
        ExpressionAttributeValues: { ':b': 0 },
      }),
    );
    const report = await loyaltyReport();
    expect(report.months.find((m) => m.month === '2027-01')?.expired).toBeGreaterThanOrEqual(300);
    expect(report.liability.value.amount).toBe(report.liability.points * 10);
  });

  it('issues one single-use code per member of a segment, once, and counts redemptions and revenue', async () => {
    const tag = `kupon-${newId().toLowerCase()}`;
    const members = await Promise.all([member([tag]), member([tag]), member([tag])]);
    await member(); // not in the segment
    const segment = await createSegment(
      { name: 'Kupon testi', filter: { tags: [tag] }, consent: { channel: 'email', topic: 'campaigns' } },
      'test-marketer',
    );
    const campaign = await createCampaign(
      {
        name: 'TV indirimi',
        segmentId: segment.segmentId,
        benefit: { kind: 'percent', bp: 1_000 },
        categories: ['tv'],
        minimumBasket: 10_000,
        validFrom: '2026-01-01',
        validTo: '2099-12-31',
      },
      'test-marketer',
    );
    expect(campaign).toMatchObject({ status: 'issued', issued: 3, redeemed: 0 });
    const codes = (await Promise.all(members.map((m) => memberCoupons(m.customerId)))).map((c) => c.map((x) => x.code));
    expect(codes.map((c) => c.length)).toEqual([1, 1, 1]);
    expect(new Set(codes.flat()).size).toBe(3);
    const code = codes[0]![0]!;
    const basket = {
      currency: 'TRY' as const,
      lines: [
        { category: 'tv', amount: 40_000 },
        { category: 'gida', amount: 5_000 },
      ],
    };
    await expect(
      validateCoupon(code, { currency: 'TRY', lines: [{ category: 'tv', amount: 9_999 }] }),
    ).rejects.toMatchObject({ status: 422, code: 'coupon-not-applicable', errors: [{ path: 'basket.lines' }] });
    const redeemed = await once({ route: 'r', caller: 'shop', key: undefined, request: {} }, (record) =>
      redeemCoupon(code, { orderRef: 'web-1', basket }, 'shop', record),
    );
    expect(redeemed.discount).toEqual({ amount: 4_000, currency: 'TRY' });
    const { issueCoupons, getCampaign } = await import('../../functions/loyalty/coupon-store.js');
    expect(await issueCoupons(campaign.campaignId)).toMatchObject({ issued: 3 }); // a rerun issues nothing more
    expect(await getCampaign(campaign.campaignId)).toMatchObject({
      issued: 3,
      redeemed: 1,
      revenue: 45_000,
      discountGiven: 4_000,
    });
  });
});

describe('the account over the years', () => {
  it('stays under 1 KB after a posting a week for five years, its months in items of their own', async () => {
    const { customerId } = await member();
    const start = Date.UTC(2031, 0, 6, 9);
    let month = '';
    for (let week = 0; week < 260; week++) {
      const now = new Date(start + week * 7 * 86_400_000);
      const orderId = await order(customerId, [{ gross: 12_000 }]);
      // The lapse job on each month's first posting, as the monthly run would.
      if (now.toISOString().slice(0, 7) !== month) {
        month = now.toISOString().slice(0, 7);
        await expirePoints(customerId, now);
      }
      expect((await postOrderPoints(changed(customerId, orderId, 'shipped', 'delivered'), now)).outcome).toBe('earned');
    }
    const stored = await db().send(
      new GetCommand({ TableName: tableName(), Key: loyaltyKeys.account(customerId), ConsistentRead: true }),
    );
    const bytes = itemBytes(stored.Item);
    expect(bytes).toBeLessThan(1024);
    expect(stored.Item).not.toHaveProperty('months');

    // The month items add up to the entries: 100 points a week earned, the rest spent on rewards or lapsed.
    const entries = await entriesOf(customerId);
    const sum = (kinds: string[]) =>
      entries.filter((e) => kinds.includes(e.kind)).reduce((total, e) => total + Math.abs(e.points), 0);
    const report = await loyaltyReport();
    const rows = report.months.filter((m) => m.month >= '2031-01' && m.month <= '2035-12');
    expect(rows).toHaveLength(60);
    const total = (field: 'earned' | 'spent' | 'expired') => rows.reduce((t, row) => t + row[field], 0);
    expect(total('earned')).toBe(26_000);
    expect(total('spent')).toBe(sum(['reward', 'redeem']));
    expect(total('expired')).toBe(sum(['expire']));
    expect(total('earned') - total('spent') - total('expired')).toBe((await getAccount(customerId))?.balance);
    expect((await reconcile()).differences.filter((d) => d.customerId === customerId)).toEqual([]);
  }, 240_000);

  it('moves an older account’s month figures out at its next posting, the report’s figures unchanged', async () => {
    const { customerId } = await member();
    const year = 2600 + Math.floor(Math.random() * 300);
    const months = {
      [`${year}-01`]: { earned: 500, spent: 0, expired: 0 },
      [`${year}-02`]: { earned: 0, spent: 200, expired: 0 },
      [`${year}-03`]: { earned: 0, spent: 0, expired: 300 },
    };
    // The account as it was written before month figures had items: balance 0, nothing open.
    const at = `${year}-03-01T09:00:00.000Z`;
    const legacy = {
      ...accounts.item({
        customerId,
        status: 'active',
        seq: 3,
        balance: 0,
        lots: {},
        owed: 0,
        rewardsIssued: 0,
        createdAt: at,
        updatedAt: at,
      }),
      months,
    };
    await db().send(new PutCommand({ TableName: tableName(), Item: legacy }));
    const ours = (report: Awaited<ReturnType<typeof loyaltyReport>>) =>
      report.months.filter((m) => m.month.startsWith(String(year)));
    const before = ours(await loyaltyReport());
    expect(before).toEqual(Object.entries(months).map(([month, figures]) => ({ month, ...figures })));

    const orderId = await order(customerId, [{ gross: 12_000 }]);
    const now = new Date(`${year}-04-10T09:00:00.000Z`);
    expect(await postOrderPoints(changed(customerId, orderId, 'shipped', 'delivered'), now)).toEqual({
      outcome: 'earned',
      points: 100,
    });
    const account = await getAccount(customerId);
    expect(account).not.toHaveProperty('months');
    expect(account).toMatchObject({ balance: 100, seq: 5 });
    expect(await monthOf(customerId, `${year}-02`)).toMatchObject({ earned: 0, spent: 200, expired: 0 });
    expect(ours(await loyaltyReport())).toEqual([
      ...before,
      { month: `${year}-04`, earned: 100, spent: 0, expired: 0 },
    ]);
  });
});
