// What an order earns: each line's net amount in TRY (KDV excluded) times the points per TRY, the
// line's category multiplier and the best bonus campaign for the order's date, summed exactly in
// integers and rounded down once, then capped per order. And when the points lapse.
import { addMonths } from '../../../shared/time.js';
import type { LoyaltyRules } from './rules.js';

export interface EarningLine {
  /** The line's net amount (KDV excluded) in TRY minor units. */
  netTry: number;
  category?: string;
}

export interface Earning {
  points: number;
  /** Before the per-order cap. */
  uncapped: number;
  /** The bonus campaigns that raised a line. */
  campaigns: string[];
}

const ONE = 10_000n;

/** The best campaign multiplier for a line ordered on `orderDate` (campaigns do not stack). */
const bonusFor = (rules: LoyaltyRules, orderDate: string, category: string | undefined) => {
  let best: { id: string; bp: bigint } | undefined;
  for (const campaign of rules.bonusCampaigns) {
    if (orderDate < campaign.from || orderDate > campaign.to) continue;
    if (campaign.categories && !(category && campaign.categories.includes(category))) continue;
    const bp = BigInt(campaign.multiplierBp);
    if (!best || bp > best.bp) best = { id: campaign.id, bp };
  }
  return best;
};

export const pointsFor = (lines: readonly EarningLine[], orderDate: string, rules: LoyaltyRules): Earning => {
  let scaled = 0n;
  const campaigns = new Set<string>();
  for (const line of lines) {
    const category = line.category ? BigInt(rules.categoryMultipliersBp[line.category] ?? 10_000) : ONE;
    const bonus = bonusFor(rules, orderDate, line.category);
    if (bonus && bonus.bp > ONE) campaigns.add(bonus.id);
    scaled += BigInt(line.netTry) * BigInt(rules.pointsPerTry) * category * (bonus?.bp ?? ONE);
  }
  // minor units → TRY (100), two multipliers in basis points (10,000 each); a refund line may make it negative.
  const uncapped = scaled > 0n ? Number(scaled / (100n * ONE * ONE)) : 0;
  return { points: Math.min(uncapped, rules.capPerOrder), uncapped, campaigns: [...campaigns] };
};

/** A KDV-inclusive amount's net: total ÷ (1 + rate), rounded half up to the minor unit. */
export const netOfGross = (gross: number, kdvBp: number) =>
  Number((BigInt(gross) * 2n * ONE + (ONE + BigInt(kdvBp))) / (2n * (ONE + BigInt(kdvBp))));

/** An amount in the order's currency in TRY, at the rate its TRY total was taken at. */
export const inTryAt = (amount: number, total: number, totalTry: number) =>
  total === 0 ? 0 : Number((BigInt(amount) * BigInt(totalTry) * 2n + BigInt(total)) / (2n * BigInt(total)));

/** The last Istanbul day points earned on `earnedOn` may be spent. */
export const expiresOn = (earnedOn: string, rules: Pick<LoyaltyRules, 'expiry'>) =>
  rules.expiry.kind === 'end-of-year-after'
    ? `${Number(earnedOn.slice(0, 4)) + 1}-12-31`
    : addMonths(earnedOn, rules.expiry.months);
