// Signed links in quote mail: approve and reject for approvers (one step, one approver, 72 hours),
// accept and decline for the customer (until the quote expires). Both are single use by their move:
// the approval is a conditional write on the step the link names, the answer one on the quote being
// sent at that version; once the step or the quote has moved on, the same link changes nothing.
import { clockNow } from '../../shared/clock.js';
import { defineLink } from '../../shared/links.js';
import * as z from '../../shared/schema.js';

export const APPROVAL_LINK_HOURS = 72;

const quoteRef = { customerId: z.string(), quoteId: z.string(), version: z.int().check(z.positive()) };

export const approvalLink = defineLink({
  purpose: 'quote-approval',
  path: '/quote-links/approval',
  claims: z.object({
    ...quoteRef,
    step: z.int().check(z.gte(0)),
    userId: z.string(),
    action: z.enum(['approve', 'reject']),
  }),
  ttlSeconds: APPROVAL_LINK_HOURS * 3600,
  singleUse: { by: 'move', guard: 'the approval is conditional on the quote awaiting this step at this version' },
});

export const answerLink = defineLink({
  purpose: 'quote-answer',
  path: '/quote-links/answer',
  claims: z.object({ ...quoteRef, action: z.enum(['accept', 'decline']) }),
  // A quote is valid a year at most; the link ends when the quote expires (`until`).
  ttlSeconds: 400 * 24 * 3600,
  singleUse: { by: 'move', guard: 'the answer is conditional on the quote being sent at this version' },
});

interface QuoteKey {
  customerId: string;
  quoteId: string;
  version: number;
}

const refOf = ({ customerId, quoteId, version }: QuoteKey) => ({ customerId, quoteId, version });

export const approvalLinks = async (quote: QuoteKey, step: number, userId: string, now = clockNow()) => {
  const claims = { ...refOf(quote), step, userId };
  const [approveUrl, rejectUrl] = await Promise.all([
    approvalLink.url({ ...claims, action: 'approve' }, { now }),
    approvalLink.url({ ...claims, action: 'reject' }, { now }),
  ]);
  return { approveUrl, rejectUrl };
};

export const answerLinks = async (quote: QuoteKey & { expiresAt: string }) => {
  const until = new Date(quote.expiresAt);
  const [acceptUrl, declineUrl] = await Promise.all([
    answerLink.url({ ...refOf(quote), action: 'accept' }, { until }),
    answerLink.url({ ...refOf(quote), action: 'decline' }, { until }),
  ]);
  return { acceptUrl, declineUrl };
};
