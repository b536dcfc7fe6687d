import { describe, expect, it } from 'vitest';
import { instalments, planFromShares } from '../../functions/quote-approval/domain/payment-plan.js';
import { money } from '../../shared/money.js';
import { ValidationError } from '../../shared/problems.js';
import { addMonths } from '../../shared/time.js';

const tl = (amount: number) => money(amount, 'TRY');

describe('payment plan', () => {
  it('adds months safely at month ends, always from the first date', () => {
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 2)).toBe('2025-03-31');
    expect(addMonths('2025-01-30', 1)).toBe('2025-02-28');
    expect(addMonths('2025-03-31', 1)).toBe('2025-04-30');
    expect(addMonths('2025-11-15', 3)).toBe('2026-02-15');
    expect(addMonths('2024-02-29', 12)).toBe('2025-02-28');
    expect(addMonths('2025-05-10', 0)).toBe('2025-05-10');
    expect(() => addMonths('2025-02-30', 1)).toThrow(ValidationError);
  });

  it('splits a total into instalments that add up exactly, the remainder on the first', () => {
    const plan = instalments(tl(100_000), 3, '2025-01-31');
    expect(plan).toEqual([
      { dueDate: '2025-01-31', amount: tl(33_334) },
      { dueDate: '2025-02-28', amount: tl(33_333) },
      { dueDate: '2025-03-31', amount: tl(33_333) },
    ]);
    expect(instalments(tl(5), 3, '2025-01-01').map((i) => i.amount.amount)).toEqual([3, 1, 1]);
  });

  it('spaces instalments by the interval and handles tiny and zero totals', () => {
    expect(instalments(money(1000, 'JPY'), 4, '2025-01-31', 3).map((i) => [i.dueDate, i.amount.amount])).toEqual([
      ['2025-01-31', 250],
      ['2025-04-30', 250],
      ['2025-07-31', 250],
      ['2025-10-31', 250],
    ]);
    expect(instalments(tl(2), 3, '2025-01-01').map((i) => i.amount.amount)).toEqual([2, 0, 0]);
    expect(instalments(tl(0), 2, '2025-01-01').map((i) => i.amount.amount)).toEqual([0, 0]);
    for (let total = 0; total < 500; total += 7) {
      for (let count = 1; count <= 12; count++) {
        const plan = instalments(tl(total), count, '2025-01-31');
        expect(plan.reduce((a, i) => a + i.amount.amount, 0)).toBe(total);
        expect(new Set(plan.slice(1).map((i) => i.amount.amount)).size).toBeLessThanOrEqual(1);
      }
    }
  });

  it('refuses impossible plans', () => {
    expect(() => instalments(tl(100), 0, '2025-01-01')).toThrow(ValidationError);
    expect(() => instalments(tl(100), 2.5, '2025-01-01')).toThrow(ValidationError);
    expect(() => instalments(tl(100), 361, '2025-01-01')).toThrow(
      expect.objectContaining({
        errors: [{ path: 'count', message: expect.objectContaining({ en: 'Between 1 and 360 instalments.' }) }],
      }),
    );
    expect(instalments(tl(36_000), 360, '2025-01-31')).toHaveLength(360);
    expect(() => instalments(tl(100), 2, '2025-01-01', 0)).toThrow(ValidationError);
    expect(() => instalments(tl(-100), 2, '2025-01-01')).toThrow(ValidationError);
    expect(() => instalments(tl(100), 2, '01.01.2025')).toThrow(ValidationError);
  });

  it('builds a plan from shares that add up to exactly 100%', () => {
    const plan = planFromShares(tl(1_000_001), [
      { dueDate: '2025-02-01', shareBp: 3000 },
      { dueDate: '2025-05-01', shareBp: 3333 },
      { dueDate: '2025-08-01', shareBp: 3667 },
    ]);
    expect(plan).toEqual([
      { dueDate: '2025-02-01', amount: tl(300_001) },
      { dueDate: '2025-05-01', amount: tl(333_300) },
      { dueDate: '2025-08-01', amount: tl(366_700) },
    ]);
    // Nine shares of one basis point and the rest: the small ones round down to nothing, never below.
    const skewed = planFromShares(tl(3), [
      { dueDate: '2025-01-01', shareBp: 9991 },
      ...Array(9).fill({ dueDate: '2025-02-01', shareBp: 1 }),
    ]);
    expect(skewed.map((i) => i.amount.amount)).toEqual([3, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('names every problem of a share plan', () => {
    expect(() =>
      planFromShares(tl(100), [
        { dueDate: '2025-02-30', shareBp: 5000 },
        { dueDate: '2025-03-01', shareBp: 0 },
        { dueDate: '2025-04-01', shareBp: 4999 },
      ]),
    ).toThrow(
      expect.objectContaining({
        code: 'validation-failed',
        errors: [
          { path: 'parts.0.dueDate', message: expect.objectContaining({ en: 'Not a date like 2025-01-31.' }) },
          { path: 'parts.1.shareBp', message: expect.objectContaining({ en: 'A share above 0 basis points.' }) },
          {
            path: 'parts',
            message: expect.objectContaining({ en: 'The shares add up to 9999 basis points, not 10000.' }),
          },
        ],
      }),
    );
    expect(() => planFromShares(tl(100), [])).toThrow(ValidationError);
  });
});
