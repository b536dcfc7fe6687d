// On CampaignBatchReady: materialise a run's recipients, or send one paced batch of a shard.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { workOnBatch } from '../sending.js';

export const handler = eventHandler(catalogue.CampaignBatchReady, (detail) => workOnBatch(detail));
