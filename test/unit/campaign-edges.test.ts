// Campaign rules at the edges mutation testing found unchecked: "buys less" counting orders apart from
// amounts, a first purchase that was returned, months met out of order, a category never bought, a
// customer with no record month and no purchase; the span read with more than two periods; the cron
// fields however they are spaced; and which schedules recur.
import { describe, expect, it } from 'vitest';
import {
  type BuysLessCondition,
  buysLess,
  buysLessSpan,
  type PurchaseHistory,
} from '../../functions/campaigns/domain/buying-less.js';
import { cronProblem, isRecurring } from '../../functions/campaigns/domain/campaign-schedule.js';
import { reputation } from '../../functions/campaigns/domain/report.js';
import { matchesSegment, purchaseHolds, purchaseYears } from '../../functions/campaigns/domain/segment-filter.js';

const cond = (c: Partial<BuysLessCondition> = {}): BuysLessCondition => ({ kind: 'buys-less', ...c });
/** Category key → months as `[YYYY-MM, orders, amountTry]`, in the order given. */
const history = (categories: Record<string, [string, number, number][]>): PurchaseHistory =>
  new Map(
    Object.entries(categories).map(([key, months]) => [
      key,
      new Map(months.map(([month, orders, amountTry]) => [month, { orders, amountTry }])),
    ]),
  );
// Evaluated in June 2026: the latest period is March–May 2026, the four before it June 2025–February 2026.
const JUNE = '2026-06';

describe('buys less: what is compared', () => {
  // Before: one order of 3,000 in each earlier period; now as given.
  const withLatest = (orders: number, amountTry: number) =>
    history({
      bahce: [
        ['2025-06', 1, 3_000],
        ['2025-09', 1, 3_000],
        ['2025-12', 1, 3_000],
        ['2026-02', 1, 3_000],
        ['2026-03', orders, amountTry],
      ],
    });
  it('counts orders when asked, amounts otherwise', () => {
    const orders = cond({ measure: 'orders', category: 'Bahçe' });
    // The two measures part ways: no order counted now, yet 9,000 — fewer orders, no less money.
    expect(buysLess(orders, withLatest(0, 9_000), JUNE, '2020-01')).toBe(true);
    expect(buysLess(cond({ category: 'Bahçe' }), withLatest(0, 9_000), JUNE, '2020-01')).toBe(false);
    // Three orders of 500: as many orders as before and more, half the money.
    expect(buysLess(orders, withLatest(3, 1_500), JUNE, '2020-01')).toBe(false);
    expect(buysLess(cond({ category: 'Bahçe' }), withLatest(3, 1_500), JUNE, '2020-01')).toBe(true);
  });

  it('a category the customer never bought, or no figures at all, is no decline', () => {
    const other = history({ hirdavat: [['2025-06', 1, 3_000]] });
    expect(buysLess(cond({ category: 'Bahçe' }), other, JUNE, '2020-01')).toBe(false);
    expect(buysLess(cond({ category: 'Bahçe' }), undefined, JUNE, '2020-01')).toBe(false);
    expect(buysLess(cond(), undefined, JUNE)).toBe(false);
  });
});

describe('buys less: since when the customer was there', () => {
  // Came with the December period: 3,000 then, 2,100 since (30 % less); averaged over four periods, no decline.
  const bought: [string, number, number][] = [
    ['2025-12', 1, 3_000],
    ['2026-04', 1, 2_100],
  ];
  it('an order bought and returned before they came is no first purchase', () => {
    const returned = history({ bahce: [['2025-06', 0, 0], ...bought] });
    expect(buysLess(cond(), returned, JUNE, '2025-12')).toBe(true);
    const kept = history({ bahce: [['2025-06', 1, 0], ...bought] });
    expect(buysLess(cond(), kept, JUNE, '2025-12')).toBe(false);
  });

  it('the earliest month of any category is the first purchase, in whatever order they are met', () => {
    // Without a record month: the first purchase (June 2025) makes all four periods count.
    const h = history({ bahce: bought, hirdavat: [['2025-06', 1, 0]] });
    expect(buysLess(cond(), h, JUNE)).toBe(false);
    const later = history({
      bahce: [
        ['2026-04', 1, 2_100],
        ['2025-12', 1, 3_000],
      ],
    });
    expect(buysLess(cond(), later, JUNE)).toBe(true);
  });
});

describe('the months "buys less" reads', () => {
  it('run from the oldest earlier period to the latest one', () => {
    expect(buysLessSpan(cond(), JUNE)).toEqual({ from: '2025-03', to: '2026-05' });
    expect(buysLessSpan(cond({ periods: 1 }), JUNE)).toEqual({ from: '2025-12', to: '2026-05' });
  });
});

describe('cron schedules', () => {
  it('count five fields however many spaces are between or around them', () => {
    expect(cronProblem(' 0 9 * * 1-5 ')).toBeUndefined();
    expect(cronProblem('0  9 *\t* 1-5')).toBeUndefined();
    expect(cronProblem('0 9 * *')).toBe('Five fields: minute hour day-of-month month day-of-week.');
  });
  it('recur; a one-off does not', () => {
    expect(isRecurring({ cron: '0 9 * * 1-5' })).toBe(true);
    expect(isRecurring({ at: '2026-12-01T07:00:00.000Z' })).toBe(false);
  });
});

describe('segment filter edges', () => {
  const customer = { email: 'deniz.kaya@example.com', tags: ['fuar-2026'], ownerIds: ['rep-ayse', 'rep-mehmet'] };
  it('a customer with none of an attribute a filter names is out, not an error', () => {
    expect(matchesSegment({ sectors: ['Turizm'] }, customer)).toBe(false);
    expect(matchesSegment({ sectors: [] }, customer)).toBe(true);
  });
  it("one wanted tag or owner of several is enough, and one of the customer's several owners", () => {
    expect(matchesSegment({ tags: ['vip', 'FUAR-2026'] }, customer)).toBe(true);
    expect(matchesSegment({ ownerIds: ['rep-ayse'] }, customer)).toBe(true);
    expect(matchesSegment({ ownerIds: ['rep-zeynep', 'rep-mehmet'] }, customer)).toBe(true);
    expect(matchesSegment({ ownerIds: ['rep-zeynep'] }, customer)).toBe(false);
  });
  it('"buys less" without a month is refused in words; a filter without purchases reads no year', () => {
    expect(() => purchaseHolds({ kind: 'buys-less' }, undefined)).toThrow(
      '"Buys less" is evaluated in a month: none was given.',
    );
    expect(purchaseYears({}, JUNE)).toEqual([]);
  });
});

describe('the sending gate after a lift, with no minimum volume', () => {
  it('bounces of mails sent before the lift, with none sent since, pause nothing', () => {
    const lift = {
      at: '2026-05-01T09:00:00.000Z',
      by: 'admin-ayse',
      reason: 'Listeden geçersiz adresler çıkarıldı',
      baseline: { sent: 100, bounced: 5, complained: 0 },
    };
    expect(reputation({ sent: 100, bounced: 10, complained: 1 }, 0, lift).gate).toMatchObject({
      state: 'lifted',
      judged: { sent: 0, bounced: 5, complained: 1 },
    });
    expect(reputation({ sent: 101, bounced: 10, complained: 0 }, 0, lift).gate.state).toBe('paused');
  });
});
