import { describe, expect, it } from 'vitest';
import { birthdaysOn, isLeapYear } from '../../functions/campaigns/domain/birthdays.js';
import { birthdayTemplate } from '../../functions/campaigns/templates/birthday.js';
import { birthdayMonthDay } from '../../shared/customer.js';

describe('whose birthday it is', () => {
  it('greets 29 February birthdays on 28 February in a year without a 29th, and only then', () => {
    expect(birthdaysOn('2027-02-28')).toEqual(['02-28', '02-29']);
    expect(birthdaysOn('2028-02-28')).toEqual(['02-28']);
    expect(birthdaysOn('2028-02-29')).toEqual(['02-29']);
    expect(birthdaysOn('2027-03-01')).toEqual(['03-01']);
  });

  it('knows the Gregorian leap years (every 4th, not centuries, but every 400th)', () => {
    expect([2024, 2028, 2000].map(isLeapYear)).toEqual([true, true, true]);
    expect([2026, 1900, 2100].map(isLeapYear)).toEqual([false, false, false]);
  });

  it('indexes a birthday by month and day whether the year is known or not, and nothing else', () => {
    expect(birthdayMonthDay('1990-02-29')).toBe('02-29');
    expect(birthdayMonthDay('07-15')).toBe('07-15');
    expect(birthdayMonthDay(undefined)).toBeUndefined();
    expect(birthdayMonthDay('15.07.1990')).toBeUndefined();
  });

  it('renders the greeting in Turkish and English with the unsubscribe link, escaped, and refuses a blank name', () => {
    const vars = { name: 'Ayşe <b>', unsubscribeUrl: 'https://crm.example.com/unsubscribe?token=a&b' };
    const tr = birthdayTemplate.render('tr', vars);
    expect(tr.subject).toBe('Doğum gününüz kutlu olsun!');
    expect(tr.html).toContain('Ayşe &lt;b&gt;');
    expect(tr.html).toContain('token=a&amp;b');
    expect(birthdayTemplate.render('en', vars).text).toContain('https://crm.example.com/unsubscribe?token=a&b');
    expect(() => birthdayTemplate.render('tr', { ...vars, name: ' ' })).toThrow(/name/);
  });
});
