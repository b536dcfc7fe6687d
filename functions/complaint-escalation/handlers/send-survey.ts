// On CaseStatusChanged to resolved: mail the customer the satisfaction survey link, once per case.
import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { getCaseByKey } from '../case-store.js';
import { surveyLink } from '../survey.js';
import { surveyInvitation } from '../templates/case-mails.js';

export const handler = eventHandler(catalogue.CaseStatusChanged, async ({ customerId, caseId, to }) => {
  if (to !== 'resolved') return;
  const [found, customer] = await Promise.all([getCaseByKey(customerId, caseId), getCustomer(customerId)]);
  if (!found || !customer?.email || found.survey) return;
  const url = await surveyLink.url({ customerId, caseId });
  await sendOnce(onceKey('case-survey', caseId), () =>
    sendTransactional({
      to: customer.email!,
      customerId,
      ...surveyInvitation.render(found.language, { caseNumber: found.caseNumber, url }),
    }),
  );
});
