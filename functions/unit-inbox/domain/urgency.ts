// The order of a unit's inbox: what is overdue or due soonest first, by the business minutes left on
// its own clock (a request's acceptance target, an order's acknowledgement deadline, a case's running
// SLA target — each in the working hours of the unit that owes it), then everything without a clock,
// newest first. Ties on the clock go to the older item: it has waited longer.
import { businessMinutesBetween, type WorkingHours } from '../../../shared/business-hours.js';

export interface Clocked {
  createdAt: string;
  /** Business minutes until it falls due; negative once it is late. Absent: no clock runs on it. */
  minutesLeft?: number;
}

/**
 * Business minutes from `now` until `due` in these hours: negative by the minutes it is late. One of
 * the two spans is empty (a span that ends before it starts counts no minutes).
 */
export const minutesUntil = (now: Date, due: Date, hours: WorkingHours) =>
  businessMinutesBetween(now, due, hours) - businessMinutesBetween(due, now, hours);

export const byUrgency = <T extends Clocked>(items: readonly T[]): T[] =>
  [...items].sort((a, b) => {
    const clockedA = a.minutesLeft !== undefined;
    const clockedB = b.minutesLeft !== undefined;
    if (clockedA !== clockedB) return clockedA ? -1 : 1;
    if (clockedA && a.minutesLeft !== b.minutesLeft) return a.minutesLeft! - b.minutesLeft!;
    return clockedA ? a.createdAt.localeCompare(b.createdAt) : b.createdAt.localeCompare(a.createdAt);
  });
