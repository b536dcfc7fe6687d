// The events loyalty publishes: ids, points and amounts; never a coupon code or an address.
import { defineEvents, envelope, minor, positiveInt } from '../../events/event.js';
import * as z from '../../shared/schema.js';

export const events = defineEvents('crm.loyalty', {
  /** A member's points reached the threshold and became a reward (a coupon): the member is told once. */
  LoyaltyRewardIssued: z.object({
    ...envelope,
    customerId: z.string(),
    rewardId: z.string(),
    points: positiveInt,
    /** The reward's value in minor units of `currency`. */
    value: minor,
    currency: z.string(),
  }),
});
