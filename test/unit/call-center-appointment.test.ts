// When a test drive or service appointment may be booked: in the future and while the dealer is open,
// both sides of each boundary (opening is in, closing is out; a half-day eve closes at 13:00; a
// public holiday is closed all day), and only for the kinds booked at a time.
import { describe, expect, it } from 'vitest';
import { appointmentProblems, hoursInWords } from '../../functions/call-center/domain/appointment.js';
import { createRequestSchema } from '../../functions/call-center/domain/request-input.js';
import { officeHours, type WorkingHours } from '../../shared/business-hours.js';
import { validate } from '../../shared/http.js';

const now = new Date('2026-02-27T12:00:00Z');
/** Istanbul is UTC+3 all year: 09:00 there is 06:00Z. */
const at = (istanbul: string) => new Date(`${istanbul}+03:00`);

describe('an appointment inside the dealer’s hours', () => {
  it('is bookable exactly at opening and a minute before closing; refused a minute before opening and at closing', () => {
    // Monday 2 March 2026, office hours 09:00–18:00.
    expect(appointmentProblems(at('2026-03-02T09:00:00'), officeHours, now)).toEqual([]);
    expect(appointmentProblems(at('2026-03-02T17:59:00'), officeHours, now)).toEqual([]);
    for (const outside of ['2026-03-02T08:59:00', '2026-03-02T18:00:00']) {
      expect(appointmentProblems(at(outside), officeHours, now)).toEqual([
        {
          path: 'appointmentAt',
          message: {
            en: "Outside the dealer's working hours (Mon–Fri 09:00–18:00, Istanbul time).",
            tr: 'Bayinin çalışma saatleri dışında (Pzt–Cum 09:00–18:00, İstanbul saati).',
          },
        },
      ]);
    }
  });

  it('follows the dealer’s own hours: a Saturday morning is open for a dealer that works it', () => {
    const dealer: WorkingHours = { days: { ...officeHours.days, 6: { from: '10:00', to: '14:00' } } };
    expect(appointmentProblems(at('2026-03-07T10:00:00'), dealer, now)).toEqual([]);
    expect(appointmentProblems(at('2026-03-07T10:00:00'), officeHours, now)).toMatchObject([{ path: 'appointmentAt' }]);
    expect(appointmentProblems(at('2026-03-07T14:00:00'), dealer, now)).toMatchObject([{ path: 'appointmentAt' }]);
    expect(hoursInWords(dealer, 'en')).toBe('Mon–Fri 09:00–18:00, Sat 10:00–14:00');
  });

  it('closes a public holiday all day and a half-day eve at 13:00, saying so', () => {
    // Ramazan Bayramı 2026: 20–22 March, its eve 19 March open until 13:00.
    expect(appointmentProblems(at('2026-03-19T12:59:00'), officeHours, now)).toEqual([]);
    const eve = appointmentProblems(at('2026-03-19T13:00:00'), officeHours, now);
    expect(eve[0]?.message).toMatchObject({ en: expect.stringContaining('half-day eve: open until 13:00') });
    const holiday = appointmentProblems(at('2026-03-20T10:00:00'), officeHours, now);
    expect(holiday[0]?.message).toMatchObject({ tr: expect.stringContaining('resmî tatil') });
  });

  it('is in the future: now itself is refused, a minute later (in hours) is not', () => {
    const open = at('2026-03-02T10:00:00');
    expect(appointmentProblems(open, officeHours, open)).toEqual([
      { path: 'appointmentAt', message: { en: 'A time in the future.', tr: 'Gelecekte bir zaman olmalı.' } },
    ]);
    expect(appointmentProblems(open, officeHours, new Date(open.getTime() - 60_000))).toEqual([]);
  });
});

describe('the request schema’s appointment', () => {
  it('takes a time for a test drive, service or appraisal, and refuses one on a quote request by name', () => {
    const body = { kind: 'test-drive', channel: 'phone', appointmentAt: '2026-03-02T10:00:00+03:00' };
    expect(validate(createRequestSchema, body)).toMatchObject({ appointmentAt: '2026-03-02T10:00:00+03:00' });
    expect(() => validate(createRequestSchema, { ...body, kind: 'quote', details: { sku: 'FORK-2T' } })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: 'appointmentAt' })] }),
    );
    expect(() => validate(createRequestSchema, { ...body, appointmentAt: 'tomorrow 10' })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: 'appointmentAt' })] }),
    );
  });
});
