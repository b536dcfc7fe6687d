// Scheduled: finishes merges whose run stopped (a crash, a timeout) once their lease has passed.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { finishDueMerges } from '../merge.js';

/** A sweep runs on until this long before its function's timeout (see the manifest). */
const BUDGET_MS = 240_000;

export const handler = scheduledHandler('finish-merges', (now) => finishDueMerges(now, Date.now() + BUDGET_MS));
