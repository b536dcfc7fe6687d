// Segments by what people buy, without a table: the purchase figures an order's lines make, and the
// purchase conditions at their boundaries (months, counts, amounts, "only", returns).
import { describe, expect, it } from 'vitest';
import { applyPurchase, historiesOf, linesInTry } from '../../functions/analytics/domain/purchases.js';
import { segmentFilter } from '../../functions/campaigns/api-schemas.js';
import {
  type LineCondition,
  matchesSegment,
  purchaseHolds,
  purchaseYears,
} from '../../functions/campaigns/domain/segment-filter.js';

const order = (orderDate: string, lines: { category?: string; amountTry: number }[]) => ({
  customerId: 'c-1',
  orderDate,
  lines,
});

// Two garden orders in March and May 2026 (one of them with a tool line too), a tool order in December 2025.
const history = () => {
  let y2026 = applyPurchase(
    undefined,
    order('2026-03-10', [
      { category: 'Bahçe', amountTry: 40_000 },
      { category: 'bahçe', amountTry: 10_000 },
    ]),
    1,
  );
  y2026 = applyPurchase(
    y2026,
    order('2026-05-02', [
      { category: 'BAHÇE', amountTry: 30_000 },
      { category: 'Hırdavat', amountTry: 5_000 },
    ]),
    1,
  );
  const y2025 = applyPurchase(undefined, order('2025-12-20', [{ category: 'Hırdavat', amountTry: 7_000 }]), 1);
  return historiesOf([y2025, y2026]).get('c-1')!;
};

const cond = (c: Partial<LineCondition>): LineCondition => ({
  kind: 'bought',
  category: 'Bahçe',
  from: '2026-01',
  to: '2026-12',
  ...c,
});

describe('purchase figures', () => {
  it('counts an order once per category, folds category names, and a return takes it off', () => {
    const once = applyPurchase(
      undefined,
      order('2026-03-10', [
        { category: 'Bahçe', amountTry: 40_000 },
        { category: 'BAHÇE', amountTry: 10_000 },
        { amountTry: 1_000 },
      ]),
      1,
    );
    expect(once.categories).toEqual({
      bahce: { '03': { orders: 1, amountTry: 50_000 } },
      '-': { '03': { orders: 1, amountTry: 1_000 } },
    });
    expect(once.seq).toBe(1);
    const returned = applyPurchase(once, order('2026-03-10', [{ category: 'Bahçe', amountTry: 50_000 }]), -1);
    expect(returned.categories.bahce).toEqual({ '03': { orders: 0, amountTry: 0 } });
    expect(returned.seq).toBe(2);
  });

  it('puts lines charged in another currency into TRY at the order total’s rate', () => {
    expect(
      linesInTry(
        [
          { category: 'a', amount: 100 },
          { category: 'b', amount: 300 },
        ],
        'EUR',
        400,
        16_000,
      ),
    ).toEqual([
      { category: 'a', amountTry: 4_000 },
      { category: 'b', amountTry: 12_000 },
    ]);
    expect(linesInTry([{ amount: 100 }], 'TRY', 100, 100)).toEqual([{ category: undefined, amountTry: 100 }]);
    expect(linesInTry([{ amount: 100 }], 'USD', 100, undefined)).toEqual([{ category: undefined, amountTry: 0 }]);
  });
});

