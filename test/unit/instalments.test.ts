import { describe, expect, it } from 'vitest';
import { firstUnpaid, nextReminder, reminderAt, statesOn } from '../../functions/instalments/domain/plan.js';
import { workingDaysBefore } from '../../shared/business-hours.js';
import { money } from '../../shared/money.js';

// 3 × 1,000.00 TRY less a kuruş on the last, as a plan that adds up to the kuruş does.
const plan = {
  paid: 0,
  instalments: [
    { n: 1, dueDate: '2026-09-15', amount: money(100_000, 'TRY') },
    { n: 2, dueDate: '2026-10-15', amount: money(100_000, 'TRY') },
    { n: 3, dueDate: '2026-11-16', amount: money(99_999, 'TRY') },
  ],
};

describe("an instalment's state", () => {
  it('is due through its due date and overdue from the day after', () => {
    expect(statesOn(plan, '2026-09-15').map((s) => s.status)).toEqual(['due', 'due', 'due']);
    expect(statesOn(plan, '2026-09-16').map((s) => s.status)).toEqual(['overdue', 'due', 'due']);
  });

  it('is paid only when payments cover it whole, oldest instalment first', () => {
    const short = statesOn({ ...plan, paid: 99_999 }, '2026-09-16');
    expect(short.map((s) => [s.status, s.covered.amount])).toEqual([
      ['overdue', 99_999],
      ['due', 0],
      ['due', 0],
    ]);
    const whole = statesOn({ ...plan, paid: 100_000 }, '2026-10-16');
    expect(whole.map((s) => [s.status, s.covered.amount])).toEqual([
      ['paid', 100_000],
      ['overdue', 0],
      ['due', 0],
    ]);
    expect(firstUnpaid({ ...plan, paid: 100_001 })?.n).toBe(2);
    expect(firstUnpaid({ ...plan, paid: 299_999 })).toBeUndefined();
  });
});

describe('when the owner is reminded', () => {
  it('is three working days before, at 09:00 Istanbul, skipping the weekend', () => {
    // Tuesday 15 September 2026: Thursday 10th opens at 09:00 Istanbul = 06:00 UTC.
    expect(reminderAt('2026-09-15').toISOString()).toBe('2026-09-10T06:00:00.000Z');
    // Monday 16 November: back over the weekend to Wednesday 11th.
    expect(reminderAt('2026-11-16').toISOString()).toBe('2026-11-11T06:00:00.000Z');
  });

  it('skips public holidays and counts a half-day eve as a working day', () => {
    // Republic Day, Thursday 29 October 2026, is closed; the 28th is a half-day eve (open 09:00–13:00).
    // Three working days before Monday 2 November: Friday 30th, the eve 28th, Tuesday 27th.
    expect(workingDaysBefore('2026-11-02', 3).day).toBe('2026-10-27');
    expect(workingDaysBefore('2026-10-30', 1).day).toBe('2026-10-28');
    // Ramazan Bayramı 2026 (20–22 March) and its eve: one working day before Monday 23 March is the eve, 19 March.
    expect(workingDaysBefore('2026-03-23', 1).day).toBe('2026-03-19');
  });

  it('goes to the next instalment not yet reminded or paid', () => {
    expect(nextReminder(plan)).toEqual({ n: 1, at: '2026-09-10T06:00:00.000Z' });
    const first = { ...plan, instalments: plan.instalments.map((i) => (i.n === 1 ? { ...i, remindedAt: 'x' } : i)) };
    expect(nextReminder(first)?.n).toBe(2);
    // The second paid in advance: no reminder for it.
    expect(nextReminder({ ...first, paid: 200_000 })?.n).toBe(3);
    expect(nextReminder({ ...plan, paid: 299_999 })).toBeUndefined();
  });
});
