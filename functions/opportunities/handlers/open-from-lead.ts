// On LeadStatusChanged to converted: the lead's customer gets one opportunity, however often delivered.
import { eventHandler } from '../../../shared/consumer.js';
import { openFromLead } from '../opportunities.js';

export const handler = eventHandler('LeadStatusChanged', async (changed) => {
  if (changed.to === 'converted') await openFromLead(changed);
});
