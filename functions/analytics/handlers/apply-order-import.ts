// On ImportChunkDue for order history: the job's chunk of orders counted, the next enqueued; a redelivered
// event counts nothing again (the job's count is conditional, each order's by its applied marker).
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { orderJobs } from '../order-import.js';

export const handler = eventHandler(catalogue.ImportChunkDue, (detail) => orderJobs.runDue(detail));
