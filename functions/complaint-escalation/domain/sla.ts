// SLA targets and the escalation ladder, in business minutes of the department's working hours.
// First response (an acknowledgement) and resolution each have a target by priority; an `A`
// customer's are tighter, and a customer without a segment counts as `B`. Before a target is missed
// the unit is warned; when it is missed the case escalates one level (agent → supervisor → manager),
// and again half a target later while it is still missed.
import type { WorkingHours } from '../../../shared/business-hours.js';
import type { CasePriority } from './case-input.js';
import type { CaseStatus } from './case-lifecycle.js';
import { dueAt, elapsedMinutes, type SlaClock } from './sla-clock.js';

export type Segment = 'A' | 'B' | 'C';
export type SlaTarget = 'firstResponse' | 'resolution';
export type Targets = Record<SlaTarget, number>;

const DAY = 9 * 60;
/** Business minutes for a `B` customer. */
export const baseTargets: Record<CasePriority, Targets> = {
  urgent: { firstResponse: 60, resolution: DAY },
  high: { firstResponse: 120, resolution: 2 * DAY },
  normal: { firstResponse: 240, resolution: 3 * DAY },
  low: { firstResponse: DAY, resolution: 5 * DAY },
};
/** `A` customers get half the time. */
const segmentFactor: Record<Segment, number> = { A: 0.5, B: 1, C: 1 };

export const slaTargets = (priority: CasePriority, segment: Segment | undefined): Targets => {
  const factor = segmentFactor[segment ?? 'B'];
  const base = baseTargets[priority];
  return { firstResponse: Math.round(base.firstResponse * factor), resolution: Math.round(base.resolution * factor) };
};

/** Warn when this share of a target has run. */
export const WARN_AT = 0.8;
/** The ladder's levels: 0 the agent (the unit the case is routed to), 1 its supervisor, 2 its manager. */
export const escalationLevels = ['agent', 'supervisor', 'manager'] as const;
export const TOP_LEVEL = escalationLevels.length - 1;

export interface SlaState {
  segment: Segment;
  targets: Targets;
  clock: SlaClock;
  /** The targets already warned about. */
  warned: SlaTarget[];
  escalationLevel: number;
  /** Escalations per target: the nth of a target happens at (1 + (n − 1) / 2) × target. */
  escalations: Record<SlaTarget, number>;
}

export interface Deadline {
  target: SlaTarget;
  kind: 'warn' | 'escalate';
  /** Business minutes on the clock at which it falls due. */
  atMinutes: number;
}

/** The target the clock is running for: the first response until acknowledged, then resolution. */
export const runningTarget = (status: CaseStatus): SlaTarget | undefined => {
  if (status === 'open') return 'firstResponse';
  if (status === 'acknowledged' || status === 'in_progress') return 'resolution';
  return undefined; // waiting for the customer (paused), or done
};

/**
 * Business minutes left on the running target (negative once it is missed), or none while the clock
 * stands (waiting for the customer, or done): what "near breach" is judged by.
 */
export const minutesLeft = (status: CaseStatus, sla: SlaState, now: Date, hours: WorkingHours) => {
  const target = runningTarget(status);
  if (!target || !sla.clock.runningSince) return undefined;
  return sla.targets[target] - elapsedMinutes(sla.clock, now, hours);
};

/**
 * Whether the running target falls due by `by` (or is already missed): "breaching today" with `by` the
 * day's last instant. A stopped clock breaches nothing.
 */
export const dueBy = (status: CaseStatus, sla: SlaState, by: Date, hours: WorkingHours) => {
  const target = runningTarget(status);
  const due = target ? dueAt(sla.clock, sla.targets[target], hours) : undefined;
  return due !== undefined && due.getTime() <= by.getTime();
};

/** The next step of the ladder that has not happened yet, or none. */
export const nextDeadline = (status: CaseStatus, sla: SlaState): Deadline | undefined => {
  const target = runningTarget(status);
  if (!target || !sla.clock.runningSince) return undefined;
  const minutes = sla.targets[target];
  if (!sla.warned.includes(target)) return { target, kind: 'warn', atMinutes: Math.floor(minutes * WARN_AT) };
  if (sla.escalationLevel >= TOP_LEVEL) return undefined;
  return { target, kind: 'escalate', atMinutes: Math.round(minutes * (1 + sla.escalations[target] / 2)) };
};

/** When the next step falls due, in real time. */
export const deadlineAt = (deadline: Deadline, sla: SlaState, hours: WorkingHours) =>
  dueAt(sla.clock, deadline.atMinutes, hours);

/** The SLA after a step is taken. */
export const takeStep = (sla: SlaState, deadline: Deadline): SlaState =>
  deadline.kind === 'warn'
    ? { ...sla, warned: [...sla.warned, deadline.target] }
    : {
        ...sla,
        escalationLevel: Math.min(TOP_LEVEL, sla.escalationLevel + 1),
        escalations: { ...sla.escalations, [deadline.target]: sla.escalations[deadline.target] + 1 },
      };
