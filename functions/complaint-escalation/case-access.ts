import { isId, type Viewer, visibleOr404 } from '../../shared/access.js';
import { type Case, caseOwnership, getCase } from './case-store.js';
import { records } from '../../shared/messages.js';

/** A case the viewer may see; for anyone else it does not exist. */
export const caseVisibleTo = async (viewer: Viewer, caseId: string | undefined): Promise<Case> =>
  visibleOr404(viewer, isId(caseId) ? await getCase(caseId) : undefined, caseOwnership, records.case);

/** Which cases a viewer lists: a unit its own, the firm's managers all, anyone else those they opened. */
export const caseListScope = (viewer: Viewer) => {
  if (viewer.reach === 'all') return {};
  if (viewer.reach === 'unit') return { unitId: viewer.unitId };
  return { ownerId: viewer.actor.userId };
};
