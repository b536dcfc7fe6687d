// Scheduled every minute: the lanes due for delivery send their queued events, in order.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { sweepDeliveries } from '../webhooks.js';

export const handler = scheduledHandler('deliver-webhooks', sweepDeliveries);
