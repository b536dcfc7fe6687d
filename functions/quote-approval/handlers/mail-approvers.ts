// On QuoteApprovalRequested: mail everyone who holds the step's role (but the quote's owner) the
// quote, the rules that asked for them, and their own approve and reject links.

import { eventHandler } from '../../../shared/consumer.js';
import { getCustomer } from '../../../shared/customer.js';
import { getUser, usersInRole } from '../../../shared/directory.js';
import { onceKey, sendOnce, sendTransactional } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { catalogue } from '../../event-table.js';
import { APPROVAL_LINK_HOURS, approvalLinks } from '../links.js';
import { getQuote } from '../quote-store.js';
import { approvalRequest } from '../templates/approval-request.js';
import { customerView } from '../templates/quote-view.js';

export const handler = eventHandler(
  catalogue.QuoteApprovalRequested,
  async ({ customerId, quoteId, quoteVersion, step, role }) => {
    const quote = await getQuote(customerId, quoteId);
    // Decided, revised or erased since: the request is stale.
    if (
      !quote ||
      quote.version !== quoteVersion ||
      quote.status !== 'pending_approval' ||
      quote.approval?.approved !== step
    )
      return;
    const approvers = (await usersInRole(role)).filter((user) => user.userId !== quote.ownerId);
    if (approvers.length === 0) {
      logger.warn('nobody to approve the quote', { quoteId, role });
      return;
    }
    const [customer, owner] = await Promise.all([getCustomer(customerId), getUser(quote.ownerId)]);
    // One mail per approver and step: a redelivery, or a retry after one approver's mail failed, mails
    // only those not mailed yet.
    for (const approver of approvers) {
      await sendOnce(onceKey('approval-request', quoteId, quoteVersion, step, approver.userId), async () =>
        sendTransactional({
          to: approver.email,
          replyTo: owner?.email,
          ...approvalRequest.render(approver.language, {
            quote,
            customer: customerView(customer),
            ownerName: owner?.name ?? quote.ownerId,
            step,
            linkHours: APPROVAL_LINK_HOURS,
            ...(await approvalLinks(quote, step, approver.userId)),
          }),
        }),
      );
    }
    logger.info('approval requested', { quoteId, step, role, approvers: approvers.length });
  },
);