describe('purchase conditions', () => {
  it('bought: the period is whole months, both ends included', () => {
    const h = history();
    expect(purchaseHolds(cond({ from: '2026-03', to: '2026-03' }), h)).toBe(true);
    expect(purchaseHolds(cond({ from: '2026-05', to: '2026-05' }), h)).toBe(true);
    expect(purchaseHolds(cond({ from: '2026-04', to: '2026-04' }), h)).toBe(false);
    expect(purchaseHolds(cond({ from: '2026-06', to: '2026-12' }), h)).toBe(false);
    expect(purchaseHolds(cond({ from: '2025-01', to: '2026-02' }), h)).toBe(false);
  });

  it('bought: at least N orders and at least the amount, both sides of each bound', () => {
    const h = history();
    expect(purchaseHolds(cond({ minOrders: 2 }), h)).toBe(true);
    expect(purchaseHolds(cond({ minOrders: 3 }), h)).toBe(false);
    expect(purchaseHolds(cond({ minAmount: 80_000 }), h)).toBe(true);
    expect(purchaseHolds(cond({ minAmount: 80_001 }), h)).toBe(false);
    expect(purchaseHolds(cond({ category: 'bahce', minOrders: 2, minAmount: 80_000 }), h)).toBe(true);
    expect(purchaseHolds(cond({ category: 'Mutfak' }), h)).toBe(false);
    expect(purchaseHolds(cond({}), undefined)).toBe(false);
  });

  it('not-bought: true with no order of the category in the period, false with one', () => {
    const h = history();
    expect(purchaseHolds(cond({ kind: 'not-bought', category: 'Mutfak' }), h)).toBe(true);
    expect(purchaseHolds(cond({ kind: 'not-bought', category: 'Hırdavat', from: '2026-01', to: '2026-04' }), h)).toBe(
      true,
    );
    expect(purchaseHolds(cond({ kind: 'not-bought', category: 'Hırdavat', from: '2026-05', to: '2026-05' }), h)).toBe(
      false,
    );
    expect(purchaseHolds(cond({ kind: 'not-bought' }), undefined)).toBe(true);
  });

  it('only: the category and nothing else in the period', () => {
    const h = history();
    expect(purchaseHolds(cond({ kind: 'only', from: '2026-01', to: '2026-04' }), h)).toBe(true);
    expect(purchaseHolds(cond({ kind: 'only', from: '2026-01', to: '2026-05' }), h)).toBe(false);
    expect(purchaseHolds(cond({ kind: 'only', from: '2025-12', to: '2026-04' }), h)).toBe(false);
    expect(purchaseHolds(cond({ kind: 'only', category: 'Hırdavat', from: '2025-12', to: '2025-12' }), h)).toBe(true);
    expect(purchaseHolds(cond({ kind: 'only', from: '2026-01', to: '2026-04', minOrders: 2 }), h)).toBe(false);
  });

  it('a returned order no longer counts', () => {
    const y = applyPurchase(undefined, order('2026-03-10', [{ category: 'Bahçe', amountTry: 1 }]), 1);
    const back = applyPurchase(y, order('2026-03-10', [{ category: 'Bahçe', amountTry: 1 }]), -1);
    const h = historiesOf([back]).get('c-1');
    expect(purchaseHolds(cond({}), h)).toBe(false);
    expect(purchaseHolds(cond({ kind: 'not-bought' }), h)).toBe(true);
  });

  it('combines with the other conditions, all of which hold', () => {
    const customer = { email: 'deneme@example.com', city: 'İzmir', purchases: history() };
    const a = cond({ from: '2026-01', to: '2026-04' });
    const notB = cond({ kind: 'not-bought', category: 'Hırdavat', from: '2026-01', to: '2026-04' });
    expect(matchesSegment({ cities: ['izmir'], purchases: [a, notB] }, customer)).toBe(true);
    expect(matchesSegment({ cities: ['Ankara'], purchases: [a, notB] }, customer)).toBe(false);
    expect(matchesSegment({ purchases: [a, { ...notB, to: '2026-05' }] }, customer)).toBe(false);
    expect(purchaseYears({ purchases: [a, cond({ from: '2024-11', to: '2025-02' })] }, '2026-12')).toEqual([
      '2024',
      '2025',
      '2026',
    ]);
  });

  it('the schema refuses a bad month, a backwards period and a count below one, naming the field', () => {
    const parse = (c: Record<string, unknown>) =>
      segmentFilter.safeParse({
        purchases: [{ kind: 'bought', category: 'Bahçe', from: '2026-01', to: '2026-12', ...c }],
      });
    expect(parse({}).success).toBe(true);
    expect(parse({ from: '2026-12', to: '2026-12' }).success).toBe(true);
    const paths = (c: Record<string, unknown>) => parse(c).error?.issues.map((i) => i.path.join('.'));
    expect(paths({ from: '2026-13', to: '2026-13' })).toEqual(['purchases.0.from', 'purchases.0.to']);
    expect(paths({ from: '2027-01' })).toEqual(['purchases.0.from']);
    expect(paths({ minOrders: 0 })).toEqual(['purchases.0.minOrders']);
    expect(paths({ minOrders: 1 })).toBeUndefined();
    expect(paths({ kind: 'sometimes' })).toEqual(['purchases.0.kind']);
    expect(paths({ from: '2016-12', to: '2026-01' })).toEqual(['purchases.0.to']);
    expect(paths({ from: '2017-01', to: '2026-12' })).toBeUndefined();
  });
});
