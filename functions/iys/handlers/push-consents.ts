// Scheduled every minute: the consents due are sent to İYS; those it could not reach wait and retry.
// Each run publishes the sync's figures (lag, pushes waiting, refusals), which the stack alarms on.
import { metrics } from '../../../shared/observability.js';
import { scheduledHandler } from '../../../shared/scheduled.js';
import { pushDue, syncFigures } from '../sync.js';

export const handler = scheduledHandler('push-iys-consents', async (now) => {
  const outcome = await pushDue(now);
  for (const [name, value] of Object.entries(await syncFigures(now, outcome.refused))) {
    metrics.addMetric(name, 'Count', value);
  }
  metrics.publishStoredMetrics();
  return outcome;
});
