// Monthly: each member's statement for the month before, once per period however often it runs.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { mailStatements } from '../jobs.js';

export const handler = scheduledHandler('mail-statements', (now) => mailStatements(now));
