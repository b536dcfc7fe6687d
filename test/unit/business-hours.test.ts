import { describe, expect, it, vi } from 'vitest';
import {
  dueAt,
  elapsedMinutes,
  pauseClock,
  resumeClock,
  startClock,
} from '../../functions/complaint-escalation/domain/sla-clock.js';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  dayKind,
  isOpenAt,
  MAX_DAYS_WALKED,
  NoBusinessHoursError,
  officeHours,
  type WalkMeter,
  type WorkingHours,
} from '../../shared/business-hours.js';

/** An Istanbul wall-clock time as an instant. */
const ist = (local: string) => new Date(`${local}:00+03:00`);
const add = (start: string, minutes: number, hours: WorkingHours = officeHours) =>
  addBusinessMinutes(ist(start), minutes, hours).toISOString();
const between = (a: string, b: string, hours: WorkingHours = officeHours) =>
  businessMinutesBetween(ist(a), ist(b), hours);

describe('Turkish holidays, civil-time boundaries (official calendar)', () => {
  it('closes Ramazan Bayramı 2026 on 20–22 March, with the 19th a half-day eve and the 23rd an ordinary day', () => {
    expect(dayKind('2026-03-18')).toBeUndefined();
    expect(dayKind('2026-03-19')).toBe('eve');
    expect(['2026-03-20', '2026-03-21', '2026-03-22'].map(dayKind)).toEqual(['holiday', 'holiday', 'holiday']);
    expect(dayKind('2026-03-23')).toBeUndefined();
  });

  it('closes Kurban Bayramı 2026 on 27–30 May with the 26th a half-day eve', () => {
    expect(dayKind('2026-05-26')).toBe('eve');
    expect(['2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30'].map(dayKind)).toEqual(Array(4).fill('holiday'));
    expect(dayKind('2026-05-31')).toBeUndefined();
  });

  it('closes 29 October with 28 October a half day, and 1 May with no eve', () => {
    expect(dayKind('2026-10-28')).toBe('eve');
    expect(dayKind('2026-10-29')).toBe('holiday');
    expect(dayKind('2026-04-30')).toBeUndefined();
    expect(dayKind('2026-05-01')).toBe('holiday');
  });
});

describe('addBusinessMinutes', () => {
  it('counts within a day and carries an evening over to the next morning', () => {
    expect(add('2026-11-30T09:00', 90)).toBe(ist('2026-11-30T10:30').toISOString());
    expect(add('2026-11-30T17:30', 60)).toBe(ist('2026-12-01T09:30').toISOString());
    // Started after closing: the count begins at the next opening.
    expect(add('2026-11-30T20:00', 30)).toBe(ist('2026-12-01T09:30').toISOString());
    expect(add('2026-11-30T17:59', 1)).toBe(ist('2026-11-30T18:00').toISOString());
  });

  it('skips the weekend', () => {
    expect(add('2026-11-27T17:00', 120)).toBe(ist('2026-11-30T10:00').toISOString());
    expect(add('2026-11-28T11:00', 10)).toBe(ist('2026-11-30T09:10').toISOString());
  });

  it('skips 1 May (a Friday in 2026) and the weekend after it', () => {
    expect(add('2026-04-30T17:00', 120)).toBe(ist('2026-05-04T10:00').toISOString());
  });

  it('stops at 13:00 on 28 October and skips 29 October', () => {
    expect(add('2026-10-28T12:00', 59)).toBe(ist('2026-10-28T12:59').toISOString());
    expect(add('2026-10-28T12:00', 120)).toBe(ist('2026-10-30T10:00').toISOString());
    expect(add('2026-10-28T14:00', 1)).toBe(ist('2026-10-30T09:01').toISOString());
  });

  it('stops at 13:00 on the Ramazan Bayramı eve and resumes on Monday 23 March at 09:00', () => {
    expect(add('2026-03-19T12:30', 30)).toBe(ist('2026-03-19T13:00').toISOString());
    expect(add('2026-03-19T12:30', 60)).toBe(ist('2026-03-23T09:30').toISOString());
  });

  it("follows a department's own week (Saturday mornings open)", () => {
    const service: WorkingHours = { days: { ...officeHours.days, 6: { from: '09:00', to: '13:00' } } };
    expect(add('2026-11-27T17:00', 120, service)).toBe(ist('2026-11-28T10:00').toISOString());
  });
});

describe('businessMinutesBetween', () => {
  it('counts only open minutes, and nothing backwards', () => {
    expect(between('2026-11-30T08:00', '2026-11-30T10:00')).toBe(60);
    expect(between('2026-11-27T17:00', '2026-11-30T10:00')).toBe(120);
    expect(between('2026-11-30T10:00', '2026-11-30T09:00')).toBe(0);
  });

  it('agrees with addBusinessMinutes across holidays and eves', () => {
    expect(between('2026-03-19T09:00', '2026-03-23T10:00')).toBe(4 * 60 + 60);
    expect(between('2026-10-27T09:00', '2026-10-30T09:00')).toBe(9 * 60 + 4 * 60);
    expect(between('2026-04-30T17:00', '2026-05-04T10:00')).toBe(120);
  });
});

