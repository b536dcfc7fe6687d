// Scheduled every minute: the consents due are sent to İYS; those it could not reach wait and retry.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { pushDue } from '../sync.js';

export const handler = scheduledHandler('push-iys-consents', (now) => pushDue(now));
