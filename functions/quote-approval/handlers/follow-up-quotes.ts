// Scheduled: quotes the customer has not answered in N days → QuoteFollowUpDue, once each.
import { followUpDueQuotes } from '../quotes.js';
import { scheduledHandler } from '../../../shared/scheduled.js';

export const handler = scheduledHandler('follow-up-quotes', followUpDueQuotes);
