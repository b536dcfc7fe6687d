// On QuoteRejected: tell the owner who rejected it and why, so they can revise it.
import { eventHandler } from '../../../shared/consumer.js';
import { getUser } from '../../../shared/directory.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { catalogue } from '../../event-table.js';
import { ownerNoticeContext } from '../owner-notice.js';
import { rejectionNotice } from '../templates/owner-notices.js';

export const handler = eventHandler(
  catalogue.QuoteRejected,
  async ({ customerId, quoteId, quoteVersion, approverId }) => {
    const found = await ownerNoticeContext(customerId, quoteId, quoteVersion);
    if (found?.quote.status !== 'rejected') return;
    const { quote, owner, customer } = found;
    const approverName = (await getUser(approverId))?.name ?? approverId;
    await sendOnce(onceKey('quote-rejected', quoteId, quoteVersion), () =>
      sendTransactional({
        to: owner.email,
        ...rejectionNotice.render(owner.language, {
          quote,
          customer,
          approverName,
          reason: quote.rejection?.reason ?? '',
        }),
      }),
    );
  },
);
