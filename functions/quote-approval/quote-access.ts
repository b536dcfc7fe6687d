// Who sees which quotes, and who approves them: the shared access rule (own, team, all) plus one
// thing only quotes have — whoever holds a role its approval involves sees that quote too, so an
// approver can read what they approve.
import { canManage, canSee, isId, type Viewer } from '../../shared/access.js';
import { records } from '../../shared/messages.js';
import { ForbiddenError, NotFoundError } from '../../shared/problems.js';
import { findQuote, type Quote, quoteOwnership } from './quote-store.js';

/** The role whose approval the quote is waiting for, if it is waiting. */
export const awaitedRole = (quote: Quote) =>
  quote.status === 'pending_approval' && quote.approval
    ? quote.approvalSteps?.[quote.approval.approved]?.role
    : undefined;

/**
 * An approver sees quotes whose approval involves their role, not only while it is their turn: a
 * second approver racing the first must learn the step was decided (409), not that the quote vanished.
 */
export const canSeeQuote = (viewer: Viewer, quote: Quote) =>
  canSee(viewer, quoteOwnership(quote)) || (quote.approvalSteps ?? []).some((step) => step.role === viewer.actor.role);

/** For a viewer who may not see it, a quote does not exist. */
export const quoteVisibleTo = async (viewer: Viewer, quoteId: string | undefined): Promise<Quote> => {
  const quote = isId(quoteId) ? await findQuote(quoteId) : undefined;
  if (!quote || !canSeeQuote(viewer, quote)) throw new NotFoundError(records.quote);
  return quote;
};

/** Changing a quote is for its owner and whoever manages them; an approver only decides. */
export const quoteChangeableBy = async (viewer: Viewer, quoteId: string | undefined): Promise<Quote> => {
  const quote = await quoteVisibleTo(viewer, quoteId);
  if (!canManage(viewer, quoteOwnership(quote)))
    throw new ForbiddenError({
      en: 'Only the owner of this quote and their manager may change it.',
      tr: 'Bu teklifi yalnızca sahibi ve yöneticisi değiştirebilir.',
    });
  return quote;
};
