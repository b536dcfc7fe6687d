import { describe, expect, it } from 'vitest';
import { caseIntakeSchema } from '../../functions/complaint-escalation/domain/case-input.js';
import {
  caseLifecycle,
  mayReopen,
  reopensAfterLowScore,
} from '../../functions/complaint-escalation/domain/case-lifecycle.js';
import { caseReport, valuableComplainants } from '../../functions/complaint-escalation/domain/case-reports.js';
import { routeCase } from '../../functions/complaint-escalation/domain/routing.js';
import { nextDeadline, type SlaState, slaTargets, takeStep } from '../../functions/complaint-escalation/domain/sla.js';
import { startClock } from '../../functions/complaint-escalation/domain/sla-clock.js';
import { intakeOfWebCase, webCaseSchema } from '../../functions/complaint-escalation/domain/web-case.js';
import { IllegalTransitionError } from '../../shared/lifecycle.js';

describe('the case lifecycle', () => {
  it('goes open → acknowledged → in_progress → waiting_customer → in_progress → resolved → closed', () => {
    expect(caseLifecycle.apply('open', 'acknowledge')).toBe('acknowledged');
    expect(caseLifecycle.apply('acknowledged', 'start')).toBe('in_progress');
    expect(caseLifecycle.apply('in_progress', 'askCustomer')).toBe('waiting_customer');
    expect(caseLifecycle.apply('waiting_customer', 'customerAnswered')).toBe('in_progress');
    expect(caseLifecycle.apply('in_progress', 'resolve')).toBe('resolved');
    expect(caseLifecycle.apply('resolved', 'close')).toBe('closed');
    expect(caseLifecycle.actionTo('closed', 'in_progress')).toBe('reopen');
  });

  it('refuses a move that skips a step, naming what the case can become', () => {
    expect(() => caseLifecycle.actionTo('open', 'closed')).toThrow(IllegalTransitionError);
    expect(() => caseLifecycle.actionTo('open', 'closed')).toThrow(/acknowledged or in_progress/);
    expect(() => caseLifecycle.apply('open', 'askCustomer')).toThrow(IllegalTransitionError);
  });

  it('reopens only within the window after resolution', () => {
    const resolvedAt = '2026-11-01T10:00:00.000Z';
    expect(mayReopen(resolvedAt, new Date('2026-11-15T10:00:00.000Z'), 14)).toBe(true);
    expect(mayReopen(resolvedAt, new Date('2026-11-15T10:00:00.001Z'), 14)).toBe(false);
    expect(mayReopen(undefined, new Date(resolvedAt), 14)).toBe(false);
  });
});

describe('reopening on a low survey score', () => {
  const resolved = {
    status: 'resolved' as const,
    resolvedAt: '2026-11-01T10:00:00.000Z',
    survey: { answeredAt: '2026-11-02T10:00:00.000Z' },
  };
  const now = new Date('2026-11-03T10:00:00.000Z');

  it('reopens only when configured, within the window, for an answer about the latest resolution', () => {
    expect(reopensAfterLowScore(resolved, now, true)).toBe(true);
    expect(reopensAfterLowScore({ ...resolved, status: 'closed' }, now, true)).toBe(true);
    expect(reopensAfterLowScore(resolved, now, false)).toBe(false);
    expect(reopensAfterLowScore({ ...resolved, status: 'in_progress' }, now, true)).toBe(false);
    expect(reopensAfterLowScore({ ...resolved, resolvedAt: '2026-11-02T11:00:00.000Z' }, now, true)).toBe(false);
    expect(reopensAfterLowScore(resolved, new Date('2026-11-20T10:00:00.000Z'), true)).toBe(false);
  });
});

describe('case intake', () => {
  const base = { type: 'complaint', category: 'billing', channel: 'phone', subject: 'Fatura iki kez kesildi' };

  it('takes a customer id or contact details, not both and not neither', () => {
    expect(caseIntakeSchema.safeParse({ ...base, customerId: '01KAAAAAAAAAAAAAAAAAAAAAAA' }).success).toBe(true);
    expect(
      caseIntakeSchema.safeParse({ ...base, contact: { name: 'Ali Deneme', phone: '0532 700 00 01' } }).success,
    ).toBe(true);
    const neither = caseIntakeSchema.safeParse(base);
    expect(neither.success).toBe(false);
    expect(neither.error?.issues[0]?.path).toEqual(['customerId']);
    expect(
      caseIntakeSchema.safeParse({ ...base, customerId: 'x', contact: { name: 'Ali', phone: '05327000001' } }).success,
    ).toBe(false);
  });

  it('needs an e-mail or a phone in the contact, and refuses markup and unknown fields', () => {
    const noContact = caseIntakeSchema.safeParse({ ...base, contact: { name: 'Ali Deneme' } });
    expect(noContact.error?.issues[0]?.path).toEqual(['contact', 'email']);
    expect(caseIntakeSchema.safeParse({ ...base, subject: '<b>x</b>', customerId: 'x' }).success).toBe(false);
    expect(caseIntakeSchema.safeParse({ ...base, customerId: 'x', status: 'closed' }).success).toBe(false);
  });
});

