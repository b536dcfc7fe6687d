// On CaseOpened: mail the department or dealer the case, with the contact details the case carries
// (older cases: the profile's) so they can call back without opening the CRM. Once per case.
import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { catalogue } from '../../event-table.js';
import { unitRecipient } from '../case-recipients.js';
import { getCaseByKey } from '../case-store.js';
import { unitNotice } from '../templates/case-mails.js';

export const handler = eventHandler(catalogue.CaseOpened, async ({ customerId, caseId }) => {
  const found = await getCaseByKey(customerId, caseId);
  if (!found) return;
  // The unit works with what the case carries, never more of the customer's record than that.
  const [customer, recipient] = await Promise.all([found.contact ?? getCustomer(customerId), unitRecipient(found)]);
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
