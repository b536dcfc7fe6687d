// On LoyaltyRewardIssued: the member is mailed their reward's code, once.
import { eventHandler } from '../../../shared/consumer.js';
import { mailReward } from '../jobs.js';

export const handler = eventHandler('LoyaltyRewardIssued', (detail) => mailReward(detail));
