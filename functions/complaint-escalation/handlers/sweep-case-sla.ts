// Scheduled every minute: warn before an SLA target is missed and escalate when it is.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { sweepCaseSla } from '../cases.js';

export const handler = scheduledHandler('sweep-case-sla', (now) => sweepCaseSla(now));