describe('the cost of a walk', () => {
  it('walks one step per calendar day it spans, not per minute', () => {
    const meter: WalkMeter = { days: 0 };
    addBusinessMinutes(ist('2026-03-16T09:00'), 5 * 9 * 60, officeHours, meter);
    // Five working days from Monday 16 March end on Tuesday 24 March (the eve half, three holidays, a weekend): 9 days.
    expect(meter.days).toBe(9);
    const back: WalkMeter = { days: 0 };
    businessMinutesBetween(ist('2026-01-01T00:00'), ist('2027-01-01T00:00'), officeHours, back);
    expect(back.days).toBe(365);
  });

  it('refuses working hours that never open instead of looping', () => {
    expect(() => addBusinessMinutes(ist('2026-11-30T09:00'), 1, { days: {} })).toThrow(NoBusinessHoursError);
    expect(MAX_DAYS_WALKED).toBeLessThan(1000);
  });
});

describe('a paused SLA clock', () => {
  it('banks the minutes run before the pause and counts on from the resume', () => {
    const started = startClock(ist('2026-11-30T09:00'));
    expect(dueAt(started, 240, officeHours)?.toISOString()).toBe(ist('2026-11-30T13:00').toISOString());
    const paused = pauseClock(started, ist('2026-11-30T10:00'), officeHours);
    expect(paused).toEqual({ bankedMinutes: 60 });
    expect(dueAt(paused, 240, officeHours)).toBeUndefined();
    // Time while paused does not count, however long.
    expect(elapsedMinutes(paused, ist('2026-12-03T12:00'), officeHours)).toBe(60);
    const resumed = resumeClock(paused, ist('2026-12-03T17:00'));
    expect(dueAt(resumed, 240, officeHours)?.toISOString()).toBe(ist('2026-12-04T11:00').toISOString());
    expect(elapsedMinutes(resumed, ist('2026-12-04T09:30'), officeHours)).toBe(60 + 60 + 30);
  });
});

const weekdays = (from: string, to: string): WorkingHours => ({
  days: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, { from, to }])),
});
const afternoons = weekdays('14:00', '18:00');

describe('the 2026 holiday calendar', () => {
  it('holds exactly the closed days and half-day eves of the official calendar, none of a neighbour year', async () => {
    // A module of its own: the calendar is cached per year, and this test checks how it is computed.
    vi.resetModules();
    const { dayKind, holidayCalendar } = await import('../../shared/business-hours.js');
    const holiday = (...days: string[]) => days.map((day) => [day, 'holiday']);
    expect(Object.fromEntries(holidayCalendar(2026))).toEqual(
      Object.fromEntries([
        ...holiday('2026-01-01'),
        ['2026-03-19', 'eve'],
        ...holiday('2026-03-20', '2026-03-21', '2026-03-22', '2026-04-23', '2026-05-01', '2026-05-19'),
        ['2026-05-26', 'eve'],
        ...holiday('2026-05-27', '2026-05-28', '2026-05-29', '2026-05-30', '2026-07-15', '2026-08-30'),
        ['2026-10-28', 'eve'],
        ...holiday('2026-10-29'),
      ]),
    );
    // 1 January 2027 starts at 2026-12-31T21:00Z: it belongs to 2027's calendar only.
    expect(dayKind('2026-12-31')).toBeUndefined();
    expect(dayKind('2027-01-01')).toBe('holiday');
    // Ramazan Bayramı 2033 starts at sunset on 1 January: its eve is New Year's Day, which stays a holiday.
    expect(['2033-01-01', '2033-01-02', '2033-01-03', '2033-01-04', '2033-01-05'].map(dayKind)).toEqual([
      'holiday',
      'holiday',
      'holiday',
      'holiday',
      undefined,
    ]);
    expect(dayKind('2032-12-31')).toBeUndefined();
  });

  it('refuses a year it has no table for, naming the year and the fix', () => {
    expect(() => dayKind('2017-06-01')).toThrow(
      new Error(
        'No Turkish holiday table for 2016: extend the years in infra/holiday-table.ts and run npm run holidays.',
      ),
    );
  });
});

