// Ledger answers the main loyalty tests never asked for: a month's figures, earning into a lot that
// exists, a balance net of what is owed, and the edges of a lapse and of the points soon to lapse.
import { describe, expect, it } from 'vitest';
import {
  addFigures,
  balanceOf,
  earn,
  expiringBetween,
  lapse,
  lotsTotal,
  NotEnoughPointsError,
  reverse,
  spend,
} from '../../functions/loyalty/domain/ledger.js';

describe("a month's figures", () => {
  it('starts a month from nothing and adds each figure to its own', () => {
    const march = addFigures(undefined, { earned: 100 });
    expect(march).toEqual({ earned: 100, spent: 0, expired: 0 });
    expect(addFigures(march, { earned: 5, spent: 20, expired: 3 })).toEqual({ earned: 105, spent: 20, expired: 3 });
    expect(addFigures(march, { spent: 7 })).toEqual({ earned: 100, spent: 7, expired: 0 });
    expect(addFigures(march, { expired: 1 })).toEqual({ earned: 100, spent: 0, expired: 1 });
  });
});

describe('the balance', () => {
  it('adds to a lot of the same day, and keeps nothing for points that only pay off a debt', () => {
    expect(earn({ lots: { '2027-12-31': 10 }, owed: 0 }, 5, '2027-12-31')).toEqual({
      lots: { '2027-12-31': 15 },
      owed: 0,
    });
    expect(earn({ lots: {}, owed: 5 }, 5, '2027-12-31')).toEqual({ lots: {}, owed: 0 });
  });

  it('is the lots less what is owed, and a spend counts what is owed against it', () => {
    const owing = { lots: { '2027-12-31': 100 }, owed: 30 };
    expect(lotsTotal(owing.lots)).toBe(100);
    expect(balanceOf(owing)).toBe(70);
    expect(spend(owing, 70).state).toEqual({ lots: { '2027-12-31': 30 }, owed: 30 });
    const refused = (() => {
      try {
        spend(owing, 71);
      } catch (error) {
        return error;
      }
    })();
    expect(refused).toBeInstanceOf(NotEnoughPointsError);
    expect(refused).toMatchObject({ wanted: 71, available: 70, message: '71 points wanted, 70 available' });
  });

  it('spends nothing and takes nothing for zero points', () => {
    const state = { lots: { '2027-12-31': 10 }, owed: 0 };
    expect(spend(state, 0)).toEqual({ state, taken: {} });
    expect(reverse(state, 0, '2027-12-31')).toEqual(state);
  });

  it('takes the rest of a reversal from the nearest-expiring lot, whatever order the lots were stored in', () => {
    const stored = { lots: { '2028-12-31': 10, '2027-12-31': 10 }, owed: 0 };
    expect(reverse(stored, 15, '2029-12-31')).toEqual({ lots: { '2028-12-31': 5 }, owed: 0 });
  });

  it('takes a reversal from a lot of another day when the order’s own has lapsed', () => {
    expect(reverse({ lots: { '2028-12-31': 50 }, owed: 2 }, 20, '2027-12-31')).toEqual({
      lots: { '2028-12-31': 30 },
      owed: 2,
    });
  });
});

describe('lapsing', () => {
  const state = { lots: { '2026-12-30': 1, '2026-12-31': 10, '2027-01-01': 100 }, owed: 4 };

  it('lapses the days before today and keeps today, what is owed staying owed', () => {
    expect(lapse(state, '2026-12-31')).toEqual({
      lapsed: { '2026-12-30': 1 },
      state: { lots: { '2026-12-31': 10, '2027-01-01': 100 }, owed: 4 },
    });
  });

  it('counts the points lapsing from today to the last day, both included', () => {
    expect(expiringBetween(state.lots, '2026-12-31', '2026-12-31')).toBe(10);
    expect(expiringBetween(state.lots, '2026-12-31', '2027-01-01')).toBe(110);
    expect(expiringBetween(state.lots, '2026-12-30', '2026-12-31')).toBe(11);
    expect(expiringBetween(state.lots, '2027-01-02', '2027-12-31')).toBe(0);
  });
});
