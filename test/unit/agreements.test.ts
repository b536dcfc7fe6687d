// Sales agreements' rules at their boundaries: validity, the price a line takes, volume, the months a
// schedule orders in, the renewal reminder's working day, and a customer's learned order rhythm.
import { describe, expect, it } from 'vitest';
import {
  duePeriods,
  periodsOf,
  priceLine,
  reminderDue,
  renewalReminderOn,
  upcomingPeriods,
  validityProblems,
  volume,
} from '../../functions/agreements/domain/agreement.js';
import { learnRhythm, missed } from '../../functions/agreements/domain/regular-orders.js';
import { addWorkingDays } from '../../shared/business-hours.js';

const tl = (amount: number) => ({ amount, currency: 'TRY' });

describe('validity', () => {
  it('refuses an end before the start, naming validUntil; a one-day agreement is fine', () => {
    expect(validityProblems({ validFrom: '2027-01-02', validUntil: '2027-01-01' }).map((p) => p.path)).toEqual([
      'validUntil',
    ]);
    expect(validityProblems({ validFrom: '2027-01-01', validUntil: '2027-01-01' })).toEqual([]);
  });
});

describe('prices under an agreement', () => {
  const prices = [
    { sku: 'FL-25E', unitPrice: tl(90_000) },
    { sku: 'FL-30D', unitPrice: { amount: 2_000, currency: 'EUR' } },
    { category: 'parts', discountBp: 1000 },
  ];
  it('takes the agreed price, then the category discount off the list price, then the list price', () => {
    expect(priceLine(prices, { sku: 'FL-25E', quantity: 2, listPrice: tl(100_000) }, 'TRY', 0)).toMatchObject({
      ok: true,
      unitPrice: tl(90_000),
      total: tl(180_000),
      source: 'agreed',
    });
    expect(
      priceLine(prices, { sku: 'P-1', quantity: 1, category: 'parts', listPrice: tl(1_000) }, 'TRY', 0),
    ).toMatchObject({
      unitPrice: tl(900),
      source: 'discount',
    });
    expect(
      priceLine(prices, { sku: 'X-1', quantity: 1, category: 'tyres', listPrice: tl(500) }, 'TRY', 0),
    ).toMatchObject({
      unitPrice: tl(500),
      source: 'list',
    });
  });
  it('refuses an agreed price in another currency than the order, naming currency; no price at all names the line', () => {
    const other = priceLine(prices, { sku: 'FL-30D', quantity: 1 }, 'TRY', 3);
    expect(other).toMatchObject({ ok: false, problem: { path: 'currency' } });
    expect(priceLine(prices, { sku: 'FL-30D', quantity: 1 }, 'EUR', 3)).toMatchObject({ ok: true });
    expect(priceLine(prices, { sku: 'NONE', quantity: 1 }, 'TRY', 2)).toMatchObject({
      ok: false,
      problem: { path: 'lines.2.sku' },
    });
  });
});

describe('volume', () => {
  it('counts ordered quantities against product and category commitments', () => {
    const v = volume(
      [
        { sku: 'FL-25E', quantity: 10 },
        { category: 'parts', quantity: 5 },
      ],
      [
        { sku: 'FL-25E', quantity: 4 },
        { sku: 'P-1', category: 'parts', quantity: 7 },
        { sku: 'FL-25E', quantity: 1 },
      ],
    );
    expect(v.map((c) => [c.ordered, c.remaining])).toEqual([
      [5, 5],
      [7, 0],
    ]);
  });
});

