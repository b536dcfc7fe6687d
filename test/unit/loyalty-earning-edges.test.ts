// Earning at its edges: a campaign's last day, campaigns that overlap or tie, a ×1 "campaign", the
// half-kuruş of a KDV-inclusive amount, and an order with no total.
import { describe, expect, it } from 'vitest';
import { inTryAt, netOfGross, pointsFor } from '../../functions/loyalty/domain/earning.js';
import { type BonusCampaign, defaultLoyaltyRules } from '../../functions/loyalty/domain/rules.js';

const withCampaigns = (...bonusCampaigns: BonusCampaign[]) => ({ ...defaultLoyaltyRules, bonusCampaigns });
const december = { from: '2026-12-01', to: '2026-12-31' };

describe('bonus campaigns', () => {
  it('count on their last day, both ends included', () => {
    const rules = withCampaigns({ id: 'kis', ...december, multiplierBp: 20_000 });
    expect(pointsFor([{ netTry: 10_000 }], '2026-12-31', rules)).toEqual({
      points: 200,
      uncapped: 200,
      campaigns: ['kis'],
    });
    expect(pointsFor([{ netTry: 10_000 }], '2027-01-01', rules)).toEqual({ points: 100, uncapped: 100, campaigns: [] });
  });

  it('do not stack: the best one counts, wherever it stands in the list', () => {
    const rules = withCampaigns(
      { id: 'buyuk', ...december, multiplierBp: 30_000 },
      { id: 'kucuk', ...december, multiplierBp: 20_000 },
    );
    expect(pointsFor([{ netTry: 10_000 }], '2026-12-10', rules)).toEqual({
      points: 300,
      uncapped: 300,
      campaigns: ['buyuk'],
    });
  });

  it('that tie: the first one listed is named', () => {
    const rules = withCampaigns(
      { id: 'ilk', ...december, multiplierBp: 20_000 },
      { id: 'ikinci', ...december, multiplierBp: 20_000 },
    );
    expect(pointsFor([{ netTry: 10_000 }], '2026-12-10', rules).campaigns).toEqual(['ilk']);
  });

  it('at ×1 raise nothing, so the order names none', () => {
    const rules = withCampaigns({ id: 'bir-kat', ...december, multiplierBp: 10_000 });
    expect(pointsFor([{ netTry: 10_000 }], '2026-12-10', rules)).toEqual({ points: 100, uncapped: 100, campaigns: [] });
  });
});

describe('amounts', () => {
  it('a KDV-inclusive amount whose net is exactly half a kuruş rounds up', () => {
    // 3 kuruş with 20% KDV is 2.5 kuruş net.
    expect(netOfGross(3, 2000)).toBe(3);
    expect(netOfGross(100, 2000)).toBe(83);
  });

  it('an order with no total converts to nothing instead of dividing by zero', () => {
    expect(inTryAt(500, 0, 0)).toBe(0);
    expect(inTryAt(500, 1_000, 40_000)).toBe(20_000);
  });
});
