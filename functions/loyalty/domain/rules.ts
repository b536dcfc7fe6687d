// The earning rules: data staff set and version (seq), never code. What an order earns, when it
// posts, when points lapse, what the threshold turns into and what a point is worth.
import * as z from '../../../shared/schema.js';
import { isoDateSchema } from '../../../shared/time.js';

const bp = z.int().check(z.gte(0), z.lte(1_000_000));
const count = z.int().check(z.gte(0), z.lte(1_000_000_000));

export const bonusCampaignSchema = z.strictObject({
  id: z.requiredLine(40),
  /** Orders placed from `from` to `to` (Istanbul dates, both included) earn with this multiplier. */
  from: isoDateSchema,
  to: isoDateSchema,
  /** 10000 = ×1, 20000 = double points. */
  multiplierBp: bp,
  /** Only lines of these categories; absent: every line. */
  categories: z.optional(z.array(z.requiredLine(60)).check(z.maxLength(50))),
});

export const expirySchema = z.union([
  /** Points earned in a year lapse at the end of the next year. */
  z.strictObject({ kind: z.literal('end-of-year-after') }),
  z.strictObject({ kind: z.literal('months'), months: z.int().check(z.gte(1), z.lte(120)) }),
]);

export const loyaltyRulesSchema = z.strictObject({
  /** The order status that posts an order's points (a return or cancel after it reverses them). */
  postOn: z.enum(['shipped', 'delivered']),
  /** Points per whole TRY of the net amount (KDV excluded). */
  pointsPerTry: z.int().check(z.gte(0), z.lte(1000)),
  /** The KDV rate taken out of lines that carry only a KDV-inclusive total (shop and ERP orders). */
  defaultKdvBp: z.int().check(z.gte(0), z.lte(10_000)),
  /** Per product category: 10000 = ×1. Categories not named earn ×1. */
  categoryMultipliersBp: z.record(z.string().check(z.minLength(1), z.maxLength(60)), bp),
  bonusCampaigns: z.array(bonusCampaignSchema).check(z.maxLength(100)),
  /** At most this many points for one order. */
  capPerOrder: count,
  expiry: expirySchema,
  /** Reaching `thresholdPoints` turns them into a reward coupon worth `valueMinor` TRY minor units. */
  reward: z.strictObject({
    thresholdPoints: z.int().check(z.gte(1), z.lte(1_000_000_000)),
    valueMinor: z.int().check(z.gte(1), z.lte(1e12)),
    validDays: z.int().check(z.gte(1), z.lte(3660)),
  }),
  /** What one point is worth redeemed, in TRY minor units (kuruş): also the liability's price. */
  pointValueMinor: z.int().check(z.gte(0), z.lte(1e9)),
  /** The statement lists points that lapse within this many days. */
  expiringWithinDays: z.int().check(z.gte(1), z.lte(366)),
});
export type LoyaltyRules = z.infer<typeof loyaltyRulesSchema>;
export type BonusCampaign = LoyaltyRules['bonusCampaigns'][number];

export const rulesChangeSchema = z.extend(loyaltyRulesSchema, { seq: z.int().check(z.gte(0)) });

/** One point per TRY, posted on delivery, lapsing at the end of the next year; 1,000 points → 100 TRY. */
export const defaultLoyaltyRules: LoyaltyRules = {
  postOn: 'delivered',
  pointsPerTry: 1,
  defaultKdvBp: 2000,
  categoryMultipliersBp: {},
  bonusCampaigns: [],
  capPerOrder: 100_000,
  expiry: { kind: 'end-of-year-after' },
  reward: { thresholdPoints: 1000, valueMinor: 10_000, validDays: 90 },
  pointValueMinor: 10,
  expiringWithinDays: 60,
};
