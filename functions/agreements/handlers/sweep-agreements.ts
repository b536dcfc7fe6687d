// Scheduled, daily: each accepted agreement's periodic order for the month (once), its renewal
// reminder on its working day (once), and its expiry.
import { scheduledHandler } from '../../../shared/scheduled.js';
import { sweepAgreements } from '../agreements.js';

export const handler = scheduledHandler('sweep-agreements', sweepAgreements);
