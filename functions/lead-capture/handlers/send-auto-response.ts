// On LeadCaptured: acknowledge the request to the address typed on the form, in its language. Once
// per lead (a mail marker), and at most a few a day per address: anyone can type any address.
import { eventHandler } from '../../../shared/consumer.js';
import { onceKey, sendOnce, sendToUnverified } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { getLeadByKey } from '../lead-store.js';
import { autoResponse } from '../templates/auto-response.js';

export const handler = eventHandler(catalogue.LeadCaptured, async ({ customerId, leadId }) => {
  const lead = await getLeadByKey(customerId, leadId);
  const to = lead?.email;
  if (!lead || !to) return; // phone-only leads are called back, not mailed
  await sendOnce(onceKey('auto-response', leadId), () =>
    sendToUnverified('auto-response', { to, customerId, ...autoResponse.render(lead.language, {}) }),
  );
});
