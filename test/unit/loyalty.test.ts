// Loyalty's rules alone: what an order earns (net of KDV, category multipliers, the best bonus
// campaign, the cap), when points lapse, which lot a spend takes first, what a reversal leaves owed,
// the reward threshold, and what a coupon takes off a basket — each on both sides of its boundary.
import { describe, expect, it } from 'vitest';
import {
  applyCoupon,
  CODE_ALPHABET,
  CODE_LENGTH,
  newCouponCode,
  normalizeCode,
} from '../../functions/loyalty/domain/coupon.js';
import { expiresOn, inTryAt, netOfGross, pointsFor } from '../../functions/loyalty/domain/earning.js';
import {
  balanceOf,
  earn,
  expiringBetween,
  lapse,
  NotEnoughPointsError,
  reverse,
  rewardsIn,
  spend,
} from '../../functions/loyalty/domain/ledger.js';
import { defaultLoyaltyRules, type LoyaltyRules, loyaltyRulesSchema } from '../../functions/loyalty/domain/rules.js';
import { previousMonth } from '../../functions/loyalty/jobs.js';

const rules: LoyaltyRules = {
  ...defaultLoyaltyRules,
  pointsPerTry: 2,
  categoryMultipliersBp: { 'beyaz-esya': 15_000, gida: 5_000 },
  bonusCampaigns: [
    { id: 'kis', from: '2026-12-01', to: '2026-12-31', multiplierBp: 20_000 },
    { id: 'tv-hafta', from: '2026-12-07', to: '2026-12-13', multiplierBp: 30_000, categories: ['tv'] },
  ],
  capPerOrder: 5_000,
};

describe('earning', () => {
  it('counts the net in whole TRY, times points per TRY and the category multiplier, rounding down once', () => {
    // 100.99 TRY net → 2 × 100.99 = 201.98 points → 201
    expect(pointsFor([{ netTry: 10_099 }], '2026-11-15', rules).points).toBe(201);
    // ×1.5 for white goods, ×0.5 for food; summed before rounding: 300 + 50.5 → 350
    expect(
      pointsFor(
        [
          { netTry: 10_000, category: 'beyaz-esya' },
          { netTry: 5_050, category: 'gida' },
        ],
        '2026-11-15',
        rules,
      ).points,
    ).toBe(350);
  });

  it('applies the best bonus campaign of the order date only, inside its dates and categories', () => {
    expect(pointsFor([{ netTry: 10_000 }], '2026-11-30', rules)).toEqual({ points: 200, uncapped: 200, campaigns: [] });
    expect(pointsFor([{ netTry: 10_000 }], '2026-12-01', rules)).toEqual({
      points: 400,
      uncapped: 400,
      campaigns: ['kis'],
    });
    expect(pointsFor([{ netTry: 10_000 }], '2027-01-01', rules).points).toBe(200);
    // the TV week beats the winter campaign for TVs, not for other lines
    expect(pointsFor([{ netTry: 10_000, category: 'tv' }], '2026-12-07', rules).points).toBe(600);
    expect(pointsFor([{ netTry: 10_000, category: 'gida' }], '2026-12-07', rules).points).toBe(200);
    expect(pointsFor([{ netTry: 10_000, category: 'tv' }], '2026-12-14', rules).points).toBe(400);
  });

  it('caps the points of one order', () => {
    expect(pointsFor([{ netTry: 250_000 }], '2026-11-15', rules)).toEqual({
      points: 5_000,
      uncapped: 5_000,
      campaigns: [],
    });
    expect(pointsFor([{ netTry: 250_050 }], '2026-11-15', rules)).toEqual({
      points: 5_000,
      uncapped: 5_001,
      campaigns: [],
    });
    expect(pointsFor([{ netTry: 249_950 }], '2026-11-15', rules).points).toBe(4_999);
  });

  it('earns nothing on a basket whose refunds outweigh it', () => {
    expect(pointsFor([{ netTry: 1_000 }, { netTry: -5_000 }], '2026-11-15', rules).points).toBe(0);
  });

  it('takes KDV out of a KDV-inclusive total and converts at the order’s own TRY rate', () => {
    expect(netOfGross(12_000, 2_000)).toBe(10_000);
    expect(netOfGross(1, 2_000)).toBe(1); // 0.833… rounds to 1
    expect(netOfGross(11_000, 1_000)).toBe(10_000);
    expect(inTryAt(5_000, 10_000, 350_000)).toBe(175_000);
    expect(inTryAt(1, 3, 1)).toBe(0);
  });

  it('lapses at the end of the year after earning, or after the stated months', () => {
    expect(expiresOn('2026-01-01', rules)).toBe('2027-12-31');
    expect(expiresOn('2026-12-31', rules)).toBe('2027-12-31');
    expect(expiresOn('2026-01-31', { expiry: { kind: 'months', months: 1 } })).toBe('2026-02-28');
  });

  it('refuses rules out of range', () => {
    expect(loyaltyRulesSchema.safeParse(defaultLoyaltyRules).success).toBe(true);
    const bad = loyaltyRulesSchema.safeParse({
      ...defaultLoyaltyRules,
      reward: { ...defaultLoyaltyRules.reward, thresholdPoints: 0 },
    });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['reward', 'thresholdPoints']);
  });
});

