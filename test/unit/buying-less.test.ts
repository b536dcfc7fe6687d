// "Buys less than before" without a table: the periods it compares, and each boundary on both sides —
// exactly X % less, no earlier periods, a new customer, orders against amounts, one category or all.
import { describe, expect, it } from 'vitest';
import { applyPurchase, historiesOf } from '../../functions/analytics/domain/purchases.js';
import { segmentFilter } from '../../functions/campaigns/api-schemas.js';
import {
  type BuysLessCondition,
  buysLess,
  buysLessPeriods,
  buysLessSpan,
  shiftMonth,
} from '../../functions/campaigns/domain/buying-less.js';
import { matchesSegment, purchaseYears } from '../../functions/campaigns/domain/segment-filter.js';

/** A customer's history from orders `[YYYY-MM, category, amountTry]`, counted as the figures count them. */
const historyOf = (orders: [string, string, number][]) => {
  const years = new Map<string, ReturnType<typeof applyPurchase>>();
  for (const [month, category, amountTry] of orders) {
    const year = month.slice(0, 4);
    years.set(
      year,
      applyPurchase(
        years.get(year),
        { customerId: 'c-1', orderDate: `${month}-10`, lines: [{ category, amountTry }] },
        1,
      ),
    );
  }
  return historiesOf(years.values()).get('c-1');
};

/** One order of `amount` in each month of `from`..`to`. */
const monthly = (from: string, to: string, category: string, amount: number) => {
  const orders: [string, string, number][] = [];
  for (let m = from; m <= to; m = shiftMonth(m, 1)) orders.push([m, category, amount]);
  return orders;
};

// Evaluated in June 2026: the latest period is March–May 2026, the four before it June 2025–February 2026.
const JUNE = '2026-06';
const OLD = '2020-01';
const cond = (c: Partial<BuysLessCondition> = {}): BuysLessCondition => ({ kind: 'buys-less', ...c });

describe('the periods compared', () => {
  it('are whole months before the month of evaluation, newest first, by the defaults (3 months, 4 before)', () => {
    const { current, earlier } = buysLessPeriods(cond(), JUNE);
    expect(current).toEqual({ from: '2026-03', to: '2026-05' });
    expect(earlier).toEqual([
      { from: '2025-12', to: '2026-02' },
      { from: '2025-09', to: '2025-11' },
      { from: '2025-06', to: '2025-08' },
      { from: '2025-03', to: '2025-05' },
    ]);
    expect(buysLessSpan(cond({ periodMonths: 1, periods: 2 }), '2026-01')).toEqual({ from: '2025-10', to: '2025-12' });
    expect(shiftMonth('2026-01', -1)).toBe('2025-12');
    expect(shiftMonth('2025-12', 1)).toBe('2026-01');
    expect(purchaseYears({ purchases: [cond()] }, JUNE)).toEqual(['2025', '2026']);
    expect(purchaseYears({ purchases: [cond({ periodMonths: 12, periods: 2 })] }, JUNE)).toEqual([
      '2023',
      '2024',
      '2025',
      '2026',
    ]);
  });
});

