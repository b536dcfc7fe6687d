// Catalogue files in and out, CSV for spreadsheets and JSON for systems. An import is all or
// nothing: one bad row and no record is returned, only every error with its 1-based file line.
//
// CSV: a header row naming the columns below (any order), comma-separated, UTF-8 (a BOM is fine),
// lines ending in LF, CRLF or CR (mixed too; the export writes CRLF), amounts as canonical decimals in the row's currency
// ("1234.56"), percentages as "20" or "0.5". A cell that would start a spreadsheet formula
// (= + - @ tab CR) is exported behind an apostrophe, which the import takes off again.
//   products:    sku, name_tr, name_en, description_tr, description_en, unit, category,
//                cost, cost_currency, tax_rate, active (true | false)
//   price lists: id, name, currency, valid_from, valid_to, sku, unit_price
//                (one row per price; rows with the same id make one list and repeat its columns)
//   FX rates:    date, currency, rate_to_try
// JSON: an array of records in the domain shape of catalogue.ts, amounts in integer minor units.
import { type Info, parse } from 'csv-parse/sync';
import { type CsvColumn, formulaStart, toCsv as writeCsv } from '../../../shared/csv.js';
import type { Text } from '../../../shared/messages.js';
import { minorToDecimal, parseDecimalToMinor, parsePercent, percentToDecimal } from '../../../shared/money.js';
import { ProblemError } from '../../../shared/problems.js';
import * as z from '../../../shared/schema.js';
import {
  type FxRate,
  fxRateSchema,
  type PriceList,
  type Product,
  priceListSchema,
  productSchema,
} from './catalogue.js';

export interface CatalogueRecords {
  products: Product;
  priceLists: PriceList;
  fxRates: FxRate;
}
export type CatalogueKind = keyof CatalogueRecords;

/** How each kind is named in URLs, file names and the CLI. */
export const catalogueSlugs: Record<CatalogueKind, string> = {
  products: 'products',
  priceLists: 'price-lists',
  fxRates: 'fx-rates',
};

/** The kind a slug names, or undefined. */
export const kindOfSlug = (slug: string): CatalogueKind | undefined =>
  (Object.keys(catalogueSlugs) as CatalogueKind[]).find((kind) => catalogueSlugs[kind] === slug);

export type FileFormat = 'csv' | 'json';

export interface ImportError {
  line: number;
  /** The CSV column or the JSON path; `''` for the file or row as a whole. */
  field: string;
  message: Text;
}
export type ImportResult<T> = { ok: true; records: T[] } | { ok: false; errors: ImportError[] };

type Fields = Record<string, unknown>;

/** How one CSV cell maps to a field: `read` gets the row so far, for the currency of an amount. */
export interface Codec {
  read(cell: string, row: Fields): unknown;
  write(value: unknown, record: Fields): string;
}
export interface Column {
  name: string;
  path: string;
  codec?: Codec;
}
export interface Format<T> {
  schema: z.ZodMiniType<T>;
  columns: Column[];
  /** The fields that identify a record: a second record with the same values is a duplicate. */
  key: string[];
  /** A list field written as one CSV row per item; rows with the same key merge into one record. */
  nested?: string;
}

const get = (record: unknown, path: string): unknown =>
  path.split('.').reduce<unknown>((value, key) => (value as Fields | undefined)?.[key], record);

const set = (record: Fields, path: string, value: unknown): void => {
  const keys = path.split('.');
  const last = keys.pop()!;
  let target = record;
  for (const key of keys) {
    target[key] ??= {};
    target = target[key] as Fields;
  }
  target[last] = value;
};

export const amountIn = (currencyPath: string): Codec => ({
  read: (cell, row) => parseDecimalToMinor(cell, String(get(row, currencyPath))),
  write: (value, record) => minorToDecimal({ amount: Number(value), currency: String(get(record, currencyPath)) }),
});
const percent: Codec = { read: parsePercent, write: (value) => percentToDecimal(Number(value)) };
const boolean: Codec = {
  read: (cell) => {
    if (cell !== 'true' && cell !== 'false')
      throw new ProblemError(422, 'import-failed', { en: 'Write true or false.', tr: 'true veya false yazın.' });
    return cell === 'true';
  },
  write: String,
};

