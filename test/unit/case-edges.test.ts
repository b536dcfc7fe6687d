// Case answers the main case tests never asked for: every category's department, rules passed in,
// the report's order, rounding and ties, and the reopen window on both sides of its edge.
import { describe, expect, it } from 'vitest';
import { mayReopen, reopensAfterLowScore } from '../../functions/complaint-escalation/domain/case-lifecycle.js';
import {
  caseReport,
  type ReportedCase,
  valuableComplainants,
} from '../../functions/complaint-escalation/domain/case-reports.js';
import { type RoutingRules, routeCase } from '../../functions/complaint-escalation/domain/routing.js';

describe('where a case goes', () => {
  it.each([
    ['product', 'dept-product'],
    ['billing', 'dept-finance'],
    ['delivery', 'dept-logistics'],
    ['website', 'dept-customer-service'],
  ] as const)('sends a %s case to %s by its category', (category, departmentId) => {
    expect(routeCase({ category, preferredDealerId: 'dealer-izmir', region: 'İç Anadolu' })).toEqual({
      departmentId,
      unit: { type: 'department', id: departmentId },
      rule: 'category',
    });
  });

  it('sends anything else to customer service, and a dealer case with no dealer to dealer relations', () => {
    expect(routeCase({ category: 'other' })).toEqual({
      departmentId: 'dept-customer-service',
      unit: { type: 'department', id: 'dept-customer-service' },
      rule: 'fallback',
    });
    expect(routeCase({ category: 'test-drive' })).toEqual({
      departmentId: 'dept-dealer-relations',
      unit: { type: 'department', id: 'dept-dealer-relations' },
      rule: 'fallback',
    });
    expect(routeCase({ category: 'service', preferredDealerId: 'dealer-izmir' })).toEqual({
      departmentId: 'dept-dealer-relations',
      unit: { type: 'dealer', id: 'dealer-izmir' },
      rule: 'preferred-dealer',
    });
    expect(routeCase({ category: 'service', region: 'İç Anadolu' })).toEqual({
      departmentId: 'dept-dealer-relations',
      unit: { type: 'dealer', id: 'dealer-ankara' },
      rule: 'region-dealer',
    });
  });

  it('follows the rules it is given', () => {
    const rules: RoutingRules = {
      byCategory: { billing: 'dept-billing' },
      dealerCategories: ['product'],
      dealerDepartment: 'dept-dealers',
      dealerByRegion: { Ege: 'dealer-izmir' },
      fallbackDepartment: 'dept-desk',
    };
    expect(routeCase({ category: 'billing' }, rules).departmentId).toBe('dept-billing');
    expect(routeCase({ category: 'product', region: 'Ege' }, rules)).toEqual({
      departmentId: 'dept-dealers',
      unit: { type: 'dealer', id: 'dealer-izmir' },
      rule: 'region-dealer',
    });
    expect(routeCase({ category: 'service', region: 'Ege' }, rules)).toEqual({
      departmentId: 'dept-desk',
      unit: { type: 'department', id: 'dept-desk' },
      rule: 'fallback',
    });
  });
});

