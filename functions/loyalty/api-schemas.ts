// The loyalty routes' request and response schemas: the manifest declares them, the handlers get
// their requests parsed with them, and the OpenAPI document is generated from them.
import * as z from '../../shared/schema.js';
import { isoDateSchema } from '../../shared/time.js';
import { loyaltyRulesSchema } from './domain/rules.js';
import { loyaltySummary } from './record-part.js';

export { rulesChangeSchema } from './domain/rules.js';

const minor = z.int().check(z.gte(0), z.lte(1e13));
const tryMoney = z.strictObject({ amount: z.int(), currency: z.literal('TRY') });

export const customerParams = z.strictObject({ customerId: z.string() });
export const codeParams = z.strictObject({ code: z.string().check(z.maxLength(40)) });
export const campaignParams = z.strictObject({ campaignId: z.string() });

export const storedRules = z.extend(loyaltyRulesSchema, {
  seq: z.int(),
  updatedBy: z.optional(z.string()),
  updatedAt: z.optional(z.string()),
});

/** The order a redemption is made against, as the web shop or till names it. */
const orderRef = z.requiredLine(80);

export const redeemPointsBody = z.strictObject({
  points: z.int().check(z.gte(1), z.lte(1_000_000_000)),
  orderRef,
});
export const pointsRedemption = z.strictObject({
  redemptionId: z.string(),
  customerId: z.string(),
  points: z.int(),
  value: tryMoney,
  balance: z.int(),
  orderRef: z.string(),
});

export const basketSchema = z.strictObject({
  currency: z.literal('TRY'),
  lines: z
    .array(
      z.strictObject({
        sku: z.optional(z.requiredLine(60)),
        category: z.optional(z.requiredLine(60)),
        /** KDV included, minor units. */
        amount: minor,
      }),
    )
    .check(z.minLength(1), z.maxLength(500)),
});
export const validateCouponBody = z.strictObject({ basket: basketSchema });
export const redeemCouponBody = z.strictObject({ orderRef, basket: basketSchema });

export const couponCheck = z.strictObject({
  code: z.string(),
  kind: z.enum(['reward', 'campaign']),
  discount: tryMoney,
  eligible: tryMoney,
  validTo: z.string(),
});
export const couponRedemption = z.extend(couponCheck, { orderRef: z.string(), redeemedAt: z.string() });

const benefit = z.union([
  z.strictObject({ kind: z.literal('amount'), amount: z.int().check(z.gte(1), z.lte(1e12)) }),
  z.strictObject({ kind: z.literal('percent'), bp: z.int().check(z.gte(1), z.lte(10_000)) }),
]);

export const createCampaignBody = z
  .strictObject({
    name: z.requiredLine(120),
    segmentId: z.requiredLine(40),
    benefit,
    categories: z.optional(z.array(z.requiredLine(60)).check(z.minLength(1), z.maxLength(50))),
    minimumBasket: z.optional(minor),
    validFrom: isoDateSchema,
    validTo: isoDateSchema,
  })
  .check(
    z.refine((c) => c.validFrom <= c.validTo, {
      path: ['validTo'],
      ...z.said({ en: 'Before validFrom.', tr: 'validFrom tarihinden önce.' }),
    }),
  );

export const couponCampaign = z.strictObject({
  campaignId: z.string(),
  name: z.string(),
  segmentId: z.string(),
  benefit,
  categories: z.optional(z.array(z.string())),
  minimumBasket: z.optional(z.int()),
  validFrom: z.string(),
  validTo: z.string(),
  status: z.enum(['issuing', 'issued']),
  seq: z.int(),
  issued: z.int(),
  redeemed: z.int(),
  revenue: z.int(),
  discountGiven: z.int(),
  /** Members told their code, and members it could not go to (no consent or address, suppressed). */
  sent: z.optional(z.int()),
  notSent: z.optional(z.int()),
  /** This issuing's sends: `already` were told before, `waiting` go when the campaign is issued again. */
  delivery: z.optional(z.strictObject({ sent: z.int(), notSent: z.int(), already: z.int(), waiting: z.int() })),
  createdBy: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export const campaignList = z.strictObject({ items: z.array(couponCampaign) });

const coupon = z.strictObject({
  code: z.string(),
  kind: z.enum(['reward', 'campaign']),
  status: z.enum(['issued', 'redeemed']),
  benefit,
  categories: z.optional(z.array(z.string())),
  minimumBasket: z.optional(z.int()),
  validFrom: z.string(),
  validTo: z.string(),
  campaignId: z.optional(z.string()),
  rewardId: z.optional(z.string()),
  redeemedAt: z.optional(z.string()),
  orderRef: z.optional(z.string()),
});

export const memberLoyalty = z.strictObject({
  customerId: z.string(),
  account: z.nullable(loyaltySummary),
  entries: z.array(
    z.strictObject({
      kind: z.enum(['earn', 'reverse', 'redeem', 'reward', 'expire']),
      points: z.int(),
      at: z.string(),
      orderId: z.optional(z.string()),
      expiresOn: z.optional(z.string()),
      orderRef: z.optional(z.string()),
    }),
  ),
  coupons: z.array(coupon),
});

export const loyaltyReport = z.strictObject({
  members: z.int(),
  liability: z.strictObject({ points: z.int(), value: tryMoney, pointValueMinor: z.int() }),
  months: z.array(z.strictObject({ month: z.string(), earned: z.int(), spent: z.int(), expired: z.int() })),
});

export const reconciliationReport = z.strictObject({
  at: z.nullable(z.string()),
  accounts: z.int(),
  differences: z.array(z.strictObject({ customerId: z.string(), balance: z.int(), entries: z.int(), lots: z.int() })),
});
