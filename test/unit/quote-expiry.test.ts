import { describe, expect, it } from 'vitest';
import { expiresAt, isExpired } from '../../functions/quote-approval/domain/quote-expiry.js';
import { ValidationError } from '../../shared/problems.js';
import { istanbulDate } from '../../shared/time.js';
import { refusal } from '../support/refusals.js';

describe('quote expiry', () => {
  it('expires at the next midnight in Istanbul', () => {
    expect(expiresAt('2025-03-31')).toBe('2025-03-31T21:00:00.000Z');
    expect(expiresAt('2024-12-31')).toBe('2024-12-31T21:00:00.000Z');
    expect(expiresAt('2024-02-29')).toBe('2024-02-29T21:00:00.000Z');
  });

  it('is valid through the last millisecond of the day, Istanbul time', () => {
    expect(isExpired('2025-03-31', new Date('2025-03-31T23:59:59.999+03:00'))).toBe(false);
    expect(isExpired('2025-03-31', new Date('2025-03-31T20:59:59.999Z'))).toBe(false);
    expect(isExpired('2025-03-31', new Date('2025-04-01T00:00:00.000+03:00'))).toBe(true);
    // 22:00 UTC on the 31st is already April 1st in Istanbul.
    expect(isExpired('2025-03-31', new Date('2025-03-31T22:00:00Z'))).toBe(true);
    expect(isExpired('2025-03-31', new Date('2025-03-01T09:00:00Z'))).toBe(false);
  });

  it('refuses anything but a calendar date', () => {
    for (const bad of ['2025-02-29', '31.03.2025', '2025-03-31T00:00:00Z', '']) {
      expect(() => expiresAt(bad), bad).toThrow(ValidationError);
    }
    // The refusal names the quote's field, not a generic date.
    expect(refusal(() => expiresAt('2025-02-29')).errors.map(([path]) => path)).toEqual(['validUntil']);
  });

  it('knows the Istanbul date of an instant', () => {
    expect(istanbulDate(new Date('2025-03-31T20:59:59Z'))).toBe('2025-03-31');
    expect(istanbulDate(new Date('2025-03-31T21:00:00Z'))).toBe('2025-04-01');
  });
});
