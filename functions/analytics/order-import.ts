// Historical orders from a CSV file, so a firm starting with the product has last year's figures:
// all or nothing — every bad row, an unknown customer or a missing FX rate fails the file with its
// line numbers and nothing is counted — then each order counted as delivered exactly as the event
// consumer counts it (the same applied marker), so a file imported twice changes nothing.
//   order_id, customer_id, order_date (Istanbul date), currency, amount (decimal in the currency),
//   amount_try (decimal TRY at the order date's rate; empty: the catalogue's FX rate of that date)

import { parse } from 'csv-parse/sync';
import { isId } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { currencySchema, minorToDecimal, parseDecimalToMinor } from '../../shared/money.js';
import * as z from '../../shared/schema.js';
import { isoDateSchema } from '../../shared/time.js';
import { amountIn, type Codec, type Format, type ImportError, importCsvWith } from '../catalogue/public.js';
import type { OrderValue } from './domain/customer-value.js';
import { amountInTry, applyOrderValue, profiles } from './value-store.js';

/** Each order is one transaction (about 15 ms): two thousand stay well inside the API's 29 s. */
export const MAX_IMPORT_ROWS = 2000;
const PARALLEL = 8;

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

export type OrderImport = { ok: true; imported: number; alreadyCounted: number } | { ok: false; errors: ImportError[] };

export const importOrders = async (text: string, now = clockNow()): Promise<OrderImport> => {
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
  const orders = await Promise.all(
    rows.map(async (row, i) => {
      if (!known.has(row.customerId))
        errors.push({
          line: lines[i]!,
          field: 'customer_id',
          message: { en: 'No such customer.', tr: 'Böyle bir müşteri yok.' },
        });
      const amountTry = row.amountTry ?? (await amountInTry(row.amount, row.currency, row.orderDate));
      if (amountTry === undefined)
        errors.push({
          line: lines[i]!,
          field: 'amount_try',
          message: {
            en: `No ${row.currency} rate on or before ${row.orderDate}: give amount_try.`,
            tr: `${row.orderDate} veya öncesi için ${row.currency} kuru yok: amount_try verin.`,
          },
        });
      return { ...row, amountTry };
    }),
  );
  if (errors.length) return { ok: false, errors: errors.sort((a, b) => a.line - b.line) };
  let imported = 0;
  for (let i = 0; i < orders.length; i += PARALLEL) {
    // The same customer twice in one slice is fine: the figures' seq makes the second re-read.
    const outcomes = await Promise.all(
      orders.slice(i, i + PARALLEL).map((order) => applyOrderValue(order, 'delivered', now)),
    );
    imported += outcomes.filter((o) => o === 'applied').length;
  }
  return { ok: true, imported, alreadyCounted: orders.length - imported };
};
