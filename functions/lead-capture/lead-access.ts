import { isId, type Viewer, visibleOr404 } from '../../shared/access.js';
import { records } from '../../shared/messages.js';
import { getLead, type Lead, leadOwnership } from './lead-store.js';

/** A lead the viewer may see; for anyone else it does not exist. */
export const leadVisibleTo = async (viewer: Viewer, leadId: string | undefined): Promise<Lead> =>
  visibleOr404(viewer, isId(leadId) ? await getLead(leadId) : undefined, leadOwnership, records.lead);
