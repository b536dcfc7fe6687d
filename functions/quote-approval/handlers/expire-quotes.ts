// Scheduled: expire approved and sent quotes whose validity has passed (the sparse expiry queue).
import { expireDueQuotes } from '../quotes.js';
import { scheduledHandler } from '../../../shared/scheduled.js';

export const handler = scheduledHandler('expire-quotes', expireDueQuotes);
