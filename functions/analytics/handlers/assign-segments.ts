// Nightly: A/B/C for every customer who bought this year or last.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { assignSegments } from '../segment-job.js';

export const handler = scheduledHandler('assign-segments', (now) => assignSegments(now));
