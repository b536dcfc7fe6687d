// The weeks either side of an agenda's week, which the console pages by: across a year's end, and
// out of a 53-week year.
import { describe, expect, it } from 'vitest';
import { adjacentWeeks } from '../../functions/activities/domain/week.js';

describe('the weeks either side of a week', () => {
  it('steps one ISO week back and forward, across the turn of a year', () => {
    expect(adjacentWeeks('2026-W03')).toEqual({ previous: '2026-W02', next: '2026-W04' });
    expect(adjacentWeeks('2026-W01')).toEqual({ previous: '2025-W52', next: '2026-W02' });
  });

  it('a 53-week year has its week 53 before week 1 of the next', () => {
    expect(adjacentWeeks('2026-W53')).toEqual({ previous: '2026-W52', next: '2027-W01' });
    expect(adjacentWeeks('2027-W01').previous).toBe('2026-W53');
  });
});
