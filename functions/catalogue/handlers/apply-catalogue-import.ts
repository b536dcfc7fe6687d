// On ImportChunkDue for the catalogue: the job's chunk staged and counted, the next enqueued; the last
// chunk's count makes the staged generation live. A redelivered event stages nothing.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { catalogueJobs } from '../catalogue-jobs.js';

export const handler = eventHandler(catalogue.ImportChunkDue, (detail) => catalogueJobs.runDue(detail));
