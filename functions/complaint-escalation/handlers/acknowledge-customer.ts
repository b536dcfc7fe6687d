// On CaseOpened: tell the customer their case number, in their language. Once per case, and at most
// a few a day per address (the address may have been typed by anyone).
import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { onceKey, sendOnce, sendToUnverified } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { getCaseByKey } from '../case-store.js';
import { caseAcknowledgement } from '../templates/case-mails.js';

export const handler = eventHandler(catalogue.CaseOpened, async ({ customerId, caseId }) => {
  const [found, customer] = await Promise.all([getCaseByKey(customerId, caseId), getCustomer(customerId)]);
  const to = customer?.email;
  if (!found || !to) return; // a customer without e-mail hears the number on the phone
  await sendOnce(onceKey('case-ack', caseId), () =>
    sendToUnverified('case-ack', {
      to,
      customerId,
      ...caseAcknowledgement.render(found.language, { caseNumber: found.caseNumber }),
    }),
  );
});
