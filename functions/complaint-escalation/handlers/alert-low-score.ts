// On CaseSurveyAnswered with a low score: mail the department's manager, once per case, and reopen
// the case when so configured (see reopensAfterLowScore).
import { clockNow } from '../../../shared/clock.js';
import { eventHandler } from '../../../shared/consumer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { ladderRecipient } from '../case-recipients.js';
import { getCaseByKey } from '../case-store.js';
import { changeCaseStatus } from '../cases.js';
import { reopensAfterLowScore } from '../domain/case-lifecycle.js';
import { lowScoreAlert } from '../templates/case-mails.js';

export const handler = eventHandler(
  catalogue.CaseSurveyAnswered,
  async ({ customerId, caseId, departmentId, lowScore }) => {
    if (!lowScore) return;
    const [found, manager] = await Promise.all([
      getCaseByKey(customerId, caseId),
      ladderRecipient(departmentId, 'manager'),
    ]);
    if (!found?.survey || !manager) return;
    const { score, comment } = found.survey;
    await sendOnce(onceKey('case-low-score', caseId), () =>
      sendTransactional({
        to: manager.email,
        ...lowScoreAlert.render(manager.language, { case: found, score, comment }),
      }),
    );
    if (reopensAfterLowScore(found, clockNow())) {
      await changeCaseStatus(found, 'in_progress', { actorId: 'system', via: 'event', note: `survey score ${score}` });
    }
  },
);