const formats: { [K in CatalogueKind]: Format<CatalogueRecords[K]> } = {
  products: {
    schema: productSchema,
    key: ['sku'],
    columns: [
      { name: 'sku', path: 'sku' },
      { name: 'name_tr', path: 'name.tr' },
      { name: 'name_en', path: 'name.en' },
      { name: 'description_tr', path: 'description.tr' },
      { name: 'description_en', path: 'description.en' },
      { name: 'unit', path: 'unit' },
      { name: 'category', path: 'category' },
      { name: 'cost', path: 'cost.amount', codec: amountIn('cost.currency') },
      { name: 'cost_currency', path: 'cost.currency' },
      { name: 'tax_rate', path: 'taxRateBp', codec: percent },
      { name: 'active', path: 'active', codec: boolean },
    ],
  },
  priceLists: {
    schema: priceListSchema,
    key: ['id'],
    nested: 'prices',
    columns: [
      { name: 'id', path: 'id' },
      { name: 'name', path: 'name' },
      { name: 'currency', path: 'currency' },
      { name: 'valid_from', path: 'validFrom' },
      { name: 'valid_to', path: 'validTo' },
      { name: 'sku', path: 'prices.sku' },
      { name: 'unit_price', path: 'prices.unitPrice', codec: amountIn('currency') },
    ],
  },
  fxRates: {
    schema: fxRateSchema,
    key: ['date', 'currency'],
    columns: [
      { name: 'date', path: 'date' },
      { name: 'currency', path: 'currency' },
      { name: 'rate_to_try', path: 'rateToTry' },
    ],
  },
};

/** A record before validation, with where in the file each of its parts came from. */
interface Candidate {
  value: Fields;
  lineOf(path: readonly PropertyKey[]): number;
  fieldOf(path: readonly PropertyKey[]): string;
}

/** A cell's refusal (in both languages when ours, as a library says it otherwise). */
const messageOf = (error: unknown): Text =>
  error instanceof ProblemError ? error.detail : error instanceof Error ? error.message : String(error);

/** Validates every candidate; returns the records only if no candidate and no earlier step failed. */
const validate = <T>(format: Format<T>, candidates: Candidate[], errors: ImportError[]): ImportResult<T> => {
  const records: T[] = [];
  const firstLineOfKey = new Map<string, number>();
  for (const candidate of candidates) {
    const result = z.parseInBoth(format.schema, candidate.value);
    if (result.success) records.push(result.data);
    else
      for (const issue of result.issues)
        errors.push({ line: candidate.lineOf(issue.path), field: candidate.fieldOf(issue.path), message: issue.text });
    // Duplicates are found among bad records too, so that fixing one error does not reveal another.
    const key = format.key.map((path) => get(candidate.value, path));
    if (key.some((part) => typeof part !== 'string')) continue;
    const line = candidate.lineOf([]);
    const first = firstLineOfKey.get(JSON.stringify(key));
    if (first === undefined) firstLineOfKey.set(JSON.stringify(key), line);
    else
      errors.push({
        line,
        field: candidate.fieldOf([format.key[0]!]),
        message: { en: `Duplicate of line ${first}.`, tr: `${first}. satırın tekrarı.` },
      });
  }
  if (errors.length === 0) return { ok: true, records };
  // One error per cell: a cell that could not be read is not reported again by the schema.
  const seen = new Set<string>();
  const unique = errors.filter((e) => {
    const cell = `${e.line}\u0000${e.field}`;
    return !seen.has(cell) && Boolean(seen.add(cell));
  });
  return { ok: false, errors: unique.sort((a, b) => a.line - b.line) };
};

// ---- CSV ----------------------------------------------------------------------------------------

/** What csv-parse returns with `info: true`, which its types do not model. */
interface CsvRecord {
  record: string[];
  info: Info;
}

/**
 * The 1-based line each record starts on. csv-parse's own line count drifts on CRLF inside quoted
 * cells, so it is counted here from the byte offset where the previous record ended; a line ends
 * at LF, CRLF or a lone CR.
 */
