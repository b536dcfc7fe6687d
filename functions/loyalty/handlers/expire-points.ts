// Nightly: points whose last day has passed lapse, one entry per lot.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { expireAll } from '../jobs.js';

export const handler = scheduledHandler('expire-points', (now) => expireAll(now));
