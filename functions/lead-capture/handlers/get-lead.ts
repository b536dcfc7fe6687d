// GET /leads/{leadId} — the lead with its notes, status history, the consent its form gave, who owns
// it and why, and the moves its lifecycle allows from here. A lead the caller may not see is "not found".
import { viewerOf } from '../../../shared/access.js';
import { leadConsents } from '../../../shared/consent.js';
import { getDealer, getUser } from '../../../shared/directory.js';
import { json, route } from '../../../shared/http.js';
import { recordNumber } from '../../../shared/record-numbers.js';
import { leadLifecycle } from '../domain/lead-status.js';
import { leadVisibleTo } from '../lead-access.js';
import { getAssignmentRules, getLeadHistory, getLeadNotes, type Lead } from '../lead-store.js';
import { leadRoutes } from '../manifest.js';

/** The owner's name and the rule that chose them: what the rule asked of the lead, while it still exists. */
const assignmentOf = async ({ owner }: Lead) => {
  if (!owner) return undefined;
  const [person, rules] = await Promise.all([
    owner.type === 'user' ? getUser(owner.id) : owner.type === 'dealer' ? getDealer(owner.id) : undefined,
    getAssignmentRules(),
  ]);
  const rule = rules.find((r) => r.id === owner.ruleId);
  return { ...(person ? { ownerName: person.name } : {}), ...(rule ? { when: rule.when } : {}) };
};

export const handler = route(leadRoutes.getLead, async ({ actor, params }) => {
  const lead = await leadVisibleTo(await viewerOf(actor), params.leadId);
  const [notes, history, consents, assignment] = await Promise.all([
    getLeadNotes(lead.customerId, lead.leadId),
    getLeadHistory(lead),
    leadConsents(lead.customerId, lead.leadId),
    assignmentOf(lead),
  ]);
  return json(200, {
    ...lead,
    number: recordNumber('lead', lead.leadId),
    notes,
    history,
    consents,
    assignment,
    allowedMoves: leadLifecycle.targets(lead.status),
  });
});