const startLines = (text: string, records: CsvRecord[]): number[] => {
  const bytes = Buffer.from(text);
  const ends = (i: number) => bytes[i] === 0x0a || (bytes[i] === 0x0d && bytes[i + 1] !== 0x0a);
  const lines: number[] = [];
  let line = 1;
  let offset = 0;
  for (const { info } of records) {
    for (; bytes[offset] === 0x0d || bytes[offset] === 0x0a; offset++) if (ends(offset)) line++;
    lines.push(line);
    for (; offset < info.bytes; offset++) if (ends(offset)) line++;
  }
  return lines;
};

/** The inverse of the writer's formula defence on what it wrote, and the identity on every other cell. */
const restore = (cell: string) => (cell.startsWith("'") && formulaStart.test(cell) ? cell.slice(1) : cell);

export const importCsv = <K extends CatalogueKind>(kind: K, text: string): ImportResult<CatalogueRecords[K]> =>
  importCsvWith(formats[kind] as Format<CatalogueRecords[K]>, text);

/** Any CSV file of records described by a `Format` (other use cases' imports too), all or nothing. */
export const importCsvWith = <T>(format: Format<T>, text: string): ImportResult<T> => {
  let records: CsvRecord[];
  try {
    const options = {
      bom: true,
      info: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true,
      // Any mix: a file saved on Windows and edited elsewhere has both.
      record_delimiter: ['\r\n', '\n', '\r'],
    };
    records = parse(text, options) as unknown as CsvRecord[];
  } catch (error) {
    return {
      ok: false,
      errors: [{ line: (error as { lines?: number }).lines ?? 1, field: '', message: messageOf(error) }],
    };
  }
  const lines = startLines(text, records);
  const [header = [], ...rows] = records.map((r) => r.record.map(restore));
  const errors: ImportError[] = [];
  for (const column of format.columns) {
    if (!header.includes(column.name))
      errors.push({ line: 1, field: column.name, message: { en: 'Missing column.', tr: 'Eksik sütun.' } });
  }
  header.forEach((name, i) => {
    if (!format.columns.some((c) => c.name === name))
      errors.push({ line: 1, field: name, message: { en: 'Unknown column.', tr: 'Bilinmeyen sütun.' } });
    else if (header.indexOf(name) !== i)
      errors.push({ line: 1, field: name, message: { en: 'Repeated column.', tr: 'Tekrarlanan sütun.' } });
  });
  if (errors.length > 0) return { ok: false, errors };

  const headerColumns = header.map((name) => format.columns.find((c) => c.name === name)!);
  const columnByPath = new Map(format.columns.map((c) => [c.path, c.name]));
  const fieldOf = (path: readonly PropertyKey[]) => {
    const dotted = path.filter((key) => typeof key === 'string').join('.');
    return columnByPath.get(dotted) ?? dotted;
  };
  const nested = format.nested;
  const candidates: Candidate[] = [];
  const lists = new Map<string, { value: Fields; rowLines: number[]; cells: string[] }>();
  rows.forEach((cells, i) => {
    const line = lines[i + 1]!;
    if (cells.length !== header.length) {
      errors.push({
        line,
        field: '',
        message: {
          en: `Expected ${header.length} fields, found ${cells.length}.`,
          tr: `${header.length} alan bekleniyordu, ${cells.length} alan var.`,
        },
      });
      return;
    }
    const row: Fields = {};
    headerColumns.forEach((column, c) => {
      set(row, column.path, cells[c]);
    });
    for (const column of format.columns) {
      try {
        if (column.codec) set(row, column.path, column.codec.read(String(get(row, column.path)), row));
      } catch (error) {
        errors.push({ line, field: column.name, message: messageOf(error) });
      }
    }
    if (!nested) {
      candidates.push({ value: row, lineOf: () => line, fieldOf });
      return;
    }
    const key = JSON.stringify(format.key.map((path) => get(row, path)));
    const list = lists.get(key);
    if (!list) {
      const rowLines = [line];
      const value = { ...row, [nested]: [row[nested]] };
      lists.set(key, { value, rowLines, cells });
      // The list is the only array a row makes: an index in a path is the index of one of its rows.
      const lineOf = (path: readonly PropertyKey[]) => (typeof path[1] === 'number' ? rowLines[path[1]]! : line);
      candidates.push({ value, lineOf, fieldOf });
      return;
    }
    // A later row of the same list must repeat the list's own columns exactly.
    headerColumns.forEach((column, c) => {
      if (!column.path.startsWith(`${nested}.`) && cells[c] !== list.cells[c]) {
        errors.push({
          line,
          field: column.name,
          message: { en: `Differs from line ${list.rowLines[0]}.`, tr: `${list.rowLines[0]}. satırdakinden farklı.` },
        });
      }
    });
    (list.value[nested] as unknown[]).push(row[nested]);
    list.rowLines.push(line);
  });
  return validate(format, candidates, errors);
};