describe('buys less than before', () => {
  // 1,000 a month for a year before; the latest period's months at 700 each: exactly 30 % less.
  const earlier = monthly('2025-03', '2026-02', 'Bahçe', 1_000);

  it('holds at exactly X % less, not at a point above it, and holds below it', () => {
    expect(buysLess(cond(), historyOf([...earlier, ...monthly('2026-03', '2026-05', 'Bahçe', 700)]), JUNE, OLD)).toBe(
      true,
    );
    // One kuruş more in the latest period: 29.99… % less.
    const justAbove = historyOf([...earlier, ...monthly('2026-03', '2026-05', 'Bahçe', 700), ['2026-04', 'Bahçe', 1]]);
    expect(buysLess(cond(), justAbove, JUNE, OLD)).toBe(false);
    expect(buysLess(cond(), historyOf(earlier), JUNE, OLD)).toBe(true);
    expect(
      buysLess(
        cond({ dropPercent: 31 }),
        historyOf([...earlier, ...monthly('2026-03', '2026-05', 'Bahçe', 700)]),
        JUNE,
        OLD,
      ),
    ).toBe(false);
    // Buying as much as before, or more, is no decline at any threshold.
    expect(
      buysLess(cond({ dropPercent: 1 }), historyOf(monthly('2025-03', '2026-05', 'Bahçe', 1_000)), JUNE, OLD),
    ).toBe(false);
  });

  it('is false with nothing bought in the earlier periods, true with one order in the oldest of them', () => {
    expect(buysLess(cond(), historyOf([]), JUNE, OLD)).toBe(false);
    expect(buysLess(cond(), undefined, JUNE, OLD)).toBe(false);
    expect(buysLess(cond(), historyOf([['2026-04', 'Bahçe', 5_000]]), JUNE, OLD)).toBe(false);
    // Bought before the periods only: the earlier periods hold nothing to fall from.
    expect(buysLess(cond(), historyOf([['2025-02', 'Bahçe', 5_000]]), JUNE, OLD)).toBe(false);
    expect(buysLess(cond(), historyOf([['2025-03', 'Bahçe', 5_000]]), JUNE, OLD)).toBe(true);
  });

  it('a new customer is compared with the periods since they came, none of which may start before it', () => {
    // Came in December 2025 (the latest earlier period), bought 3,000 then and 2,100 since: 30 % less.
    const recent = historyOf([
      ['2025-12', 'Bahçe', 3_000],
      ['2026-04', 'Bahçe', 2_100],
    ]);
    expect(buysLess(cond(), recent, JUNE, '2025-12')).toBe(true);
    expect(buysLess(cond({ dropPercent: 31 }), recent, JUNE, '2025-12')).toBe(false);
    // Averaged over four periods (as if a customer since long) 3,000 ÷ 4 = 750: 2,100 is no decline.
    expect(buysLess(cond(), recent, JUNE, OLD)).toBe(false);
    // Came in January 2026: no earlier period is whole, so no decline whatever they bought.
    expect(buysLess(cond(), historyOf([['2026-01', 'Bahçe', 9_000]]), JUNE, '2026-01')).toBe(false);
    // Came in the latest period: a new customer, not one who buys less.
    expect(buysLess(cond(), historyOf([['2026-05', 'Bahçe', 9_000]]), JUNE, '2026-04')).toBe(false);
    // A record made after purchases it was imported with: the first purchase is when they came.
    expect(buysLess(cond(), recent, JUNE, '2026-05')).toBe(true);
  });

  it('compares order counts within a category, or amounts of one category or of everything', () => {
    const history = historyOf([
      ...monthly('2025-03', '2026-02', 'Bahçe', 1_000),
      ...monthly('2025-03', '2026-05', 'Hırdavat', 1_000),
      ['2026-03', 'Bahçe', 1_000],
      ['2026-04', 'Bahçe', 1_000],
    ]);
    // Garden: 3 orders a period before, 2 now (33 % fewer); amounts the same ratio.
    expect(buysLess(cond({ measure: 'orders', category: 'BAHÇE', dropPercent: 33 }), history, JUNE, OLD)).toBe(true);
    expect(buysLess(cond({ measure: 'orders', category: 'bahce', dropPercent: 34 }), history, JUNE, OLD)).toBe(false);
    expect(buysLess(cond({ category: 'Hırdavat', dropPercent: 1 }), history, JUNE, OLD)).toBe(false);
    // Everything: 6,000 a period before, 5,000 now (16.7 % less).
    expect(buysLess(cond({ dropPercent: 16 }), history, JUNE, OLD)).toBe(true);
    expect(buysLess(cond({ dropPercent: 17 }), history, JUNE, OLD)).toBe(false);
  });

  it('in a filter: the month and the record’s creation come from the evaluation and the directory item', () => {
    const customer = {
      email: 'azalan@example.com',
      createdAt: '2019-05-01T08:00:00.000Z',
      purchases: historyOf(earlier),
    };
    expect(matchesSegment({ purchases: [cond()] }, customer, { month: JUNE })).toBe(true);
    // In December 2025 the latest period (September–November) was like the ones before.
    expect(matchesSegment({ purchases: [cond()] }, customer, { month: '2025-12' })).toBe(false);
    // Made on 1 October 2025 in Istanbul (still September in UTC): only December's period is whole,
    // its 3,000 against 2,100 since is 30 % less (September's would halve the average).
    const lateComer = {
      ...customer,
      createdAt: '2025-09-30T21:30:00.000Z',
      purchases: historyOf([
        ['2026-01', 'Bahçe', 3_000],
        ['2026-04', 'Bahçe', 2_100],
      ]),
    };
    expect(matchesSegment({ purchases: [cond()] }, lateComer, { month: JUNE })).toBe(true);
    expect(
      matchesSegment({ purchases: [cond()] }, { ...lateComer, createdAt: '2025-09-29T12:00:00.000Z' }, { month: JUNE }),
    ).toBe(false);
    expect(() => matchesSegment({ purchases: [cond()] }, customer)).toThrow(/month/);
  });

  it('the schema refuses an order count without a category, more than ten years and a drop of 0 or above 100', () => {
    const paths = (c: Record<string, unknown>) =>
      segmentFilter.safeParse({ purchases: [{ kind: 'buys-less', ...c }] }).error?.issues.map((i) => i.path.join('.'));
    expect(paths({})).toBeUndefined();
    expect(paths({ measure: 'orders' })).toEqual(['purchases.0.category']);
    expect(paths({ measure: 'orders', category: 'Bahçe' })).toBeUndefined();
    expect(paths({ periodMonths: 12, periods: 10 })).toEqual(['purchases.0.periods']);
    expect(paths({ periodMonths: 12, periods: 9 })).toBeUndefined();
    expect(paths({ dropPercent: 0 })).toEqual(['purchases.0.dropPercent']);
    expect(paths({ dropPercent: 100 })).toBeUndefined();
    expect(paths({ dropPercent: 101 })).toEqual(['purchases.0.dropPercent']);
    expect(paths({ from: '2026-01' })).toEqual(['purchases.0']);
  });
});
