// On LeadCaptured: acknowledge the request to the person, in their language.
import { eventHandler } from '../../../shared/consumer.js';
import { sendMail } from '../../../shared/mail.js';
import { getLeadByKey } from '../lead-store.js';
import { autoResponse } from '../templates/auto-response.js';

export const handler = eventHandler('send-auto-response', 'LeadCaptured', async ({ customerId, leadId }) => {
  const lead = await getLeadByKey(customerId, leadId);
  if (!lead?.email) return; // phone-only leads are called back, not mailed
  await sendMail({ to: lead.email, ...autoResponse[lead.language](lead) });
});
