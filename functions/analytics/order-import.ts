// Historical orders from a CSV file, so a firm starting with the product has last year's figures. The
// file is checked whole first — every bad row, an unknown customer or a missing FX rate refuses it with
// its line numbers and nothing is counted — then an import job counts its orders in the background, a
// chunk at a time, each order as delivered exactly as the event consumer counts it (the same applied
// marker), so a chunk applied again, or a file imported twice, counts nothing twice. Not all or nothing
// once it runs: a job that stops part-way keeps the orders it counted, and importing the same file again
// counts the rest.
//   order_id, customer_id, order_date (Istanbul date), currency, amount (decimal in the currency),
//   amount_try (decimal TRY at the order date's rate; empty: the catalogue's FX rate of that date)

import { parse } from 'csv-parse/sync';
import { isId } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { importJobs } from '../../shared/import-jobs.js';
import { currencySchema, minorToDecimal, parseDecimalToMinor } from '../../shared/money.js';
import * as z from '../../shared/schema.js';
import { isoDateSchema } from '../../shared/time.js';
import { amountIn, type Codec, type Format, type ImportError, importCsvWith } from '../catalogue/public.js';
import type { OrderValue } from './domain/customer-value.js';
import { amountInTry, applyOrderValue, profiles } from './value-store.js';

/** Checked within the request (customers and FX rates read); counted in the background. */
export const MAX_IMPORT_ROWS = 10_000;
/** Orders counted at once: each is one transaction (about 15 ms). */
const PARALLEL = 8;
/** Rows whose FX rate is looked up at once while checking. */
const LOOKUPS = 50;

const aboveZero = z.said({ en: 'Must be more than zero.', tr: 'Sıfırdan büyük olmalı.' });

const orderRowSchema = z.object({
  orderId: z.requiredLine(100),
  customerId: z.string().check(z.refine(isId, z.said({ en: 'Not a customer id.', tr: 'Bir müşteri kimliği değil.' }))),
  orderDate: isoDateSchema,
  currency: currencySchema,
  amount: z.int().check(z.positive(aboveZero)),
  amountTry: z.optional(z.int().check(z.positive(aboveZero))),
});

/** An empty cell is no value; anything else a TRY decimal. */
const optionalTry: Codec = {
  read: (cell) => (cell === '' ? undefined : parseDecimalToMinor(cell, 'TRY')),
  write: (value) => (value === undefined ? '' : minorToDecimal({ amount: Number(value), currency: 'TRY' })),
};

const orderFormat: Format<OrderValue> = {
  schema: orderRowSchema,
  key: ['orderId'],
  columns: [
    { name: 'order_id', path: 'orderId' },
    { name: 'customer_id', path: 'customerId' },
    { name: 'order_date', path: 'orderDate' },
    { name: 'currency', path: 'currency' },
    { name: 'amount', path: 'amount', codec: amountIn('currency') },
    { name: 'amount_try', path: 'amountTry', codec: optionalTry },
  ],
};

/** The line each data row starts on: valid rows hold no line breaks, so csv-parse's count is exact. */
const rowLines = (text: string) =>
  (
    parse(text, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as { info: { lines: number } }[]
  )
    .slice(1)
    .map((record) => record.info.lines);

export type CheckedOrders = { ok: true; orders: OrderValue[] } | { ok: false; errors: ImportError[] };

/** The file's orders, each with its TRY amount, or every error with its line: nothing is written. */
export const checkOrders = async (text: string): Promise<CheckedOrders> => {
  const parsed = importCsvWith(orderFormat, text);
  if (!parsed.ok) return parsed;
  const rows = parsed.records;
  if (rows.length > MAX_IMPORT_ROWS) {
    const message = {
      en: `At most ${MAX_IMPORT_ROWS} orders per file.`,
      tr: `Bir dosyada en çok ${MAX_IMPORT_ROWS} sipariş olabilir.`,
    };
    return { ok: false, errors: [{ line: MAX_IMPORT_ROWS + 2, field: '', message }] };
  }
  const lines = rowLines(text);
  const errors: ImportError[] = [];
  const known = await profiles([...new Set(rows.map((r) => r.customerId))], []);
  const orders: OrderValue[] = [];
  for (let start = 0; start < rows.length; start += LOOKUPS) {
    const slice = rows.slice(start, start + LOOKUPS);
    const priced = await Promise.all(
      slice.map(async (row, n) => {
        const line = lines[start + n]!;
        if (!known.has(row.customerId))
          errors.push({
            line,
            field: 'customer_id',
            message: { en: 'No such customer.', tr: 'Böyle bir müşteri yok.' },
          });
        const amountTry = row.amountTry ?? (await amountInTry(row.amount, row.currency, row.orderDate));
        if (amountTry === undefined)
          errors.push({
            line,
            field: 'amount_try',
            message: {
              en: `No ${row.currency} rate on or before ${row.orderDate}: give amount_try.`,
              tr: `${row.orderDate} veya öncesi için ${row.currency} kuru yok: amount_try verin.`,
            },
          });
        return { ...row, amountTry };
      }),
    );
    orders.push(...priced);
  }
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  return { ok: true, orders };
};

/** Counts orders as delivered, `PARALLEL` at a time: how many were counted now, how many already were. */
export const countOrders = async (orders: readonly OrderValue[], now = clockNow()) => {
  let imported = 0;
  for (let i = 0; i < orders.length; i += PARALLEL) {
    // The same customer twice in one slice is fine: the figures' seq makes the second re-read.
    const outcomes = await Promise.all(
      orders.slice(i, i + PARALLEL).map((order) => applyOrderValue(order, 'delivered', now)),
    );
    imported += outcomes.filter((o) => o === 'applied').length;
  }
  return { imported, alreadyCounted: orders.length - imported };
};

/** The order-history import's jobs: each chunk's orders counted (a redelivered chunk counts none again). */
export const orderJobs = importJobs<OrderValue, Record<string, never>>({
  importer: 'orders',
  apply: (rows) => countOrders(rows),
});
