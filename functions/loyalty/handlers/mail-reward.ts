// On LoyaltyRewardIssued: the member is mailed their reward's code, once.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { mailReward } from '../jobs.js';

export const handler = eventHandler(catalogue.LoyaltyRewardIssued, (detail) => mailReward(detail));
