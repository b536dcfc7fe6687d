// Istanbul calendar time at its edges: the minute a UTC instant becomes the next Istanbul day, the
// first and last instant of a day, the field a bad date is reported under, and months in a range.
import { describe, expect, it } from 'vitest';
import * as z from '../../shared/schema.js';
import {
  dateProblem,
  endOfIstanbulDay,
  istanbulDate,
  istanbulDateTime,
  istanbulInstant,
  istanbulMonth,
  lastInstantOfIstanbulDay,
  monthsBetween,
  parseIsoDate,
  rangeInOrder,
  startOfIstanbulDay,
  timeRangeQuery,
} from '../../shared/time.js';
import { issuesOf, messagesOf, refusal } from '../support/refusals.js';

const notADate = ['Not a date like 2025-01-31.', '2025-01-31 gibi bir tarih değil.'];

describe('Istanbul days', () => {
  it('turns to the next day at 21:00 UTC, not before', () => {
    expect(istanbulDate(new Date('2026-11-29T20:59:59.999Z'))).toBe('2026-11-29');
    expect(istanbulDate(new Date('2026-11-29T21:00:00.000Z'))).toBe('2026-11-30');
    expect(istanbulMonth('2026-11-30T20:59:59.999Z')).toBe('2026-11');
    expect(istanbulMonth('2026-11-30T21:00:00.000Z')).toBe('2026-12');
  });

  it('gives the first, the last and the one-after instants of a day', () => {
    expect(startOfIstanbulDay('2026-03-01')).toBe('2026-02-28T21:00:00.000Z');
    expect(lastInstantOfIstanbulDay('2026-02-28')).toBe('2026-02-28T20:59:59.999Z');
    expect(endOfIstanbulDay('2026-02-28')).toBe('2026-02-28T21:00:00.000Z');
    expect(endOfIstanbulDay('2026-12-31')).toBe('2026-12-31T21:00:00.000Z');
  });

  it('writes an instant as Istanbul reads it, in Turkish and English', () => {
    expect(istanbulInstant('2026-03-09T06:55:30.123Z')).toBe('2026-03-09T09:55+03:00');
    expect(istanbulInstant('2026-03-09T21:05:00Z')).toBe('2026-03-10T00:05+03:00');
    expect(istanbulDateTime('2026-01-18T11:30:00Z', 'tr')).toBe('18.01.2026 14:30');
    expect(istanbulDateTime('2026-01-18T11:30:00Z', 'en')).toBe('18/01/2026, 14:30');
  });
});

describe('a date a caller writes', () => {
  it('is a real calendar date, refused under the field it came in', () => {
    expect(dateProblem('2024-02-29', 'dueDate')).toBeUndefined();
    expect(dateProblem('2025-02-29', 'dueDate')).toEqual({
      path: 'dueDate',
      message: { en: notADate[0], tr: notADate[1] },
    });
    expect(parseIsoDate('2024-02-29').toISOString()).toBe('2024-02-29T00:00:00.000Z');
    expect(refusal(() => parseIsoDate('2025-13-01'))).toMatchObject({
      status: 400,
      code: 'validation-failed',
      errors: [['date', ...notADate]],
    });
    expect(refusal(() => endOfIstanbulDay('31.01.2025', 'validUntil')).errors).toEqual([['validUntil', ...notADate]]);
    expect(refusal(() => startOfIstanbulDay('2025-01-32', 'from')).errors).toEqual([['from', ...notADate]]);
    expect(refusal(() => lastInstantOfIstanbulDay('', 'to')).errors).toEqual([['to', ...notADate]]);
    for (const run of [startOfIstanbulDay, endOfIstanbulDay, lastInstantOfIstanbulDay]) {
      expect(refusal(() => run('x')).errors).toEqual([['date', ...notADate]]);
    }
  });

  it('bounds a range in order, or names from when it runs backwards', () => {
    const query = z.strictObject(timeRangeQuery).check(rangeInOrder);
    expect(issuesOf(query, {})).toEqual([]);
    expect(issuesOf(query, { from: '2026-11-30' })).toEqual([]);
    expect(issuesOf(query, { to: '2026-11-29' })).toEqual([]);
    expect(issuesOf(query, { from: '2026-11-29T20:59:59.999Z', to: '2026-11-29' })).toEqual([]);
    expect(issuesOf(query, { from: '2026-11-29T21:00:00Z', to: '2026-11-29' })).toEqual([['from', 'custom']]);
    expect(messagesOf(query, { from: 'yesterday' })).toEqual([
      ['from', 'Not a date like 2026-11-29 or an instant like 2026-11-29T09:30:00Z.'],
    ]);
    expect(messagesOf(query, { to: '29.11.2026' }, 'tr')).toEqual([
      ['to', '2026-11-29 gibi bir tarih veya 2026-11-29T09:30:00Z gibi bir an değil.'],
    ]);
  });
});

describe('monthsBetween', () => {
  it('lists the Istanbul months from the one `from` falls in to the one `to` falls in', () => {
    expect(monthsBetween('2026-11-15T10:00:00Z', '2027-02-01T00:00:00Z')).toEqual([
      '2026-11',
      '2026-12',
      '2027-01',
      '2027-02',
    ]);
    // 31 January 22:00 UTC is already February in Istanbul.
    expect(monthsBetween('2026-01-31T22:00:00Z', '2026-03-31T20:59:59Z')).toEqual(['2026-02', '2026-03']);
    expect(monthsBetween('2026-05-01T00:00:00Z', '2026-05-31T00:00:00Z')).toEqual(['2026-05']);
    expect(monthsBetween('2026-06-01T00:00:00Z', '2026-05-01T00:00:00Z')).toEqual([]);
  });
});
