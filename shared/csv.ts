// The one CSV writer of every export (reports, target lists, the catalogue), so that a file opens the
// same way in Excel, LibreOffice and a script:
//   - UTF-8 with a byte-order mark: without it Excel reads the file as the local code page and
//     Turkish letters turn to mojibake;
//   - RFC 4180: a header row, fields separated by commas, lines ending in CRLF, a field holding a
//     comma, a quote, CR or LF (or a semicolon, the list separator of Turkish Excel) in double quotes
//     with its quotes doubled;
//   - amounts as decimal units of their currency ("1234.50", never kuruş), and a currency beside each:
//     a `currency` column that names the amount's currency, or a `<column>Currency` column next to it;
//   - instants and dates as ISO 8601 (`2026-03-06T14:55:00.000Z`, `2026-03-06`);
//   - a text cell a spreadsheet would run as a formula (starting with = + - @ tab or CR, after any
//     apostrophes) behind an apostrophe (OWASP's CSV injection defence). Numbers and amounts are
//     not text, so a negative margin stays a number.
import { type Money, minorToDecimal } from './money.js';

export type CsvCell = string | number | boolean | Date | Money | null | undefined;

export interface CsvColumn<R> {
  header: string;
  cell: (row: R) => CsvCell;
}

/** The byte-order mark that tells a spreadsheet the file is UTF-8. */
export const BOM = '\uFEFF';

/** Apostrophes first too: "'=x" is written "''=x", so a reader taking one apostrophe off gets it back. */
export const formulaStart = /^'*[=+\-@\t\r]/;

const isMoney = (value: unknown): value is Money =>
  typeof value === 'object' && value !== null && !(value instanceof Date) && 'amount' in value && 'currency' in value;

const quoted = (text: string) => (/[",;\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);

/** A text cell as written: neutralised when it looks like a formula, quoted when it must be. */
export const textCell = (text: string) => quoted(formulaStart.test(text) ? `'${text}` : text);

const written = (value: CsvCell): string => {
  if (value === undefined || value === null) return '';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`CSV: ${value} is not a number a spreadsheet can read`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString();
  if (isMoney(value)) return minorToDecimal(value);
  return textCell(value);
};

/** The currency a money cell must be shown beside: its own column, or the row's `currency`. */
const checkCurrency = <R>(columns: readonly CsvColumn<R>[], row: R, column: CsvColumn<R>, money: Money) => {
  const own = columns.find((c) => c.header === `${column.header}Currency`);
  const shared = columns.find((c) => c.header === 'currency');
  const named = (own ?? shared)?.cell(row);
  if (named !== money.currency) {
    throw new Error(`CSV: the amount in "${column.header}" is ${money.currency}, but no column beside it says so`);
  }
};

/** The file: BOM, header row, one line per row, every line ending in CRLF. */
export const toCsv = <R>(columns: readonly CsvColumn<R>[], rows: readonly R[]): string => {
  const lines = [columns.map((c) => textCell(c.header)).join(',')];
  for (const row of rows) {
    const cells = columns.map((column) => {
      const value = column.cell(row);
      if (isMoney(value)) checkCurrency(columns, row, column, value);
      return written(value);
    });
    lines.push(cells.join(','));
  }
  return `${BOM}${lines.map((line) => `${line}\r\n`).join('')}`;
};

/** Columns that read the row's fields of the same names, for rows whose fields are already cells. */
export const fieldColumns = <R extends object>(names: readonly (keyof R & string)[]): CsvColumn<R>[] =>
  names.map((name) => ({ header: name, cell: (row) => row[name] as CsvCell }));
