// Scheduled: quotes the customer has not answered in N days → QuoteFollowUpDue, once each.

import { scheduledHandler } from '../../../shared/scheduled.js';
import { followUpDueQuotes } from '../quotes.js';

export const handler = scheduledHandler('follow-up-quotes', followUpDueQuotes);
