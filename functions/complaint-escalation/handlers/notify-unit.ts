// On CaseOpened: mail the department or dealer the case, with the customer's name and contact so
// they can call back without opening the CRM. Once per case.
import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { unitRecipient } from '../case-recipients.js';
import { getCaseByKey } from '../case-store.js';
import { unitNotice } from '../templates/case-mails.js';

export const handler = eventHandler('CaseOpened', async ({ customerId, caseId }) => {
  const found = await getCaseByKey(customerId, caseId);
  if (!found) return;
  const [customer, recipient] = await Promise.all([getCustomer(customerId), unitRecipient(found)]);
  if (!recipient) {
    logger.warn('no recipient for case unit', { unitType: found.unit.type, unitId: found.unit.id });
    return;
  }
  const contact = [customer?.phone, customer?.email].filter(Boolean).join(' · ') || undefined;
  await sendOnce(onceKey('case-unit', caseId), () =>
    sendTransactional({
      to: recipient.email,
      replyTo: customer?.email,
      ...unitNotice.render(recipient.language, { case: found, customerName: customer?.name ?? '-', contact }),
    }),
  );
});
