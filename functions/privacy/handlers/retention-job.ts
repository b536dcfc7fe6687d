// Scheduled weekly: erases whoever the retention rules make due (recorded as a retention run). Invoked
// with `{"dryRun": true}` it only lists them: the run is recorded, nobody is erased.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { runRetentionJob } from '../retention.js';

export const handler = scheduledHandler('retention-job', async (now, event) => {
  const { counts } = await runRetentionJob(now, event.dryRun === true);
  return counts;
});
