// The edges of business time: the minute a department opens and closes, a half-day eve that ends
// before or exactly when a department opens, the 731-day walk limit, and `isOpenAt` agreeing minute by
// minute with the walk the SLA deadlines use.
import { describe, expect, it } from 'vitest';
import {
  addBusinessMinutes,
  businessMinutesBetween,
  dayKind,
  holidayCalendar,
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
const weekdays = (from: string, to: string): WorkingHours => ({
  days: Object.fromEntries([1, 2, 3, 4, 5].map((d) => [d, { from, to }])),
});
const afternoons = weekdays('14:00', '18:00');

describe('the 2026 holiday calendar', () => {
  it('holds exactly the closed days and half-day eves of the official calendar, none of a neighbour year', () => {
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
