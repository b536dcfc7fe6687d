// On LeadAssigned: mail the new owner (a rep, a dealer, or the fallback inbox) the lead's details.

import { config } from '../../../shared/config.js';
import { eventHandler } from '../../../shared/consumer.js';
import { getDealer, getUser } from '../../../shared/directory.js';
import { defaultLanguage } from '../../../shared/language.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { catalogue, type EventDetail } from '../../event-table.js';
import { getLeadByKey } from '../lead-store.js';
import { ownerNotification } from '../templates/owner-notification.js';

const recipientOf = async ({ ownerType, ownerId }: EventDetail<'LeadAssigned'>) => {
  if (ownerType === 'user') return getUser(ownerId);
  if (ownerType === 'dealer') return getDealer(ownerId);
  const inbox = config.fallbackNotifyEmail();
  return inbox ? { email: inbox, language: defaultLanguage } : undefined;
};

export const handler = eventHandler(catalogue.LeadAssigned, async (assigned) => {
  const [lead, recipient] = await Promise.all([
    getLeadByKey(assigned.customerId, assigned.leadId),
    recipientOf(assigned),
  ]);
  if (!lead) return;
  if (!recipient) {
    logger.warn('no recipient for lead owner', { ownerType: assigned.ownerType, ownerId: assigned.ownerId });
    return;
  }
  // One notice per lead and owner: a redelivery finds it sent.
  await sendOnce(onceKey('lead-owner', lead.leadId, assigned.ownerId), () =>
    sendTransactional({
      to: recipient.email,
      replyTo: lead.email,
      ...ownerNotification.render(recipient.language, { lead, ruleId: assigned.ruleId }),
    }),
  );
});