describe('web intake', () => {
  const form = { subject: 'Teslimat gecikti', name: 'Ali Deneme', email: 'ali@example.com' };

  it('takes a flat form where empty fields are absent, and maps it to the shared intake', () => {
    const parsed = webCaseSchema.parse({ ...form, phone: '', description: '', relatedOrderId: '' });
    expect(intakeOfWebCase(parsed)).toEqual({
      type: 'complaint',
      category: 'other',
      priority: 'normal',
      channel: 'web',
      subject: 'Teslimat gecikti',
      description: undefined,
      relatedOrderId: undefined,
      contact: { name: 'Ali Deneme', email: 'ali@example.com', phone: undefined, language: 'tr' },
    });
  });

  it('needs an e-mail or a phone, and refuses what the CRM sets and markup', () => {
    expect(webCaseSchema.safeParse({ ...form, email: '' }).error?.issues[0]?.path).toEqual(['email']);
    expect(webCaseSchema.safeParse({ ...form, email: '', phone: '0532 700 00 01' }).success).toBe(true);
    expect(webCaseSchema.safeParse({ ...form, priority: 'urgent' }).success).toBe(false);
    expect(webCaseSchema.safeParse({ ...form, subject: '<script>x</script>' }).success).toBe(false);
  });
});

describe('routing rules', () => {
  it('sends a category to its department', () => {
    expect(routeCase({ category: 'billing' })).toEqual({
      departmentId: 'dept-finance',
      unit: { type: 'department', id: 'dept-finance' },
      rule: 'category',
    });
    expect(routeCase({ category: 'other' }).rule).toBe('fallback');
  });

  it("sends dealer matters to the customer's preferred dealer first, then the region's dealer", () => {
    expect(routeCase({ category: 'service', preferredDealerId: 'dealer-izmir', region: 'İç Anadolu' }).unit).toEqual({
      type: 'dealer',
      id: 'dealer-izmir',
    });
    expect(routeCase({ category: 'test-drive', region: 'İç Anadolu' })).toMatchObject({
      unit: { type: 'dealer', id: 'dealer-ankara' },
      rule: 'region-dealer',
    });
    expect(routeCase({ category: 'service', region: 'Ege' })).toMatchObject({
      unit: { type: 'department', id: 'dept-dealer-relations' },
      rule: 'fallback',
    });
    // A dealer case is still overseen by a department, whose ladder escalates it.
    expect(routeCase({ category: 'service', preferredDealerId: 'dealer-izmir' }).departmentId).toBe(
      'dept-dealer-relations',
    );
  });
});

describe('SLA targets and the ladder', () => {
  it('gives A customers half the time; no segment counts as B', () => {
    expect(slaTargets('urgent', 'B')).toEqual({ firstResponse: 60, resolution: 540 });
    expect(slaTargets('urgent', 'A')).toEqual({ firstResponse: 30, resolution: 270 });
    expect(slaTargets('normal', undefined)).toEqual(slaTargets('normal', 'B'));
    expect(slaTargets('low', 'A').resolution).toBeLessThan(slaTargets('low', 'B').resolution);
  });

  it('warns, then escalates to the supervisor, then to the manager, then stops', () => {
    let sla: SlaState = {
      segment: 'B',
      targets: slaTargets('urgent', 'B'),
      clock: startClock(new Date('2026-11-30T06:00:00Z')),
      warned: [],
      escalationLevel: 0,
      escalations: { firstResponse: 0, resolution: 0 },
    };
    const steps = [];
    for (let next = nextDeadline('open', sla); next; next = nextDeadline('open', sla)) {
      steps.push(next);
      sla = takeStep(sla, next);
    }
    expect(steps).toEqual([
      { target: 'firstResponse', kind: 'warn', atMinutes: 48 },
      { target: 'firstResponse', kind: 'escalate', atMinutes: 60 },
      { target: 'firstResponse', kind: 'escalate', atMinutes: 90 },
    ]);
    expect(sla.escalationLevel).toBe(2);
    // Paused while waiting for the customer, and nothing once resolved.
    expect(nextDeadline('waiting_customer', { ...sla, escalationLevel: 0 })).toBeUndefined();
    expect(nextDeadline('resolved', { ...sla, escalationLevel: 0 })).toBeUndefined();
    expect(nextDeadline('in_progress', { ...sla, escalationLevel: 1 })).toEqual({
      target: 'resolution',
      kind: 'warn',
      atMinutes: 432,
    });
  });
});

