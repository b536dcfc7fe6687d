import { describe, expect, it } from 'vitest';
import * as z from '../../shared/schema.js';
import { rangeFromSchema, rangeInOrder, rangeToSchema, timeRangeQuery } from '../../shared/time.js';

describe('list date filters', () => {
  it('reads a date as the whole Istanbul day, UTC+3', () => {
    expect(rangeFromSchema.parse('2026-11-29')).toBe('2026-11-28T21:00:00.000Z');
    expect(rangeToSchema.parse('2026-11-29')).toBe('2026-11-29T20:59:59.999Z');
    expect(rangeToSchema.parse('2026-12-31')).toBe('2026-12-31T20:59:59.999Z');
  });

  it('takes an instant as it is, in UTC or with an offset, as ISO UTC with milliseconds', () => {
    expect(rangeFromSchema.parse('2026-11-29T09:30:00Z')).toBe('2026-11-29T09:30:00.000Z');
    expect(rangeToSchema.parse('2026-11-29T09:30:00Z')).toBe('2026-11-29T09:30:00.000Z');
    expect(rangeFromSchema.parse('2026-11-29T00:00:00+03:00')).toBe('2026-11-28T21:00:00.000Z');
  });

  it.each(['yesterday', '2026-02-30', '2026-11-29T25:00:00Z', '2026-11-29T09:30:00', '29.11.2026', ''])(
    'refuses %j',
    (value) => {
      expect(rangeFromSchema.safeParse(value).success).toBe(false);
      expect(rangeToSchema.safeParse(value).success).toBe(false);
    },
  );

  it('refuses a range that ends before it starts, naming from; one day is a range', () => {
    const query = z.strictObject(timeRangeQuery).check(rangeInOrder);
    expect(query.safeParse({ from: '2026-11-29', to: '2026-11-29' }).success).toBe(true);
    expect(query.safeParse({ from: '2026-11-30', to: '2026-11-29' }).error?.issues.map((i) => i.path)).toEqual([
      ['from'],
    ]);
    expect(
      query.safeParse({ from: '2026-11-29T21:00:00Z', to: '2026-11-29' }).error?.issues.map((i) => i.path),
    ).toEqual([['from']]);
  });
});