/** CSV that `importCsv` reads back, written by the shared writer (BOM, CRLF, formulas behind an apostrophe). */
export const toCsv = <K extends CatalogueKind>(kind: K, records: readonly CatalogueRecords[K][]): string => {
  const format: Format<CatalogueRecords[K]> = formats[kind];
  const nested = format.nested;
  const rows = records.flatMap((record) => {
    const fields = record as unknown as Fields;
    return nested ? (fields[nested] as unknown[]).map((item) => ({ ...fields, [nested]: item })) : [fields];
  });
  // Every cell as the text the import reads: amounts and percentages already as decimals by their codecs.
  const columns: CsvColumn<Fields>[] = format.columns.map((c) => ({
    header: c.name,
    cell: (row) => (c.codec ? c.codec.write(get(row, c.path), row) : String(get(row, c.path))),
  }));
  return writeCsv(columns, rows);
};

// ---- JSON ---------------------------------------------------------------------------------------

/** The 1-based line each element of the top-level array starts on, in text that is valid JSON. */
const elementLines = (text: string): number[] => {
  const lines: number[] = [];
  let line = 1;
  let depth = 0;
  let inString = false;
  let escaped = false;
  let awaitingElement = false;
  for (const ch of text) {
    if (ch === '\n') line++;
    if (inString) {
      if (escaped) escaped = false;
      else if (ch === '\\') escaped = true;
      else if (ch === '"') inString = false;
      continue;
    }
    // Awaiting an element is at depth 1 only: it is set there, and cleared on entering deeper.
    if (awaitingElement && !/[\s\]]/.test(ch)) {
      lines.push(line);
      awaitingElement = false;
    }
    if (ch === '"') inString = true;
    else if (ch === '[' || ch === '{') awaitingElement = ++depth === 1;
    else if (ch === ']' || ch === '}') depth--;
    else if (ch === ',' && depth === 1) awaitingElement = true;
  }
  return lines;
};

const lineAt = (text: string, position: number) => text.slice(0, position).split('\n').length;

export const importJson = <K extends CatalogueKind>(kind: K, file: string): ImportResult<CatalogueRecords[K]> => {
  const text = file.replace(/^\uFEFF/, '');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    // JSON.parse says where in English only; a reader gets it as it is.
    const message = (error as Error).message;
    // Where it does not say, the error is put at the start.
    const position = /at position (\d+)/.exec(message)?.[1];
    const line = lineAt(text, Number(position ?? 0));
    return { ok: false, errors: [{ line, field: '', message }] };
  }
  if (!Array.isArray(parsed))
    return {
      ok: false,
      errors: [
        {
          line: 1,
          field: '',
          message: { en: 'Expected an array of records.', tr: 'Kayıtlardan oluşan bir dizi bekleniyordu.' },
        },
      ],
    };
  const lines = elementLines(text);
  const fieldOf = (path: readonly PropertyKey[]) => path.map(String).join('.');
  const candidates = parsed.map((value: Fields, i): Candidate => ({ value, lineOf: () => lines[i]!, fieldOf }));
  return validate(formats[kind], candidates, []);
};

/** JSON that `importJson` reads back: one record per element, indented so lines mean something. */
export const toJson = (records: readonly CatalogueRecords[CatalogueKind][]): string =>
  `${JSON.stringify(records, null, 2)}\n`;
