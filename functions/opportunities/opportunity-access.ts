import { canManage, isId, type Viewer, visibleOr404 } from '../../shared/access.js';
import { records } from '../../shared/messages.js';
import { ForbiddenError } from '../../shared/problems.js';
import { findOpportunity, type Opportunity, opportunityOwnership } from './opportunity-store.js';

/** An opportunity the viewer may see (owner, their team's manager, directors); for anyone else it does not exist. */
export const opportunityVisibleTo = async (viewer: Viewer, opportunityId: string | undefined): Promise<Opportunity> =>
  visibleOr404(
    viewer,
    isId(opportunityId) ? await findOpportunity(opportunityId) : undefined,
    opportunityOwnership,
    records.opportunity,
  );

/** Changing it is for its owner and whoever manages them. */
export const opportunityChangeableBy = async (
  viewer: Viewer,
  opportunityId: string | undefined,
): Promise<Opportunity> => {
  const o = await opportunityVisibleTo(viewer, opportunityId);
  if (!canManage(viewer, opportunityOwnership(o))) {
    throw new ForbiddenError({
      en: 'Only the owner of this opportunity and their manager may change it.',
      tr: 'Bu fırsatı yalnızca sahibi ve onun yöneticisi değiştirebilir.',
    });
  }
  return o;
};
