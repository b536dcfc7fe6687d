// On LeadCaptured: choose the owner by the rules and record it with LeadAssigned.

import { clockNow } from '../../../shared/clock.js';
import { eventHandler } from '../../../shared/consumer.js';
import { getTeam, getUser, takeTeamTurn } from '../../../shared/directory.js';
import { logger } from '../../../shared/observability.js';
import { catalogue, type EventFacts } from '../../event-table.js';
import { FALLBACK_QUEUE_ID, FALLBACK_RULE_ID, matchRule, pickTeamMember } from '../domain/assignment.js';
import { getAssignmentRules, getLeadByKey, type Lead, saveAssignment } from '../lead-store.js';

const chooseOwner = async (lead: Lead): Promise<EventFacts<'LeadAssigned'>> => {
  const base = { leadId: lead.leadId, customerId: lead.customerId };
  const fallback = { ...base, ownerType: 'queue' as const, ownerId: FALLBACK_QUEUE_ID, ruleId: FALLBACK_RULE_ID };
  const rule = matchRule(await getAssignmentRules(), lead);
  if (!rule) return fallback;
  const target = rule.assignTo;
  if (target.type === 'dealer') return { ...base, ownerType: 'dealer', ownerId: target.id, ruleId: rule.id };
  if (target.type === 'user') {
    // The rep's team, so that the team's manager sees the lead.
    const teamId = (await getUser(target.id))?.teamId;
    return { ...base, ownerType: 'user', ownerId: target.id, ruleId: rule.id, ...(teamId ? { teamId } : {}) };
  }
  const team = await getTeam(target.id);
  const member = team && pickTeamMember(team.members, await takeTeamTurn(target.id));
  // A team with everyone away still gets its leads seen: they go to the fallback queue, naming the rule.
  if (!member) return { ...fallback, ruleId: rule.id, teamId: target.id };
  return { ...base, ownerType: 'user', ownerId: member, teamId: target.id, ruleId: rule.id };
};

/** A lead whose status moved while it was being assigned is read again; an owner set meanwhile wins. */
const MAX_ATTEMPTS = 3;

// Idempotent by its write: the owner is set only where none is.
export const handler = eventHandler(catalogue.LeadCaptured, async ({ customerId, leadId }) => {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const lead = await getLeadByKey(customerId, leadId);
    if (!lead || lead.owner) return; // erased, or already assigned by an earlier delivery
    if (await saveAssignment(lead, await chooseOwner(lead), clockNow())) return;
  }
  logger.warn('lead kept changing while it was being assigned', { leadId });
  throw new Error('lead not assigned: it kept changing');
});
