// On LeadStatusChanged to converted: the lead's customer gets one opportunity, however often delivered.
import { eventHandler } from '../../../shared/consumer.js';
import { catalogue } from '../../event-table.js';
import { openFromLead } from '../opportunities.js';

export const handler = eventHandler(catalogue.LeadStatusChanged, async (changed) => {
  if (changed.to === 'converted') await openFromLead(changed);
});