describe('periods of a monthly schedule', () => {
  const a = {
    validUntil: '2027-03-31',
    schedule: { dayOfMonth: 5, startsOn: '2027-01-05', lines: [], skipped: ['2027-02'] },
  };
  it('lists every month inside the validity; due from its day for a week; the skipped one never', () => {
    expect(periodsOf(a).map((p) => [p.period, p.dueOn, p.skipped])).toEqual([
      ['2027-01', '2027-01-05', false],
      ['2027-02', '2027-02-05', true],
      ['2027-03', '2027-03-05', false],
    ]);
    expect(duePeriods(a, '2027-01-04')).toEqual([]);
    expect(duePeriods(a, '2027-01-05').map((p) => p.period)).toEqual(['2027-01']);
    expect(duePeriods(a, '2027-01-11').map((p) => p.period)).toEqual(['2027-01']);
    expect(duePeriods(a, '2027-01-12')).toEqual([]);
    expect(duePeriods(a, '2027-02-06')).toEqual([]);
    expect(upcomingPeriods(a, '2027-01-05').map((p) => [p.period, p.skipped])).toEqual([
      ['2027-02', true],
      ['2027-03', false],
    ]);
  });
});

describe('periods of a standing order (no end unless given)', () => {
  const open = { schedule: { dayOfMonth: 28, startsOn: '2027-01-28', lines: [], skipped: ['2027-03'] } };
  it('runs on past any horizon without an end, up to the day asked about, and stops at an end', () => {
    expect(periodsOf(open)).toEqual([]);
    expect(periodsOf(open, '2027-02-27').map((p) => p.period)).toEqual(['2027-01']);
    expect(periodsOf(open, '2027-02-28').map((p) => p.period)).toEqual(['2027-01', '2027-02']);
    expect(duePeriods(open, '2027-03-28')).toEqual([]);
    expect(duePeriods(open, '2031-06-28').map((p) => p.dueOn)).toEqual(['2031-06-28']);
    expect(upcomingPeriods(open, '2027-01-28').map((p) => [p.period, p.skipped])).toEqual([
      ['2027-02', false],
      ['2027-03', true],
      ['2027-04', false],
    ]);
    const ending = { ...open, validUntil: '2027-02-28' };
    expect(upcomingPeriods(ending, '2027-01-28').map((p) => p.period)).toEqual(['2027-02']);
    expect(duePeriods(ending, '2027-03-01').map((p) => p.period)).toEqual(['2027-02']);
  });
});

describe('the renewal reminder', () => {
  it('falls N working days before the end, over weekends and public holidays', () => {
    // Friday 2027-04-30 ends it; five working days back skips a weekend and 23 April (a Friday holiday).
    expect(addWorkingDays('2027-04-30', -5)).toBe('2027-04-22');
    const a = { validUntil: '2027-04-30', reminderWorkingDays: 5 };
    expect(renewalReminderOn(a)).toBe('2027-04-22');
    expect(reminderDue(a, '2027-04-21')).toBeUndefined();
    expect(reminderDue(a, '2027-04-22')).toBe('renewal');
    expect(reminderDue(a, '2027-04-30')).toBe('renewal');
    expect(reminderDue(a, '2027-05-01')).toBe('expired');
  });
});

describe("a customer's own rhythm", () => {
  it('is learned from four orders about a month apart, and missed only after the grace', () => {
    const r = learnRhythm(['2027-01-10', '2027-02-09', '2027-03-12', '2027-04-10'])!;
    expect(r).toMatchObject({
      periodDays: 30,
      lastOn: '2027-04-10',
      expectedOn: '2027-05-10',
      graceUntil: '2027-05-18',
    });
    expect(missed(r, '2027-05-18')).toBe(false);
    expect(missed(r, '2027-05-19')).toBe(true);
  });
  it('is not believed from three orders, from an irregular history, or from a rhythm under a week', () => {
    expect(learnRhythm(['2027-01-10', '2027-02-09', '2027-03-12'])).toBeUndefined();
    expect(learnRhythm(['2027-01-10', '2027-02-09', '2027-03-12', '2027-05-20'])).toBeUndefined();
    expect(learnRhythm(['2027-01-01', '2027-01-04', '2027-01-07', '2027-01-10'])).toBeUndefined();
  });
});
