// On CaseSlaWarning: tell the unit working the case that a target is about to be missed. Once per case and target.
import { eventHandler } from '../../../shared/consumer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { unitRecipient } from '../case-recipients.js';
import { getCaseByKey } from '../case-store.js';
import { slaNotice } from '../templates/case-mails.js';

export const handler = eventHandler(catalogue.CaseSlaWarning, async ({ customerId, caseId, target }) => {
  const found = await getCaseByKey(customerId, caseId);
  const recipient = found && (await unitRecipient(found));
  if (!found || !recipient) return;
  await sendOnce(onceKey('case-warning', caseId, target), () =>
    sendTransactional({
      to: recipient.email,
      ...slaNotice.render(recipient.language, { case: found, kind: 'warning', target }),
    }),
  );
});
