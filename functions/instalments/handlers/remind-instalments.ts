// Hourly: owners hear of instalments due in a few working days, each instalment once.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { remindDue } from '../plan-store.js';

export const handler = scheduledHandler('remind-instalments', (now) => remindDue(now));
