import { type Actor, seesAll } from '../../shared/http.js';
import { NotFoundError } from '../../shared/problems.js';
import { getLead, type Lead } from './lead-store.js';

/** Reps, agents and dealers reach only leads they own; for them, another owner's lead does not exist. */
export const leadVisibleTo = async (actor: Actor, leadId: string | undefined): Promise<Lead> => {
  const lead = leadId && leadId.length <= 64 ? await getLead(leadId) : undefined;
  const visible = lead && (seesAll(actor) || lead.owner?.id === actor.userId);
  if (!lead || !visible) throw new NotFoundError('The lead');
  return lead;
};
