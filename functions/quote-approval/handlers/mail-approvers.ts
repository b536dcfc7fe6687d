// On QuoteApprovalRequested: mail everyone who holds the step's role (but the quote's owner) the
// quote, the rules that asked for them, and their own approve and reject links.
import { customerView } from '../templates/quote-view.js';
import { getCustomer } from '../../../shared/consent.js';
import { eventHandler } from '../../../shared/consumer.js';
import { getUser } from '../../../shared/directory.js';
import { sendMail } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { APPROVAL_LINK_HOURS, approvalLinks } from '../links.js';
import { usersInRole } from '../quote-access.js';
import { getQuote } from '../quote-store.js';

import { approvalRequestMail } from '../templates/approval-request.js';

export const handler = eventHandler('mail-approvers', 'QuoteApprovalRequested', async ({ customerId, quoteId, quoteVersion, step, role }) => {
  const quote = await getQuote(customerId, quoteId);
  // Decided, revised or erased since: the request is stale.
  if (!quote || quote.version !== quoteVersion || quote.status !== 'pending_approval' || quote.approval?.approved !== step) return;
  const approvers = (await usersInRole(role)).filter((user) => user.userId !== quote.ownerId);
  if (approvers.length === 0) {
    logger.warn('nobody to approve the quote', { quoteId, role });
    return;
  }
  const [customer, owner] = await Promise.all([getCustomer(customerId), getUser(quote.ownerId)]);
  for (const approver of approvers) {
    const links = await approvalLinks(quote, step, approver.userId);
    await sendMail({
      to: approver.email,
      replyTo: owner?.email,
      ...approvalRequestMail(approver.language, {
        quote,
        customer: customerView(customer),
        ownerName: owner?.name ?? quote.ownerId,
        step,
        linkHours: APPROVAL_LINK_HOURS,
        ...links,
      }),
    });
  }
  logger.info('approval requested', { quoteId, step, role, approvers: approvers.length });
});
