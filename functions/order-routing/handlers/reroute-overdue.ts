// Scheduled: routed orders whose unit let the acknowledgement SLA pass go, once, to the next unit.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { rerouteOverdue } from '../orders.js';

export const handler = scheduledHandler('reroute-overdue-orders', (now) => rerouteOverdue(now));
