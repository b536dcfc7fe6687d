// The one CSV writer: each rule on both sides of its line.
import { describe, expect, it } from 'vitest';
import { BOM, type CsvCell, type CsvColumn, fieldColumns, textCell, toCsv } from '../../shared/csv.js';

type Row = Record<string, CsvCell>;
const one = (cell: CsvCell, more: CsvColumn<Row>[] = []) =>
  toCsv<Row>([{ header: 'x', cell: () => cell }, ...more], [{}])
    .split('\r\n')[1]!
    .split(',')[0];

describe('the CSV writer', () => {
  it('starts with a UTF-8 byte-order mark, once, before the header', () => {
    const csv = toCsv(fieldColumns<{ ad: string }>(['ad']), [{ ad: 'Şükrü Çağlayan' }]);
    expect(csv.startsWith(`${BOM}ad\r\n`)).toBe(true);
    expect(csv.indexOf(BOM, 1)).toBe(-1);
    expect(Buffer.from(csv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    // No rows: the BOM and the header alone.
    expect(toCsv(fieldColumns<{ ad: string }>(['ad']), [])).toBe(`${BOM}ad\r\n`);
  });

  it('ends every line in CRLF (RFC 4180), the last one too', () => {
    const csv = toCsv(fieldColumns<{ a: number; b: number }>(['a', 'b']), [
      { a: 1, b: 2 },
      { a: 3, b: 4 },
    ]);
    expect(csv).toBe(`${BOM}a,b\r\n1,2\r\n3,4\r\n`);
  });

  it('quotes a field holding a comma, a quote, CR, LF or a semicolon, doubling its quotes; leaves others bare', () => {
    expect(textCell('a,b')).toBe('"a,b"');
    expect(textCell('say "hi"')).toBe('"say ""hi"""');
    expect(textCell('two\nlines')).toBe('"two\nlines"');
    expect(textCell('two\r\nlines')).toBe('"two\r\nlines"');
    expect(textCell('a;b')).toBe('"a;b"');
    expect(textCell('plain text with spaces')).toBe('plain text with spaces');
    expect(textCell("it's")).toBe("it's");
    expect(textCell('')).toBe('');
  });

  it('puts an apostrophe before a text cell starting with = + - @ tab or CR, and before no other', () => {
    for (const risky of ['=SUM(A1)', '+90 532', '-5%', '@cmd', '\tx', "'=already"])
      expect(textCell(risky)).toMatch(/^"?''?[^']/);
    expect(textCell('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(textCell('+90 532')).toBe("'+90 532");
    expect(textCell('-5%')).toBe("'-5%");
    expect(textCell('@cmd')).toBe("'@cmd");
    expect(textCell('\tx')).toBe("'\tx");
    expect(textCell('\rx')).toBe(`"'\rx"`);
    // An apostrophe already there gets another, so a reader taking one off gets the text back.
    expect(textCell("'=already")).toBe("''=already");
    // The same characters later in the cell, or an apostrophe alone, are harmless.
    expect(textCell('a=b')).toBe('a=b');
    expect(textCell('5-3')).toBe('5-3');
    expect(textCell('x@example.com')).toBe('x@example.com');
    expect(textCell("'plain")).toBe("'plain");
    // Headers go through the same door.
    expect(toCsv([{ header: '=h', cell: () => 1 }], []).slice(1)).toBe("'=h\r\n");
  });

  it('writes numbers as numbers: a negative one is not a formula', () => {
    expect(one(-2)).toBe('-2');
    expect(one(0)).toBe('0');
    expect(one(12.5)).toBe('12.5');
    expect(() => one(Number.NaN)).toThrow(/not a number/);
    expect(() => one(Number.POSITIVE_INFINITY)).toThrow(/not a number/);
  });

  it('writes amounts in decimal units of their currency, never minor units', () => {
    const currency: CsvColumn<Row> = { header: 'currency', cell: () => 'TRY' };
    expect(one({ amount: 123_456, currency: 'TRY' }, [currency])).toBe('1234.56');
    expect(one({ amount: -5, currency: 'TRY' }, [currency])).toBe('-0.05');
    expect(one({ amount: 0, currency: 'TRY' }, [currency])).toBe('0.00');
    // Currencies without minor units and with three.
    expect(one({ amount: 1500, currency: 'JPY' }, [{ header: 'currency', cell: () => 'JPY' }])).toBe('1500');
    expect(one({ amount: 1500, currency: 'KWD' }, [{ header: 'currency', cell: () => 'KWD' }])).toBe('1.500');
  });

  it('refuses an amount whose currency no column beside it names', () => {
    const amount = { amount: 100, currency: 'EUR' };
    expect(() => one(amount)).toThrow(/is EUR, but no column beside it says so/);
    expect(() => one(amount, [{ header: 'currency', cell: () => 'TRY' }])).toThrow(/is EUR/);
    expect(one(amount, [{ header: 'currency', cell: () => 'EUR' }])).toBe('1.00');
    // Its own `<column>Currency` column wins over the row's currency.
    expect(
      one(amount, [
        { header: 'currency', cell: () => 'TRY' },
        { header: 'xCurrency', cell: () => 'EUR' },
      ]),
    ).toBe('1.00');
    expect(() =>
      one(amount, [
        { header: 'currency', cell: () => 'EUR' },
        { header: 'xCurrency', cell: () => 'TRY' },
      ]),
    ).toThrow(/is EUR/);
  });

  it('writes instants as ISO 8601 UTC, dates as they are, and nothing for a missing value', () => {
    expect(one(new Date(Date.UTC(2026, 2, 6, 14, 55)))).toBe('2026-03-06T14:55:00.000Z');
    expect(one('2026-03-06')).toBe('2026-03-06');
    expect(one(undefined)).toBe('');
    expect(one(null)).toBe('');
    expect(one(true)).toBe('true');
    expect(one(false)).toBe('false');
  });
});