describe('the case report', () => {
  const targets = { firstResponse: 60, resolution: 540 };
  const dept = (id: string) => ({ type: 'department' as const, id });
  const reported = (over: Partial<ReportedCase>): ReportedCase => ({
    unit: dept('dept-finance'),
    departmentId: 'dept-finance',
    status: 'open',
    createdAt: '2026-11-02T07:00:00Z',
    sla: { targets },
    ...over,
  });

  it('orders rows by unit type, unit and month', () => {
    const rows = caseReport(
      [
        reported({ unit: dept('dept-b'), createdAt: '2026-12-02T07:00:00Z' }),
        reported({ unit: dept('dept-b') }),
        reported({ unit: { type: 'dealer', id: 'dealer-z' }, departmentId: 'dept-dealers' }),
        reported({ unit: dept('dept-a') }),
      ],
      () => false,
    );
    expect(rows.map((r) => [r.unitType, r.unitId, r.departmentId, r.period])).toEqual([
      ['dealer', 'dealer-z', 'dept-dealers', '2026-11'],
      ['department', 'dept-a', 'dept-finance', '2026-11'],
      ['department', 'dept-b', 'dept-finance', '2026-11'],
      ['department', 'dept-b', 'dept-finance', '2026-12'],
    ]);
  });

  it('puts a unit before one whose id it begins, and gives figures nothing measured as two zeros', () => {
    const rows = caseReport([reported({ unit: dept('d1') }), reported({ unit: dept('d') })], () => false);
    expect(rows.map((r) => r.unitId)).toEqual(['d', 'd1']);
    expect(rows[0]?.firstResponse).toEqual({ measured: 0, met: 0 });
    expect(rows[0]?.resolution).toEqual({ measured: 0, met: 0 });
  });

  it('counts a target met at its minute and missed one minute after, rounding means and scores', () => {
    const [row] = caseReport(
      [
        reported({ status: 'resolved', firstResponseMinutes: 60, resolutionMinutes: 540, survey: { score: 1 } }),
        reported({ status: 'closed', firstResponseMinutes: 61, resolutionMinutes: 541, survey: { score: 2 } }),
        reported({ status: 'waiting_customer', firstResponseMinutes: 0, survey: { score: 2 } }),
      ],
      (c) => c.status === 'waiting_customer',
    );
    expect(row).toEqual({
      unitType: 'department',
      unitId: 'dept-finance',
      departmentId: 'dept-finance',
      period: '2026-11',
      opened: 3,
      active: 1,
      resolvedOrClosed: 2,
      overdue: 1,
      firstResponse: { measured: 3, met: 2, attainmentBp: 6667, meanMinutes: 40 },
      resolution: { measured: 2, met: 1, attainmentBp: 5000, meanMinutes: 541 },
      surveys: 3,
      meanScore: 1.67,
    });
  });
});

describe('valuable complainants', () => {
  const complaint = (customerId: string, createdAt: string, over: { status?: string; segment?: string } = {}) => ({
    unit: { type: 'department' as const, id: 'dept-finance' },
    departmentId: 'dept-finance',
    customerId,
    caseType: 'complaint',
    status: (over.status ?? 'resolved') as ReportedCase['status'],
    createdAt,
    sla: { targets: { firstResponse: 60, resolution: 540 }, segment: over.segment ?? 'A' },
  });

  it('keeps the latest complaint whatever the order, and puts the latest first among equals', () => {
    const rows = valuableComplainants([
      complaint('c1', '2026-05-01T07:00:00Z'),
      complaint('c1', '2026-03-01T07:00:00Z'),
      complaint('c2', '2026-04-01T07:00:00Z', { status: 'open' }),
      complaint('c3', '2026-06-01T07:00:00Z'),
      complaint('c3', '2026-02-01T07:00:00Z', { segment: 'B' }),
    ]);
    expect(rows).toEqual([
      { customerId: 'c1', complaints: 2, active: 0, lastComplaintAt: '2026-05-01T07:00:00Z' },
      { customerId: 'c3', complaints: 1, active: 0, lastComplaintAt: '2026-06-01T07:00:00Z' },
      { customerId: 'c2', complaints: 1, active: 1, lastComplaintAt: '2026-04-01T07:00:00Z' },
    ]);
  });
});

describe('the reopen window', () => {
  const resolvedAt = '2026-11-01T10:00:00.000Z';

  it('counts whole days of 24 hours, its last millisecond included', () => {
    expect(mayReopen(resolvedAt, new Date('2026-11-02T10:00:00.000Z'), 1)).toBe(true);
    expect(mayReopen(resolvedAt, new Date('2026-11-02T10:00:00.001Z'), 1)).toBe(false);
    expect(mayReopen(resolvedAt, new Date(resolvedAt), 0)).toBe(true);
  });

  it('takes an answer given at the very moment of the resolution, and none without a survey', () => {
    const now = new Date('2026-11-02T10:00:00.000Z');
    const resolved = { status: 'resolved' as const, resolvedAt, survey: { answeredAt: resolvedAt } };
    expect(reopensAfterLowScore(resolved, now, true)).toBe(true);
    expect(reopensAfterLowScore({ status: 'resolved', resolvedAt }, now, true)).toBe(false);
    expect(reopensAfterLowScore({ status: 'closed', survey: { answeredAt: resolvedAt } }, now, true)).toBe(false);
    expect(reopensAfterLowScore({ ...resolved, status: 'waiting_customer' }, now, true)).toBe(false);
  });
});
