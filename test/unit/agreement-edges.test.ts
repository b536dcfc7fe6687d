// Agreement rules at the edges mutation testing found unchecked: each refusal's words in both languages,
// a schedule's start at either end of the validity, an agreement in force on its first and last day only
// when accepted, a line of another category, and a schedule's months cut by the earlier of its end and
// the day asked about.
import { describe, expect, it } from 'vitest';
import {
  inForce,
  periodsOf,
  priceLine,
  scheduleProblems,
  validityProblems,
  volume,
} from '../../functions/agreements/domain/agreement.js';

const schedule = (startsOn: string, dayOfMonth = 5) => ({ dayOfMonth, startsOn, lines: [], skipped: [] });

describe('refusals in both languages', () => {
  it('an end before the start says both dates', () => {
    expect(validityProblems({ validFrom: '2027-01-02', validUntil: '2027-01-01' })).toEqual([
      {
        path: 'validUntil',
        message: {
          en: 'The agreement ends (2027-01-01) before it starts (2027-01-02).',
          tr: 'Sözleşme başlamadan (2027-01-02) bitiyor (2027-01-01).',
        },
      },
    ]);
  });

  it('a line with no price names its product', () => {
    expect(priceLine([], { sku: 'P-9', quantity: 1 }, 'TRY', 4)).toEqual({
      ok: false,
      problem: {
        path: 'lines.4.sku',
        message: {
          en: 'Neither the agreement nor the price list has a price for P-9.',
          tr: 'P-9 için ne sözleşmede ne fiyat listesinde fiyat var.',
        },
      },
    });
  });

  it('a price in another currency says whether it was the agreed or the list price', () => {
    const agreed = priceLine(
      [{ sku: 'P-1', unitPrice: { amount: 100, currency: 'EUR' } }],
      { sku: 'P-1', quantity: 1 },
      'TRY',
      0,
    );
    expect(agreed).toEqual({
      ok: false,
      problem: {
        path: 'currency',
        message: {
          en: 'The agreed price of P-1 is in EUR, the order in TRY.',
          tr: 'P-1 için sözleşme fiyatı EUR, sipariş ise TRY.',
        },
      },
    });
    // No term for the line at all: the list price's currency is the one refused.
    const list = priceLine([], { sku: 'P-2', quantity: 1, listPrice: { amount: 100, currency: 'USD' } }, 'TRY', 0);
    expect(list).toEqual({
      ok: false,
      problem: {
        path: 'currency',
        message: {
          en: 'The list price of P-2 is in USD, the order in TRY.',
          tr: 'P-2 için liste fiyatı USD, sipariş ise TRY.',
        },
      },
    });
  });
});

describe("a schedule's start", () => {
  const validity = { validFrom: '2027-01-10', validUntil: '2027-06-30' };
  it('may fall on the first or the last day of the validity, not a day outside it', () => {
    expect(scheduleProblems({ ...validity })).toEqual([]);
    expect(scheduleProblems({ ...validity, schedule: schedule('2027-01-10') })).toEqual([]);
    expect(scheduleProblems({ ...validity, schedule: schedule('2027-06-30') })).toEqual([]);
    const outside = {
      path: 'schedule.startsOn',
      message: {
        en: "Periodic orders start within the agreement's validity (2027-01-10 to 2027-06-30).",
        tr: 'Dönemsel siparişler sözleşmenin geçerliliği içinde (2027-01-10 – 2027-06-30) başlar.',
      },
    };
    expect(scheduleProblems({ ...validity, schedule: schedule('2027-01-09') })).toEqual([outside]);
    expect(scheduleProblems({ ...validity, schedule: schedule('2027-07-01') })).toEqual([outside]);
  });
});

describe('in force', () => {
  const a = { status: 'accepted' as const, validFrom: '2027-01-10', validUntil: '2027-01-20' };
  it('from its first day through its last, once accepted', () => {
    expect(inForce(a, '2027-01-09')).toBe(false);
    expect(inForce(a, '2027-01-10')).toBe(true);
    expect(inForce(a, '2027-01-20')).toBe(true);
    expect(inForce(a, '2027-01-21')).toBe(false);
    expect(inForce({ ...a, status: 'sent' }, '2027-01-15')).toBe(false);
    expect(inForce({ ...a, status: 'expired' }, '2027-01-15')).toBe(false);
  });
});

describe('volume by category', () => {
  it('counts only lines of the committed category, not lines of another or of none', () => {
    const [parts] = volume(
      [{ category: 'parts', quantity: 10 }],
      [
        { sku: 'P-1', category: 'parts', quantity: 3 },
        { sku: 'T-1', category: 'tyres', quantity: 4 },
        { sku: 'X-1', quantity: 5 },
      ],
    );
    expect(parts).toMatchObject({ ordered: 3, remaining: 7 });
  });
});

describe('periods of a schedule', () => {
  it('stop at the earlier of the end and the day asked about, whichever is given first', () => {
    const a = { validUntil: '2027-03-31', schedule: schedule('2027-01-05') };
    expect(periodsOf(a, '2027-02-10').map((p) => p.period)).toEqual(['2027-01', '2027-02']);
    expect(periodsOf(a, '2027-12-31').map((p) => p.period)).toEqual(['2027-01', '2027-02', '2027-03']);
  });
  it('are none without a schedule', () => {
    expect(periodsOf({ validUntil: '2027-03-31' }, '2027-02-10')).toEqual([]);
  });
  it('begin with the first month whose due day is on or after the start', () => {
    const a = { validUntil: '2027-03-31', schedule: schedule('2027-01-06') };
    expect(periodsOf(a).map((p) => p.dueOn)).toEqual(['2027-02-05', '2027-03-05']);
    const onTheDay = { validUntil: '2027-03-31', schedule: schedule('2027-01-05') };
    expect(periodsOf(onTheDay)[0]?.dueOn).toBe('2027-01-05');
  });
});
