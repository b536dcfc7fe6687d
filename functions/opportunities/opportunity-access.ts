import { canManage, canSee, isId, type Viewer, visibleOr404 } from '../../shared/access.js';
import { ForbiddenError, ProblemError } from '../../shared/problems.js';
import { refuseClosed } from './domain/stages.js';
import { findOpportunity, type Opportunity, opportunityOwnership } from './opportunity-store.js';
import { records } from '../../shared/messages.js';

/** An opportunity the viewer may see (owner, their team's manager, directors); for anyone else it does not exist. */
export const opportunityVisibleTo = async (viewer: Viewer, opportunityId: string | undefined): Promise<Opportunity> =>
  visibleOr404(viewer, isId(opportunityId) ? await findOpportunity(opportunityId) : undefined, opportunityOwnership, records.opportunity);

/** Changing it is for its owner and whoever manages them. */
export const opportunityChangeableBy = async (viewer: Viewer, opportunityId: string | undefined): Promise<Opportunity> => {
  const o = await opportunityVisibleTo(viewer, opportunityId);
  if (!canManage(viewer, opportunityOwnership(o))) {
    throw new ForbiddenError({
      en: 'Only the owner of this opportunity and their manager may change it.',
      tr: 'Bu fırsatı yalnızca sahibi ve onun yöneticisi değiştirebilir.',
    });
  }
  return o;
};


/**
 * The opportunity a new quote is for: one the caller may see, of the quote's customer, still open.
 * Anything else is "no such opportunity", as a wrong id is.
 */
export const opportunityForQuote = async (viewer: Viewer, opportunityId: string, customerId: string) => {
  const o = isId(opportunityId) ? await findOpportunity(opportunityId) : undefined;
  if (!o || o.customerId !== customerId || !canSee(viewer, opportunityOwnership(o))) {
    throw new ProblemError(
      422,
      'opportunity-not-found',
      { en: "There is no such opportunity of this quote's customer.", tr: 'Bu teklifin müşterisinde böyle bir fırsat yok.' },
      [{ path: 'opportunityId', message: { en: 'No such opportunity for this customer.', tr: 'Bu müşteride böyle bir fırsat yok.' } }],
    );
  }
  refuseClosed(o.status);
  return o;
};
