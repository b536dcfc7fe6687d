// Scheduled: open requests past their acceptance target (the sparse `request-accept` queue).
import { scheduledHandler } from '../../../shared/scheduled.js';
import { remindUnaccepted } from '../requests.js';

export const handler = scheduledHandler('remind-unaccepted-requests', remindUnaccepted);