describe('the ledger', () => {
  const state = { lots: { '2027-12-31': 300, '2026-12-31': 100, '2028-12-31': 50 }, owed: 0 };

  it('spends the nearest-expiring points first', () => {
    const { state: after, taken } = spend(state, 150);
    expect(taken).toEqual({ '2026-12-31': 100, '2027-12-31': 50 });
    expect(after.lots).toEqual({ '2027-12-31': 250, '2028-12-31': 50 });
    expect(balanceOf(after)).toBe(300);
  });

  it('refuses to spend more than the balance, and allows exactly the balance', () => {
    expect(() => spend(state, 451)).toThrow(NotEnoughPointsError);
    expect(balanceOf(spend(state, 450).state)).toBe(0);
  });

  it('takes a reversal from the order’s own lot first, then nearest; what was spent becomes owed', () => {
    expect(reverse(state, 120, '2027-12-31').lots).toEqual({ '2027-12-31': 180, '2026-12-31': 100, '2028-12-31': 50 });
    const after = reverse({ lots: { '2026-12-31': 30, '2027-12-31': 20 }, owed: 0 }, 80, '2027-12-31');
    expect(after).toEqual({ lots: {}, owed: 30 });
    expect(balanceOf(after)).toBe(-30);
    // the next earning pays off what is owed first
    const paid = earn(after, 50, '2028-12-31');
    expect(paid).toEqual({ lots: { '2028-12-31': 20 }, owed: 0 });
    expect(earn(after, 10, '2028-12-31')).toEqual({ lots: {}, owed: 20 });
  });

  it('lapses the lots whose last day is before today, not today’s', () => {
    const { lapsed, state: left } = lapse(state, '2026-12-31');
    expect(lapsed).toEqual({});
    expect(lapse(state, '2027-01-01').lapsed).toEqual({ '2026-12-31': 100 });
    expect(lapse(state, '2027-01-01').state.lots).toEqual({ '2027-12-31': 300, '2028-12-31': 50 });
    expect(left).toEqual(state);
    expect(expiringBetween(state.lots, '2026-12-01', '2027-12-31')).toBe(400);
    expect(expiringBetween(state.lots, '2027-01-01', '2027-12-30')).toBe(0);
  });

  it('turns the balance into whole rewards from the threshold on', () => {
    expect(rewardsIn(999, 1000)).toBe(0);
    expect(rewardsIn(1000, 1000)).toBe(1);
    expect(rewardsIn(2999, 1000)).toBe(2);
    expect(rewardsIn(-5, 1000)).toBe(0);
  });

  it('names the month a statement covers', () => {
    expect(previousMonth(new Date('2027-01-01T06:00:00Z'))).toBe('2026-12');
    expect(previousMonth(new Date('2026-12-01T06:00:00Z'))).toBe('2026-11');
    // 30 November 22:30 UTC is already 1 December in Istanbul
    expect(previousMonth(new Date('2026-11-30T22:30:00Z'))).toBe('2026-11');
  });
});

describe('coupons', () => {
  const terms = {
    benefit: { kind: 'amount' as const, amount: 5_000 },
    categories: ['tv'],
    minimumBasket: 20_000,
    validFrom: '2026-12-01',
    validTo: '2026-12-31',
  };
  const tv = { sku: 'TV-55', category: 'tv', amount: 20_000 };

  it('draws 10 characters from the unambiguous alphabet, and reads a code as typed', () => {
    const codes = new Set(Array.from({ length: 200 }, newCouponCode));
    expect(codes.size).toBe(200);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[${CODE_ALPHABET}]{${CODE_LENGTH}}$`));
    expect(CODE_ALPHABET).not.toMatch(/[01IOL]/);
    expect(normalizeCode(' abcd-efgh 23 ')).toBe('ABCDEFGH23');
  });

  it('applies within its dates only', () => {
    expect(applyCoupon(terms, [tv], '2026-11-30')).toEqual({ ok: false, reason: 'not-yet-valid', path: 'code' });
    expect(applyCoupon(terms, [tv], '2026-12-01')).toEqual({ ok: true, eligible: 20_000, discount: 5_000 });
    expect(applyCoupon(terms, [tv], '2026-12-31').ok).toBe(true);
    expect(applyCoupon(terms, [tv], '2027-01-01')).toEqual({ ok: false, reason: 'expired', path: 'code' });
  });

  it('counts only the lines of its categories against the minimum', () => {
    const food = { category: 'gida', amount: 90_000 };
    expect(applyCoupon(terms, [food], '2026-12-10')).toEqual({
      ok: false,
      reason: 'no-eligible-lines',
      path: 'basket.lines',
    });
    expect(applyCoupon(terms, [food, { ...tv, amount: 19_999 }], '2026-12-10')).toEqual({
      ok: false,
      reason: 'below-minimum',
      path: 'basket.lines',
      minimum: 20_000,
      eligible: 19_999,
    });
  });

  it('takes a percentage of the eligible lines, never more than they cost', () => {
    const percent = { ...terms, benefit: { kind: 'percent' as const, bp: 1_250 }, minimumBasket: undefined };
    expect(applyCoupon(percent, [tv, { category: 'gida', amount: 50_000 }], '2026-12-10')).toEqual({
      ok: true,
      eligible: 20_000,
      discount: 2_500,
    });
    const large = { ...terms, benefit: { kind: 'amount' as const, amount: 50_000 }, minimumBasket: undefined };
    expect(applyCoupon(large, [{ ...tv, amount: 3_000 }], '2026-12-10')).toMatchObject({ discount: 3_000 });
  });
});
