// A customer's own ordering rhythm: its median gap over an even number of gaps, unsorted and repeated
// order days, the weekly minimum and the tolerance, each at its boundary.
import { describe, expect, it } from 'vitest';
import { addDays } from '../../functions/agreements/domain/agreement.js';
import { learnRhythm, MIN_PERIOD_DAYS } from '../../functions/agreements/domain/regular-orders.js';

/** Order days from a first day and the gaps after it. */
const ordered = (first: string, gaps: number[]) => {
  const days = [first];
  for (const gap of gaps) days.push(addDays(days[days.length - 1]!, gap));
  return days;
};

describe('learnRhythm', () => {
  it('takes the middle two gaps’ mean, rounded, when the gaps are even in number', () => {
    // gaps 28, 30, 32, 34: the median is (30 + 32) / 2 = 31
    const rhythm = learnRhythm(ordered('2026-01-05', [28, 30, 32, 34]));
    expect(rhythm?.periodDays).toBe(31);
    expect(rhythm?.lastOn).toBe('2026-05-09');
    expect(rhythm?.expectedOn).toBe('2026-06-09');
    // slack: a quarter of 31, rounded, is 8 days
    expect(rhythm?.graceUntil).toBe('2026-06-17');
  });

  it('sorts the days and counts a day ordered twice once', () => {
    const days = ordered('2026-01-05', [30, 30, 30]);
    expect(learnRhythm([days[2]!, days[0]!, days[3]!, days[1]!, days[1]!])).toEqual(learnRhythm(days));
    expect(learnRhythm([days[0]!, days[1]!, days[2]!, days[2]!])).toBeUndefined();
  });

  it('believes a weekly rhythm, not a shorter one', () => {
    expect(learnRhythm(ordered('2026-01-05', [7, 7, 7]))?.periodDays).toBe(MIN_PERIOD_DAYS);
    expect(learnRhythm(ordered('2026-01-05', [6, 6, 6]))).toBeUndefined();
  });

  it('keeps a gap off by exactly the tolerance in the rhythm, one day more breaks it', () => {
    // period 30: the tolerance is a quarter of it, rounded: 8 days
    expect(learnRhythm(ordered('2026-01-05', [30, 30, 38]))?.periodDays).toBe(30);
    expect(learnRhythm(ordered('2026-01-05', [30, 30, 39]))).toBeUndefined();
  });
});
