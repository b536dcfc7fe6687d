// Every SLA target by priority and segment, where the warning and each escalation fall on targets
// that do not divide evenly, the ladder's top, and a paused clock's due time.
import { describe, expect, it } from 'vitest';
import { caseStatuses } from '../../functions/complaint-escalation/domain/case-lifecycle.js';
import {
  deadlineAt,
  nextDeadline,
  runningTarget,
  type SlaState,
  slaTargets,
  takeStep,
} from '../../functions/complaint-escalation/domain/sla.js';
import { dueAt, pauseClock, resumeClock, startClock } from '../../functions/complaint-escalation/domain/sla-clock.js';
import { officeHours } from '../../shared/business-hours.js';

// Monday 2 March 2026, 09:00 Istanbul: an ordinary working day.
const opened = new Date('2026-03-02T06:00:00Z');
const state = (more: Partial<SlaState> = {}): SlaState => ({
  segment: 'B',
  targets: { firstResponse: 61, resolution: 601 },
  clock: startClock(opened),
  warned: [],
  escalationLevel: 0,
  escalations: { firstResponse: 0, resolution: 0 },
  ...more,
});

describe('SLA targets', () => {
  it('gives each priority its business minutes, halved for A customers, the same for B, C and none', () => {
    expect(slaTargets('urgent', 'C')).toEqual({ firstResponse: 60, resolution: 540 });
    expect(slaTargets('high', 'B')).toEqual({ firstResponse: 120, resolution: 1080 });
    expect(slaTargets('high', 'A')).toEqual({ firstResponse: 60, resolution: 540 });
    expect(slaTargets('normal', undefined)).toEqual({ firstResponse: 240, resolution: 1620 });
    expect(slaTargets('low', 'C')).toEqual({ firstResponse: 540, resolution: 2700 });
    expect(slaTargets('low', 'A')).toEqual({ firstResponse: 270, resolution: 1350 });
  });

  it('runs the first-response target while open, resolution while worked on, none otherwise', () => {
    expect(caseStatuses.map(runningTarget)).toEqual([
      'firstResponse',
      'resolution',
      'resolution',
      undefined,
      undefined,
      undefined,
    ]);
  });
});

describe('the escalation ladder', () => {
  it('warns at 80 % rounded down and escalates at the target, then half a target later, rounded', () => {
    expect(nextDeadline('open', state())).toEqual({ target: 'firstResponse', kind: 'warn', atMinutes: 48 });
    const warned = state({ warned: ['firstResponse'] });
    expect(nextDeadline('open', warned)).toEqual({ target: 'firstResponse', kind: 'escalate', atMinutes: 61 });
    const once = takeStep(warned, nextDeadline('open', warned)!);
    expect(once).toMatchObject({ escalationLevel: 1, escalations: { firstResponse: 1, resolution: 0 } });
    // 61 × 1.5 = 91.5: the second escalation falls at 92.
    expect(nextDeadline('open', once)).toEqual({ target: 'firstResponse', kind: 'escalate', atMinutes: 92 });
    // The resolution target has its own warning and count, whatever the first response did.
    expect(nextDeadline('acknowledged', once)).toEqual({ target: 'resolution', kind: 'warn', atMinutes: 480 });
    const both = state({ warned: ['firstResponse', 'resolution'], escalationLevel: 1 });
    expect(nextDeadline('in_progress', both)).toEqual({ target: 'resolution', kind: 'escalate', atMinutes: 601 });
  });

  it('stops at the manager, never beyond', () => {
    const top = state({
      warned: ['firstResponse'],
      escalationLevel: 2,
      escalations: { firstResponse: 2, resolution: 0 },
    });
    expect(nextDeadline('open', top)).toBeUndefined();
    const taken = takeStep(top, { target: 'firstResponse', kind: 'escalate', atMinutes: 92 });
    expect(taken).toMatchObject({ escalationLevel: 2, escalations: { firstResponse: 3, resolution: 0 } });
    // A warning changes no level.
    expect(takeStep(state(), { target: 'resolution', kind: 'warn', atMinutes: 480 })).toMatchObject({
      warned: ['resolution'],
      escalationLevel: 0,
    });
  });

  it('falls due in business time from the clock, and not while it is paused', () => {
    const warn = nextDeadline('open', state())!;
    expect(deadlineAt(warn, state(), officeHours)?.toISOString()).toBe('2026-03-02T06:48:00.000Z');
    expect(deadlineAt(warn, state({ clock: { bankedMinutes: 10 } }), officeHours)).toBeUndefined();
  });
});

describe('the SLA clock', () => {
  it('keeps a paused clock paused and a running one running', () => {
    const paused = pauseClock(startClock(opened), new Date('2026-03-02T07:00:00Z'), officeHours);
    expect(paused).toEqual({ bankedMinutes: 60 });
    expect(pauseClock(paused, new Date('2026-03-03T07:00:00Z'), officeHours)).toBe(paused);
    const running = resumeClock(paused, new Date('2026-03-03T06:00:00Z'));
    expect(running).toEqual({ bankedMinutes: 60, runningSince: '2026-03-03T06:00:00.000Z' });
    expect(resumeClock(running, new Date('2026-03-04T06:00:00Z'))).toBe(running);
  });

  it('is due at once when the banked minutes already pass the target', () => {
    const resumed = { bankedMinutes: 90, runningSince: '2026-03-03T06:00:00.000Z' };
    expect(dueAt(resumed, 60, officeHours)?.toISOString()).toBe('2026-03-03T06:00:00.000Z');
    expect(dueAt(resumed, 100, officeHours)?.toISOString()).toBe('2026-03-03T06:10:00.000Z');
  });
});
