// Coupons: a member's reward or a campaign's code, one item each under its code (read consistently
// at the till), listed per member by gsi1. Redeeming is a guarded move from `issued` at the seq the
// till read: two tills redeeming one coupon at once leave one redemption and one 409.

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { type Customer, getCustomer } from '../../shared/customer.js';
import { db, itemExists, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { advance, defineEntity } from '../../shared/entity.js';
import { CommercialWaitError } from '../../shared/gate.js';
import type { Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { MailInProgressError, onceKey, sendMarketing, sendOnce, unsubscribeUrl } from '../../shared/mail.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import { queryAll } from '../../shared/query.js';
import { sendCommercialSms } from '../../shared/sms.js';
import { byAssignee, byState } from '../../shared/table.js';
import { istanbulDate } from '../../shared/time.js';
import { getSegment, segmentMembers } from '../campaigns/public.js';
import { chooseChannel, getPreference, reachableBy } from '../channels/public.js';
import { applyCoupon, type BasketLine, type Benefit, newCouponCode, normalizeCode } from './domain/coupon.js';
import { loyaltyKeys } from './keys.js';
import { type CouponVars, couponMail, couponSubject, couponText } from './templates/coupon.js';

export interface Coupon {
  code: string;
  kind: 'reward' | 'campaign';
  customerId: string;
  rewardId?: string;
  campaignId?: string;
  benefit: Benefit;
  currency: 'TRY';
  categories?: string[];
  minimumBasket?: number;
  validFrom: string;
  validTo: string;
  status: 'issued' | 'redeemed';
  seq: number;
  createdAt: string;
  redeemedAt?: string;
  /** The integration key that redeemed it. */
  redeemedBy?: string;
  orderRef?: string;
  discount?: number;
  basketTotal?: number;
}

export const coupons = defineEntity<Coupon>({
  type: 'coupon',
  key: (c) => loyaltyKeys.coupon(c.code),
  indexes: (c) => loyaltyKeys.memberCoupons(c.customerId, c.createdAt, c.code),
});

export const couponItems = (coupon: Coupon): TransactItem[] => coupons.createItems(coupon);

const couponRecord = { en: 'The coupon', tr: 'Kupon' };

export const getCoupon = (typed: string) => coupons.get(loyaltyKeys.coupon(normalizeCode(typed)));

/** A member's coupons, newest first (index: eventually consistent). */
export const memberCoupons = async (customerId: string) =>
  (await queryAll({ index: byAssignee, partition: loyaltyKeys.memberCouponsPartition(customerId) }, 200)).map((item) =>
    coupons.read(item),
  );

export interface Basket {
  currency: 'TRY';
  lines: BasketLine[];
}

const refusalText = {
  'not-yet-valid': { en: 'The coupon is not valid yet.', tr: 'Kupon henüz geçerli değil.' },
  expired: { en: 'The coupon has expired.', tr: 'Kuponun süresi doldu.' },
  'no-eligible-lines': {
    en: 'No line of the basket is in the coupon’s categories.',
    tr: 'Sepette kuponun kategorilerinden ürün yok.',
  },
  'below-minimum': { en: 'The basket is below the coupon’s minimum.', tr: 'Sepet kuponun alt sınırının altında.' },
} as const;

const alreadyRedeemed = () =>
  new ConflictError('coupon-already-redeemed', {
    en: 'This coupon was already redeemed.',
    tr: 'Bu kupon zaten kullanıldı.',
  });

export interface CouponCheck {
  code: string;
  kind: Coupon['kind'];
  discount: { amount: number; currency: 'TRY' };
  eligible: { amount: number; currency: 'TRY' };
  validTo: string;
}

/** The coupon and what it takes off the basket today; 404, 409 (redeemed) or 422 naming the field otherwise. */
const check = async (typed: string, basket: Basket, now: Date) => {
  const coupon = await getCoupon(typed);
  if (!coupon) throw new NotFoundError(couponRecord);
  if (coupon.status === 'redeemed') throw alreadyRedeemed();
  const applied = applyCoupon(coupon, basket.lines, istanbulDate(now));
  if (!applied.ok) {
    const text = refusalText[applied.reason];
    throw new ProblemError(422, 'coupon-not-applicable', text, [{ path: applied.path, message: text }]);
  }
  const answer: CouponCheck = {
    code: coupon.code,
    kind: coupon.kind,
    discount: { amount: applied.discount, currency: 'TRY' },
    eligible: { amount: applied.eligible, currency: 'TRY' },
    validTo: coupon.validTo,
  };
  return { coupon, answer };
};

export const validateCoupon = async (typed: string, basket: Basket, now = clockNow()) =>
  (await check(typed, basket, now)).answer;

export type CouponRedemption = CouponCheck & { orderRef: string; redeemedAt: string };

/** Redeems the coupon against an order, once: the move, the campaign's counters and the stored answer together. */
export const redeemCoupon = async (
  typed: string,
  request: { orderRef: string; basket: Basket },
  keyId: string,
  record: Recorder,
  now = clockNow(),
): Promise<CouponRedemption> => {
  const { coupon, answer } = await check(typed, request.basket, now);
  const basketTotal = request.basket.lines.reduce((sum, line) => sum + line.amount, 0);
  const redeemed: CouponRedemption = { ...answer, orderRef: request.orderRef, redeemedAt: now.toISOString() };
  const after = advance(coupon, {
    status: 'redeemed',
    redeemedAt: redeemed.redeemedAt,
    redeemedBy: keyId,
    orderRef: request.orderRef,
    discount: answer.discount.amount,
    basketTotal,
  });
  const counters: TransactItem[] = coupon.campaignId
    ? [
        {
          Update: {
            TableName: tableName(),
            Key: loyaltyKeys.campaign(coupon.campaignId),
            UpdateExpression: 'ADD redeemed :one, revenue :revenue, discountGiven :discount',
            ConditionExpression: itemExists,
            ExpressionAttributeValues: { ':one': 1, ':revenue': basketTotal, ':discount': answer.discount.amount },
          },
        },
      ]
    : [];
  if (!(await coupons.move(coupon, after, { also: [...counters, ...record(redeemed)] }))) throw alreadyRedeemed();
  return redeemed;
};

// ---- coupon campaigns ------------------------------------------------------------------------------

export interface CouponCampaign {
  campaignId: string;
  name: string;
  segmentId: string;
  benefit: Benefit;
  categories?: string[];
  minimumBasket?: number;
  validFrom: string;
  validTo: string;
  status: 'issuing' | 'issued';
  seq: number;
  issued: number;
  redeemed: number;
  /** The baskets coupons were redeemed against, KDV included, TRY minor units. */
  revenue: number;
  discountGiven: number;
  /** Members told their code, and members it could not be sent to (no consent, no address, suppressed). */
  sent?: number;
  notSent?: number;
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}

export const campaigns = defineEntity<CouponCampaign>({
  type: 'coupon-campaign',
  key: (c) => loyaltyKeys.campaign(c.campaignId),
  indexes: (c) => loyaltyKeys.campaignList(c.createdAt, c.campaignId),
});

export type CampaignInput = Pick<
  CouponCampaign,
  'name' | 'segmentId' | 'benefit' | 'categories' | 'minimumBasket' | 'validFrom' | 'validTo'
>;

const noSuchSegment = () =>
  new ProblemError(422, 'segment-not-found', { en: 'There is no such segment.', tr: 'Böyle bir segment yok.' }, [
    { path: 'segmentId', message: { en: 'No such segment.', tr: 'Böyle bir segment yok.' } },
  ]);

export const getCampaign = async (campaignId: string) => {
  const found = await campaigns.get(loyaltyKeys.campaign(campaignId));
  if (!found) throw new NotFoundError({ en: 'The coupon campaign', tr: 'Kupon kampanyası' });
  return found;
};

export const listCampaigns = async () =>
  (await queryAll({ index: byState, partition: loyaltyKeys.campaignListPartition() }, 500)).map((item) =>
    campaigns.read(item),
  );

/** Records the campaign and issues its coupons to the segment's members. */
export const createCampaign = async (input: CampaignInput, actorId: string, now = clockNow()) => {
  const segment = await getSegment(input.segmentId);
  if (!segment) throw noSuchSegment();
  const at = now.toISOString();
  const campaign: CouponCampaign = {
    ...input,
    campaignId: newId(),
    status: 'issuing',
    seq: 1,
    issued: 0,
    redeemed: 0,
    revenue: 0,
    discountGiven: 0,
    createdBy: actorId,
    createdAt: at,
    updatedAt: at,
  };
  await transact(campaigns.createItems(campaign));
  return issueCoupons(campaign.campaignId, now);
};

/**
 * One coupon per member of the campaign's segment: a member already issued to (a rerun) is skipped by
 * the marker written with their coupon. A code that is taken is drawn again.
 */
export const issueCoupons = async (campaignId: string, now = clockNow()) => {
  const campaign = await getCampaign(campaignId);
  const segment = await getSegment(campaign.segmentId);
  if (!segment) throw noSuchSegment();
  for await (const customerId of segmentMembers(segment.filter)) {
    for (let attempt = 0; attempt < 5; attempt++) {
      const coupon: Coupon = {
        code: newCouponCode(),
        kind: 'campaign',
        customerId,
        campaignId,
        benefit: campaign.benefit,
        currency: 'TRY',
        categories: campaign.categories,
        minimumBasket: campaign.minimumBasket,
        validFrom: campaign.validFrom,
        validTo: campaign.validTo,
        status: 'issued',
        seq: 1,
        createdAt: now.toISOString(),
      };
      const result = await transact([
        putNew({
          ...loyaltyKeys.campaignMember(campaignId, customerId),
          type: 'coupon-issued',
          customerId,
          code: coupon.code,
        }),
        ...couponItems(coupon),
        {
          Update: {
            TableName: tableName(),
            Key: loyaltyKeys.campaign(campaignId),
            UpdateExpression: 'ADD issued :one',
            ExpressionAttributeValues: { ':one': 1 },
          },
        },
      ]);
      // Issued to this member before (a rerun): nothing more. A taken code or a conflict: draw again.
      if (result.ok || result.reasons[0] === 'ConditionalCheckFailed') break;
    }
  }
  const delivery = await sendCodes(campaign, segment.consent.topic, now);
  await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: loyaltyKeys.campaign(campaignId),
      UpdateExpression: 'SET #status = :issued, updatedAt = :at ADD sent :sent, notSent :notSent',
      ConditionExpression: itemExists,
      ExpressionAttributeNames: { '#status': 'status' },
      ExpressionAttributeValues: {
        ':issued': 'issued',
        ':at': now.toISOString(),
        ':sent': delivery.sent,
        ':notSent': delivery.notSent,
      },
    }),
  );
  return { ...(await getCampaign(campaignId)), delivery };
};

