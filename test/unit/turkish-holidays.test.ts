// The generated holiday table is the kept library's answer, year by year: when date-holidays is
// updated and this fails, run `npm run holidays`.
import { describe, expect, it } from 'vitest';
import { FIRST_YEAR, holidayRows, LAST_YEAR } from '../../infra/holiday-table.js';
import { turkishHolidays } from '../../shared/turkish-holidays.js';

describe("Turkey's holiday table", () => {
  it('holds exactly what date-holidays computes for every year it covers', () => {
    expect(Object.keys(turkishHolidays).map(Number)).toEqual(
      Array.from({ length: LAST_YEAR - FIRST_YEAR + 1 }, (_, i) => FIRST_YEAR + i),
    );
    for (let year = FIRST_YEAR; year <= LAST_YEAR; year++)
      expect(turkishHolidays[year], String(year)).toEqual(holidayRows(year));
  });

  it('has the two Bayrams and the national days of 2026 as the library dates them', () => {
    const rules = turkishHolidays[2026]!.map(([, , rule]) => rule);
    expect(rules).toEqual(expect.arrayContaining(['01-01', '04-23', '05-01', '05-19', '07-15', '08-30', '10-29']));
    expect(
      turkishHolidays[2026]!.filter(([, , rule]) => rule.includes('Shawwal') || rule.includes('Dhu al-Hijjah')),
    ).toHaveLength(2);
  });
});
