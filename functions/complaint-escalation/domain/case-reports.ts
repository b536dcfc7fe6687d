// Case figures by unit (department or dealer) and Istanbul month opened: volume, open and closed,
// overdue, SLA attainment, mean first-response and resolution times in business minutes, and
// satisfaction. A month holds the cases OPENED in it (a cohort), however late they were resolved.
import { istanbulMonth } from '../../../shared/time.js';
import { activeStatuses, type CaseStatus } from './case-lifecycle.js';
import type { Targets } from './sla.js';

export interface ReportedCase {
  unit: { type: 'department' | 'dealer'; id: string };
  departmentId: string;
  status: CaseStatus;
  createdAt: string;
  sla: { targets: Targets };
  firstResponseMinutes?: number;
  resolutionMinutes?: number;
  survey?: { score: number };
}

export interface TargetFigures {
  /** Cases that reached the target's event (responded, resolved). */
  measured: number;
  met: number;
  /** met / measured in basis points; absent when nothing was measured. */
  attainmentBp?: number;
  meanMinutes?: number;
}

export interface CaseReportRow {
  unitType: 'department' | 'dealer';
  unitId: string;
  departmentId: string;
  /** Istanbul month the cases were opened in, `2026-11`. */
  period: string;
  opened: number;
  active: number;
  resolvedOrClosed: number;
  overdue: number;
  firstResponse: TargetFigures;
  resolution: TargetFigures;
  surveys: number;
  /** Mean score, to two decimals; absent without answers. */
  meanScore?: number;
}

const figures = (pairs: { minutes: number; target: number }[]): TargetFigures => {
  const met = pairs.filter((p) => p.minutes <= p.target).length;
  if (!pairs.length) return { measured: 0, met: 0 };
  return {
    measured: pairs.length,
    met,
    attainmentBp: Math.round((met * 10_000) / pairs.length),
    meanMinutes: Math.round(pairs.reduce((total, p) => total + p.minutes, 0) / pairs.length),
  };
};

/** `overdue` says whether an active case has run past the target it is running for now. */
export const caseReport = <C extends ReportedCase>(
  cases: readonly C[],
  overdue: (c: C) => boolean,
): CaseReportRow[] => {
  const groups = new Map<string, C[]>();
  for (const c of cases) {
    const key = [c.unit.type, c.unit.id, istanbulMonth(c.createdAt)].join('|');
    groups.set(key, [...(groups.get(key) ?? []), c]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([, group]) => {
      const first = group[0]!;
      const active = group.filter((c) => activeStatuses.includes(c.status));
      const scores = group.flatMap((c) => (c.survey ? [c.survey.score] : []));
      return {
        unitType: first.unit.type,
        unitId: first.unit.id,
        departmentId: first.departmentId,
        period: istanbulMonth(first.createdAt),
        opened: group.length,
        active: active.length,
        resolvedOrClosed: group.length - active.length,
        overdue: active.filter(overdue).length,
        firstResponse: figures(
          group.flatMap((c) =>
            c.firstResponseMinutes === undefined
              ? []
              : [{ minutes: c.firstResponseMinutes, target: c.sla.targets.firstResponse }],
          ),
        ),
        resolution: figures(
          group.flatMap((c) =>
            c.resolutionMinutes === undefined
              ? []
              : [{ minutes: c.resolutionMinutes, target: c.sla.targets.resolution }],
          ),
        ),
        surveys: scores.length,
        ...(scores.length
          ? { meanScore: Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 100) / 100 }
          : {}),
      };
    });
};

export interface ValuableComplainant {
  customerId: string;
  complaints: number;
  /** Of those, still active. */
  active: number;
  lastComplaintAt: string;
}

/**
 * `A` customers who complained, most complaints first: the segment as it was when each complaint
 * was opened (the profile's segment may have moved since).
 */
export const valuableComplainants = (
  cases: readonly (ReportedCase & { customerId: string; caseType: string; sla: { segment: string } })[],
): ValuableComplainant[] => {
  const byCustomer = new Map<string, ValuableComplainant>();
  for (const c of cases) {
    if (c.caseType !== 'complaint' || c.sla.segment !== 'A') continue;
    const row = byCustomer.get(c.customerId) ?? {
      customerId: c.customerId,
      complaints: 0,
      active: 0,
      lastComplaintAt: c.createdAt,
    };
    row.complaints++;
    if (activeStatuses.includes(c.status)) row.active++;
    if (c.createdAt > row.lastComplaintAt) row.lastComplaintAt = c.createdAt;
    byCustomer.set(c.customerId, row);
  }
  return [...byCustomer.values()].sort(
    (a, b) => b.complaints - a.complaints || b.lastComplaintAt.localeCompare(a.lastComplaintAt),
  );
};
