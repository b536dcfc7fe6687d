// On LeadCaptured: choose the owner by the rules and record it with LeadAssigned.
import type { EventFacts } from '../../../events/catalogue.js';
import { eventHandler } from '../../../shared/consumer.js';
import { getAssignmentRules, getTeam, takeTeamTurn } from '../../../shared/directory.js';
import { logger } from '../../../shared/observability.js';
import { FALLBACK_QUEUE_ID, FALLBACK_RULE_ID, matchRule, pickTeamMember } from '../domain/assignment.js';
import { getLeadByKey, type Lead, saveAssignment } from '../lead-store.js';

const chooseOwner = async (lead: Lead): Promise<EventFacts<'LeadAssigned'>> => {
  const base = { leadId: lead.leadId, customerId: lead.customerId };
  const fallback = { ...base, ownerType: 'queue' as const, ownerId: FALLBACK_QUEUE_ID, ruleId: FALLBACK_RULE_ID };
  const rule = matchRule(await getAssignmentRules(), lead);
  if (!rule) return fallback;
  const target = rule.assignTo;
  if (target.type !== 'team') return { ...base, ownerType: target.type, ownerId: target.id, ruleId: rule.id };
  const team = await getTeam(target.id);
  const member = team && pickTeamMember(team.members, await takeTeamTurn(target.id));
  // A team with everyone away still gets its leads seen: they go to the fallback queue, naming the rule.
  if (!member) return { ...fallback, ruleId: rule.id, teamId: target.id };
  return { ...base, ownerType: 'user', ownerId: member, teamId: target.id, ruleId: rule.id };
};

export const handler = eventHandler('assign-lead', 'LeadCaptured', async ({ customerId, leadId }) => {
  const lead = await getLeadByKey(customerId, leadId);
  if (!lead || lead.owner) return; // erased, or already assigned by an earlier delivery
  const assignment = await chooseOwner(lead);
  const saved = await saveAssignment(lead, assignment, new Date());
  if (!saved.ok) logger.info('lead was assigned concurrently; keeping the first owner');
});
