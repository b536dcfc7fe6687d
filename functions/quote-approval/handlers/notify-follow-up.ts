// On QuoteFollowUpDue: remind the owner that the customer has not answered yet.
import { eventHandler } from '../../../shared/consumer.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { ownerNoticeContext } from '../owner-notice.js';
import { followUpDays } from '../quotes.js';
import { followUpNotice } from '../templates/owner-notices.js';

export const handler = eventHandler(catalogue.QuoteFollowUpDue, async ({ customerId, quoteId, quoteVersion }) => {
  const found = await ownerNoticeContext(customerId, quoteId, quoteVersion);
  if (found?.quote.status !== 'sent') return;
  const { quote, owner, customer } = found;
  await sendOnce(onceKey('quote-follow-up', quoteId, quoteVersion), () =>
    sendTransactional({
      to: owner.email,
      ...followUpNotice.render(owner.language, { quote, customer, days: followUpDays() }),
    }),
  );
});