describe('case reports', () => {
  const targets = { firstResponse: 60, resolution: 540 };
  const unit = { type: 'department' as const, id: 'dept-finance' };
  const base = { unit, departmentId: 'dept-finance', sla: { targets } };

  it('counts by unit and month opened: volume, open and closed, overdue, attainment, mean times, satisfaction', () => {
    const rows = caseReport(
      [
        {
          ...base,
          status: 'resolved',
          createdAt: '2026-11-02T07:00:00Z',
          firstResponseMinutes: 30,
          resolutionMinutes: 600,
          survey: { score: 2 },
        },
        {
          ...base,
          status: 'closed',
          createdAt: '2026-11-03T07:00:00Z',
          firstResponseMinutes: 60,
          resolutionMinutes: 300,
          survey: { score: 5 },
        },
        { ...base, status: 'open', createdAt: '2026-11-04T07:00:00Z' },
        { ...base, status: 'in_progress', createdAt: '2026-11-05T07:00:00Z', firstResponseMinutes: 61 },
        // 1 December in Istanbul, 30 November in UTC: the December row.
        { ...base, status: 'open', createdAt: '2026-11-30T21:30:00Z' },
        { ...base, unit: { type: 'dealer', id: 'dealer-ankara' }, status: 'open', createdAt: '2026-11-04T07:00:00Z' },
      ],
      (c) => c.status === 'open',
    );
    expect(rows.map((r) => [r.unitId, r.period, r.opened])).toEqual([
      ['dealer-ankara', '2026-11', 1],
      ['dept-finance', '2026-11', 4],
      ['dept-finance', '2026-12', 1],
    ]);
    expect(rows[1]).toEqual({
      unitType: 'department',
      unitId: 'dept-finance',
      departmentId: 'dept-finance',
      period: '2026-11',
      opened: 4,
      active: 2,
      resolvedOrClosed: 2,
      overdue: 1,
      firstResponse: { measured: 3, met: 2, attainmentBp: 6667, meanMinutes: 50 },
      resolution: { measured: 2, met: 1, attainmentBp: 5000, meanMinutes: 450 },
      surveys: 2,
      meanScore: 3.5,
    });
    expect(rows[2]).toMatchObject({ firstResponse: { measured: 0, met: 0 }, surveys: 0 });
    expect(rows[2]).not.toHaveProperty('meanScore');
  });
});

describe('valuable complainants', () => {
  const base = {
    unit: { type: 'department' as const, id: 'dept-finance' },
    departmentId: 'dept-finance',
    sla: { targets: { firstResponse: 60, resolution: 540 }, segment: 'A' },
  };

  it('lists A customers by complaints, counting only complaints opened while they were A', () => {
    const rows = valuableComplainants([
      { ...base, customerId: 'c1', caseType: 'complaint', status: 'open', createdAt: '2026-05-01T07:00:00Z' },
      { ...base, customerId: 'c2', caseType: 'complaint', status: 'closed', createdAt: '2026-03-01T07:00:00Z' },
      { ...base, customerId: 'c2', caseType: 'complaint', status: 'in_progress', createdAt: '2026-04-01T07:00:00Z' },
      { ...base, customerId: 'c3', caseType: 'request', status: 'open', createdAt: '2026-05-01T07:00:00Z' },
      {
        ...base,
        customerId: 'c4',
        caseType: 'complaint',
        status: 'open',
        createdAt: '2026-05-01T07:00:00Z',
        sla: { ...base.sla, segment: 'B' },
      },
    ]);
    expect(rows).toEqual([
      { customerId: 'c2', complaints: 2, active: 1, lastComplaintAt: '2026-04-01T07:00:00Z' },
      { customerId: 'c1', complaints: 1, active: 1, lastComplaintAt: '2026-05-01T07:00:00Z' },
    ]);
  });
});