describe('opening and closing to the minute', () => {
  it('starts at the opening and ends at the closing, never beyond', () => {
    expect(add('2026-11-30T09:00', 0)).toBe(ist('2026-11-30T09:00').toISOString());
    // At the closing minute nothing is left of the day: zero minutes is the next opening.
    expect(add('2026-11-30T18:00', 0)).toBe(ist('2026-12-01T09:00').toISOString());
    expect(add('2026-11-30T17:59', 2)).toBe(ist('2026-12-01T09:01').toISOString());
  });

  it('keeps a department that opens after the eve’s 13:00 closed all that day', () => {
    // 28 October 2026 is a Wednesday eve and 29 October a holiday: the afternoon desk next opens on the 30th.
    expect(add('2026-10-28T09:00', 30, afternoons)).toBe(ist('2026-10-30T14:30').toISOString());
    expect(add('2026-10-28T12:00', 0, weekdays('13:00', '18:00'))).toBe(ist('2026-10-30T13:00').toISOString());
    expect(businessMinutesBetween(ist('2026-10-28T00:00'), ist('2026-10-31T00:00'), afternoons)).toBe(240);
    // Opening before 13:00, it works the eve's morning only.
    expect(businessMinutesBetween(ist('2026-10-28T00:00'), ist('2026-10-29T00:00'), weekdays('12:00', '18:00'))).toBe(
      60,
    );
  });

  it('counts nothing after the closing of the day it starts in, and whole minutes only', () => {
    expect(businessMinutesBetween(ist('2026-11-30T19:00'), ist('2026-12-01T10:00'), officeHours)).toBe(60);
    expect(businessMinutesBetween(new Date('2026-11-30T09:00:30+03:00'), ist('2026-11-30T09:02'), officeHours)).toBe(1);
    expect(businessMinutesBetween(ist('2026-11-30T09:00'), ist('2026-11-30T09:00'), officeHours)).toBe(0);
  });

  it('walks at most MAX_DAYS_WALKED days for working hours that never open, and says why it stopped', () => {
    const meter: WalkMeter = { days: 0 };
    expect(() => addBusinessMinutes(ist('2026-11-30T09:00'), 1, { days: {} }, meter)).toThrow(
      new NoBusinessHoursError(),
    );
    expect(meter.days).toBe(MAX_DAYS_WALKED);
    expect(new NoBusinessHoursError().message).toBe(
      `No business hours within ${MAX_DAYS_WALKED} days: the working hours open on no day.`,
    );
  });
});

describe('isOpenAt', () => {
  it('is open from the opening minute up to, not at, the closing minute', () => {
    expect(isOpenAt(ist('2026-11-30T08:59'), officeHours)).toBe(false);
    expect(isOpenAt(ist('2026-11-30T09:00'), officeHours)).toBe(true);
    expect(isOpenAt(ist('2026-11-30T17:59'), officeHours)).toBe(true);
    expect(isOpenAt(ist('2026-11-30T18:00'), officeHours)).toBe(false);
  });

  it('reads the weekday in Istanbul, Sunday included', () => {
    const sundays: WorkingHours = { days: { 7: { from: '10:00', to: '12:00' } } };
    expect(isOpenAt(ist('2026-11-29T11:00'), sundays)).toBe(true);
    expect(isOpenAt(ist('2026-11-29T11:00'), officeHours)).toBe(false);
    expect(isOpenAt(ist('2026-11-30T11:00'), sundays)).toBe(false);
    // 00:30 on Tuesday in Istanbul is still Monday in UTC.
    const tuesdayNights: WorkingHours = { days: { 2: { from: '00:00', to: '01:00' } } };
    expect(isOpenAt(ist('2026-12-01T00:30'), tuesdayNights)).toBe(true);
    expect(isOpenAt(ist('2026-11-30T00:30'), tuesdayNights)).toBe(false);
  });

  it('closes a half-day eve at 13:00, or earlier when the department closes earlier, and a holiday all day', () => {
    expect(isOpenAt(ist('2026-10-28T12:59'), officeHours)).toBe(true);
    expect(isOpenAt(ist('2026-10-28T13:00'), officeHours)).toBe(false);
    const mornings = weekdays('09:00', '12:30');
    expect(isOpenAt(ist('2026-10-28T12:29'), mornings)).toBe(true);
    expect(isOpenAt(ist('2026-10-28T12:45'), mornings)).toBe(false);
    expect(isOpenAt(ist('2026-10-29T10:00'), officeHours)).toBe(false);
  });

  it('agrees minute by minute with the walk the SLA deadlines use', () => {
    const service: WorkingHours = { days: { ...weekdays('08:30', '12:30').days, 6: { from: '10:00', to: '14:00' } } };
    for (const hours of [officeHours, afternoons, service]) {
      // From the Tuesday before the 28 October eve to the Sunday after, every quarter hour.
      for (let t = ist('2026-10-27T00:00').getTime(); t < ist('2026-11-02T00:00').getTime(); t += 15 * 60_000) {
        const instant = new Date(t);
        const open = businessMinutesBetween(instant, new Date(t + 60_000), hours) === 1;
        expect(isOpenAt(instant, hours), instant.toISOString()).toBe(open);
      }
    }
  });
});
