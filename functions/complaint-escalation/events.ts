// The events cases publish: ids, statuses, levels; never the subject or description.
import { defineEvents, envelope } from '../../events/event.js';
import * as z from '../../shared/schema.js';

const caseRef = { caseId: z.string(), customerId: z.string() };
const slaTarget = z.enum(['firstResponse', 'resolution']);

export const events = defineEvents('crm.cases', {
  CaseOpened: z.object({
    ...envelope,
    ...caseRef,
    departmentId: z.string(),
    unitType: z.enum(['department', 'dealer']),
    unitId: z.string(),
    priority: z.string(),
    category: z.string(),
  }),
  CaseStatusChanged: z.object({ ...envelope, ...caseRef, from: z.string(), to: z.string(), actorId: z.string() }),
  CaseSlaWarning: z.object({ ...envelope, ...caseRef, target: slaTarget, dueAt: z.iso.datetime() }),
  CaseEscalated: z.object({
    ...envelope,
    ...caseRef,
    target: slaTarget,
    level: z.enum(['supervisor', 'manager']),
    departmentId: z.string(),
  }),
  /** The score only: the comment is free text the customer typed. */
  CaseSurveyAnswered: z.object({
    ...envelope,
    ...caseRef,
    departmentId: z.string(),
    score: z.int().check(z.gte(1), z.lte(5)),
    lowScore: z.boolean(),
  }),
});