/** Who the campaign issued to, with their codes (its partition, read consistently). */
const issuedTo = async (campaignId: string) =>
  (
    await queryAll(
      {
        partition: loyaltyKeys.campaign(campaignId).pk,
        range: { prefix: loyaltyKeys.campaignMemberPrefix() },
        order: 'oldest',
        consistent: true,
      },
      Number.MAX_SAFE_INTEGER,
    )
  ).map((item) => ({ customerId: String(item.customerId), code: String(item.code) }));

/**
 * Tells each member their code, by the channel they prefer (a text to a member who prefers SMS and
 * has a number, else a mail), through the marketing gate on the segment's topic (consent,
 * suppression, the frequency cap; a text waits out the quiet hours) — once per member and campaign
 * however often the campaign is issued again. Counts only this run's first sends.
 */
const sendCodes = async (campaign: CouponCampaign, topic: string, now: Date) => {
  const tally = { sent: 0, notSent: 0, already: 0, waiting: 0 };
  for (const { customerId, code } of await issuedTo(campaign.campaignId)) {
    const customer = await getCustomer(customerId);
    if (!customer) continue;
    const vars = { name: customer.name, code, benefit: campaign.benefit, validTo: campaign.validTo };
    const send = await codeSender(customer, vars, topic, campaign.campaignId, now);
    if (!send) {
      tally.notSent++;
      continue;
    }
    try {
      const outcome = await sendOnce(onceKey('loyalty-coupon', campaign.campaignId, customerId), send, now);
      if (!outcome.first) tally.already++;
      else tally[outcome.status === 'sent' ? 'sent' : 'notSent']++;
    } catch (error) {
      // Another run holds the claim, a text asked for at night, or İYS unreachable: issuing the campaign
      // again sends it.
      if (error instanceof MailInProgressError || error instanceof CommercialWaitError) tally.waiting++;
      else throw error;
    }
  }
  return tally;
};

const codeSender = async (
  customer: Customer,
  vars: Omit<CouponVars, 'unsubscribeUrl'>,
  topic: string,
  campaignId: string,
  now: Date,
) => {
  const { customerId, language, phone, email } = customer;
  const preferred = (await getPreference(customerId))?.channel;
  const choice = chooseChannel(preferred, reachableBy(customer));
  if (choice?.channel === 'sms' && phone)
    return () =>
      sendCommercialSms(
        { to: phone, text: couponText(language, vars), template: 'loyalty-coupon', subject: couponSubject(language) },
        { customerId, topic, language, campaignId },
        now,
      );
  if (!email) return undefined;
  const scope = { customerId, channel: 'email', topic, campaignId } as const;
  return async () =>
    sendMarketing(
      {
        to: email,
        ...couponMail.render(language, { ...vars, unsubscribeUrl: await unsubscribeUrl(email, scope, now) }),
      },
      scope,
      now,
    );
};
