// On QuoteCreated for an opportunity: the opportunity lists the quote (the quote names it already).
import { eventHandler } from '../../../shared/consumer.js';
import { recordCreatedQuote } from '../opportunities.js';

export const handler = eventHandler('QuoteCreated', async (created) => {
  if (created.opportunityId) await recordCreatedQuote(created);
});
