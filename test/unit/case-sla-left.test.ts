// Business minutes left on a case's running SLA target: what the console's "near breach" count reads.
import { describe, expect, it } from 'vitest';
import { minutesLeft, type SlaState, slaTargets } from '../../functions/complaint-escalation/domain/sla.js';
import { startClock } from '../../functions/complaint-escalation/domain/sla-clock.js';
import { officeHours } from '../../shared/business-hours.js';

// Monday 2 March 2026, 09:00 Istanbul (06:00 UTC): an ordinary working day.
const opened = new Date('2026-03-02T06:00:00Z');
const sla: SlaState = {
  segment: 'B',
  targets: slaTargets('high', 'B'),
  clock: startClock(opened),
  warned: [],
  escalationLevel: 0,
  escalations: { firstResponse: 0, resolution: 0 },
};

describe('minutes left on the running SLA target', () => {
  it('counts business minutes only, down past zero once the target is missed', () => {
    const { firstResponse } = sla.targets;
    expect(minutesLeft('open', sla, new Date('2026-03-02T07:00:00Z'), officeHours)).toBe(firstResponse - 60);
    // 18:00 Monday to 09:30 Tuesday is 30 business minutes: the night does not count.
    const monday1730 = new Date('2026-03-02T14:30:00Z');
    const tuesday0930 = new Date('2026-03-03T06:30:00Z');
    expect(
      minutesLeft('open', sla, tuesday0930, officeHours)! - minutesLeft('open', sla, monday1730, officeHours)!,
    ).toBe(-60);
    expect(minutesLeft('open', sla, new Date(opened.getTime() + (firstResponse + 15) * 60_000), officeHours)).toBe(-15);
  });

  it('runs the resolution target once acknowledged, and has none while the clock stands', () => {
    expect(minutesLeft('in_progress', sla, new Date('2026-03-02T07:00:00Z'), officeHours)).toBe(
      sla.targets.resolution - 60,
    );
    expect(minutesLeft('waiting_customer', sla, new Date('2026-03-02T07:00:00Z'), officeHours)).toBeUndefined();
    expect(minutesLeft('resolved', sla, new Date('2026-03-02T07:00:00Z'), officeHours)).toBeUndefined();
    expect(
      minutesLeft('open', { ...sla, clock: { bankedMinutes: 30 } }, new Date('2026-03-02T07:00:00Z'), officeHours),
    ).toBeUndefined();
  });
});
