// Scheduled every 15 minutes: the changes people made at İYS are pulled and applied to the ledger.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { pullChanges } from '../sync.js';

export const handler = scheduledHandler('pull-iys-changes', (now) => pullChanges(now));
