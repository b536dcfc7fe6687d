// When a unit must acknowledge an order it was routed: its SLA minutes counted in its working hours,
// closed on Turkish public holidays and after 13:00 on their eves — the business calendar cases use —
// so an order routed at 17:55 on a Friday to a unit closing at 18:00 is due on Monday, not at 18:55.
import { addBusinessMinutes } from '../../../shared/business-hours.js';
import type { Unit } from '../../../shared/directory.js';
import { istanbulInstant } from '../../../shared/time.js';

const MINUTE_MS = 60_000;

/** A unit without working hours is always open (a 24-hour desk), so its minutes run on the clock. */
export const ackDueAt = (unit: Pick<Unit, 'ackSlaMinutes' | 'hours'>, routedAt: Date): Date =>
  unit.hours
    ? addBusinessMinutes(routedAt, unit.ackSlaMinutes, unit.hours)
    : new Date(routedAt.getTime() + unit.ackSlaMinutes * MINUTE_MS);

/** The history's note of a routing: the rule, the unit, and when the acknowledgement is due in Istanbul time. */
export const routedNote = (ruleId: string, unitId: string, due: string | undefined) =>
  `rule ${ruleId} → ${unitId}${due ? `; acknowledgement due ${istanbulInstant(due)}` : ''}`;
