// On CaseEscalated: mail the supervisor or manager the case reached. Once per case and level.
import { eventHandler } from '../../../shared/consumer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { catalogue } from '../../event-table.js';
import { ladderRecipient } from '../case-recipients.js';
import { getCaseByKey } from '../case-store.js';
import { slaNotice } from '../templates/case-mails.js';

export const handler = eventHandler(
  catalogue.CaseEscalated,
  async ({ customerId, caseId, departmentId, level, target }) => {
    const [found, recipient] = await Promise.all([
      getCaseByKey(customerId, caseId),
      ladderRecipient(departmentId, level),
    ]);
    if (!found) return;
    if (!recipient) {
      logger.warn('no one to escalate to', { departmentId, level });
      return;
    }
    await sendOnce(onceKey('case-escalated', caseId, level), () =>
      sendTransactional({
        to: recipient.email,
        ...slaNotice.render(recipient.language, { case: found, kind: 'escalation', target }),
      }),
    );
  },
);
