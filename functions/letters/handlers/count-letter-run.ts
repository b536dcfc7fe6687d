// On LetterRunCountDue: the counter counts a new run's segment and moves the run to printing with its
// first part enqueued (up to 15 minutes: a big segment is read whole); a redelivered event plans nothing.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { countRun } from '../letter-runs.js';

export const handler = eventHandler(catalogue.LetterRunCountDue, (detail) => countRun(detail.runId));
