import { canManage, isId, type Viewer } from '../../shared/access.js';
import { itemVisibleTo } from '../../shared/customer.js';
import { onlyItsHandlers, records } from '../../shared/messages.js';
import { ForbiddenError, NotFoundError } from '../../shared/problems.js';
import { type Case, caseOwnership, getCase } from './case-store.js';

/**
 * A case the viewer may see (its unit, its opener, the customer's relationship owners); for anyone
 * else it does not exist.
 */
export const caseVisibleTo = async (viewer: Viewer, caseId: string | undefined, change = false): Promise<Case> => {
  const found = isId(caseId) ? await getCase(caseId) : undefined;
  if (!found || !(await itemVisibleTo(viewer, caseOwnership(found), found.customerId)))
    throw new NotFoundError(records.case);
  // The customer's relationship owners follow the item; only those it is given to move it.
  if (change && !canManage(viewer, caseOwnership(found))) throw new ForbiddenError(onlyItsHandlers);
  return found;
};

/** Which cases a viewer lists: a unit its own, the firm's managers all, anyone else those they opened. */
export const caseListScope = (viewer: Viewer) => {
  if (viewer.reach === 'all') return {};
  if (viewer.reach === 'unit') return { unitId: viewer.unitId };
  return { ownerId: viewer.actor.userId };
};
