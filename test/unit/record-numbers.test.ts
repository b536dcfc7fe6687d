// The numbers people speak for every numbered kind, and a typed number read back to its kind.
import { describe, expect, it } from 'vitest';
import { numberPrefixes, numberSuffix, parseNumber, recordNumber } from '../../shared/record-numbers.js';
import { recordReference } from '../../shared/templates.js';

const id = '01KAQ0000000000000FT7H82FA';

describe('a number for each kind', () => {
  it('is the kind letters and the id’s last eight characters: L- for a lead, M- for a customer', () => {
    expect(recordNumber('lead', id)).toBe('L-FT7H82FA');
    expect(recordNumber('customer', id)).toBe('M-FT7H82FA');
    expect(recordNumber('quote', id)).toBe('Q-FT7H82FA');
    expect(recordNumber('order', id)).toBe('SP-FT7H82FA');
    expect(recordNumber('request', id)).toBe('TL-FT7H82FA');
    // No two kinds share letters, or a typed number could not say which it is.
    expect(new Set(Object.values(numberPrefixes)).size).toBe(Object.keys(numberPrefixes).length);
  });

  it('is read back from any letter case and spacing, to its kind', () => {
    expect(parseNumber(' m-ft7h82fa ')).toEqual({ kind: 'customer', suffix: 'FT7H82FA' });
    expect(parseNumber('L-FT7H82FA')).toEqual({ kind: 'lead', suffix: 'FT7H82FA' });
    expect(parseNumber('sp-ft7h82fa')).toEqual({ kind: 'order', suffix: 'FT7H82FA' });
    expect(parseNumber('Q-FT7H82FA')).toEqual({ kind: 'quote', suffix: 'FT7H82FA' });
    expect(numberSuffix('lead', 'l-ft7h82fa')).toBe('FT7H82FA');
    expect(numberSuffix('customer', 'L-FT7H82FA')).toBeUndefined();
  });

  it('is none without known letters, with seven or nine characters, or with a letter a ULID never holds', () => {
    expect(parseNumber('FT7H82FA')).toBeUndefined();
    expect(parseNumber('X-FT7H82FA')).toBeUndefined();
    expect(parseNumber('M-FT7H82F')).toBeUndefined();
    expect(parseNumber('M-FT7H82FAB')).toBeUndefined();
    expect(parseNumber('M-FT7H82FU')).toBeUndefined();
    expect(parseNumber('M-')).toBeUndefined();
  });

  it('is what a staff mail names a lead or a customer by', () => {
    expect(recordReference('en', 'customer', id)).toMatch(/^Customer no: M-FT7H82FA\./);
    expect(recordReference('tr', 'lead', id)).toMatch(/^Müşteri adayı no: L-FT7H82FA\./);
  });
});
