import { describe, expect, it } from 'vitest';
import { capPeriod } from '../../shared/mail.js';

describe('frequency cap periods', () => {
  it('puts every instant of one period in the same bucket, counted in Istanbul days', () => {
    // 7-day periods from 1970-01-01 (a Thursday): 2026-11-26 is the first day of one.
    const start = capPeriod(new Date('2026-11-25T21:00:00Z'), 7); // 00:00 on the 26th in Istanbul
    expect(start.start).toBe('2026-11-26');
    expect(capPeriod(new Date('2026-12-02T20:59:59Z'), 7).start).toBe('2026-11-26'); // 23:59:59 on 2 Dec in Istanbul
    expect(start.end.toISOString()).toBe('2026-12-03T00:00:00.000Z');
  });

  it('moves to the next bucket at Istanbul midnight, not UTC midnight', () => {
    expect(capPeriod(new Date('2026-11-25T20:59:59Z'), 7).start).toBe('2026-11-19');
    expect(capPeriod(new Date('2026-12-02T21:00:00Z'), 7).start).toBe('2026-12-03');
  });

  it('makes a one-day period each Istanbul day', () => {
    expect(capPeriod(new Date('2026-03-20T22:30:00Z'), 1).start).toBe('2026-03-21');
  });
});
