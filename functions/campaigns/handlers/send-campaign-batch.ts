// On CampaignBatchReady: materialise a run's recipients, or send one paced batch of a shard.
import { eventHandler } from '../../../shared/consumer.js';
import { workOnBatch } from '../sending.js';

export const handler = eventHandler('CampaignBatchReady', (detail) => workOnBatch(detail));
