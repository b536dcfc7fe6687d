// "Export what you see": every item a list's filter finds (not one page of it), as CSV through the one
// CSV writer unless JSON is asked for, so a list's export and its pages never disagree on the filter.
import { clockNow } from './clock.js';
import { type CsvColumn, toCsv } from './csv.js';
import { csvFile, type HttpEvent, json, wantsCsv } from './http.js';
import { currencySchema, type Money } from './money.js';
import { collectPages, type SortBy } from './query.js';
import * as z from './schema.js';
import { istanbulDate } from './time.js';

/** The most rows one export writes; a bigger one is a report's job. */
export const MAX_EXPORT = 10_000;
const EXPORT_PAGE = 100;

/** The export's own query parameter, beside the list's filter: CSV unless JSON is asked for. */
export const exportFormat = { format: z._default(z.enum(['csv', 'json']), 'csv') };

export interface ListExport<R> {
  event: HttpEvent;
  format: 'csv' | 'json' | undefined;
  /** The file's name before its date (`orders` → `orders-2026-03-06.csv`), and the JSON answer's field. */
  name: string;
  columns: readonly CsvColumn<R>[];
  /** One page of the filtered list, as the list route reads it. */
  page: (cursor: string | undefined, limit: number) => Promise<{ items: R[]; next?: string }>;
}

export const listExport = async <R>({ event, format, name, columns, page }: ListExport<R>) => {
  const rows = await collectPages((cursor) => page(cursor, EXPORT_PAGE), MAX_EXPORT);
  return wantsCsv(event, format)
    ? csvFile(`${name}-${istanbulDate(clockNow())}`, toCsv(columns, rows))
    : json(200, { [name]: rows });
};

/**
 * Sorting a list by value: `highest` or `lowest` net total first, in minor units, within one currency
 * (`currency`, TRY unless named: amounts of two currencies are not compared, and only some records
 * carry a TRY equivalent). A record without a tax split (an order taken in with its total) counts
 * its grand total. Ties go by the record's key, so paging stays stable.
 */
export const valueSorts = ['highest', 'lowest'] as const;
export const valueCurrency = { currency: z.optional(currencySchema) };

export const byValue = (sort: string | undefined): SortBy | undefined =>
  sort === 'highest' || sort === 'lowest'
    ? {
        name: 'netValue',
        value: (item) => {
          const totals = item.totals as { grandTotal: Money; netTotal?: Money };
          return (totals.netTotal ?? totals.grandTotal).amount;
        },
        direction: sort === 'highest' ? 'descending' : 'ascending',
      }
    : undefined;

/** The currency a list sorted by value keeps to; any other list keeps to the one named, if any. */
export const currencyOf = (sort: string | undefined, currency: string | undefined) =>
  currency ?? (byValue(sort) ? 'TRY' : undefined);
