// Scheduled: expire approved and sent quotes whose validity has passed (the sparse expiry queue).

import { scheduledHandler } from '../../../shared/scheduled.js';
import { expireDueQuotes } from '../quotes.js';

export const handler = scheduledHandler('expire-quotes', expireDueQuotes);
