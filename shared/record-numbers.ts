// Numbers people speak: a record's letters and the last eight characters of its ULID (the random
// part, so two records made in the same millisecond differ), e.g. `Q-FT7H82FA` for a quote. Mails,
// PDFs, lists and pages show this number, never the 26-character id; a number typed back (any case,
// with or without its letters) finds the record through `numberSuffix`. Each numbered record is
// created with a number item (NUMBER#<letters>-<suffix>, one per record holding it) so one typed
// number finds its record with one Query, whatever its kind (GET /numbers/{number}).

import { putNew, type TransactItem } from './db.js';
import { queryAll } from './query.js';

/** The letters before each kind's number: Turkish initials, as the firm's papers print them. */
export const numberPrefixes = {
  quote: 'Q',
  order: 'SP',
  request: 'TL',
  lead: 'L',
  // Müşteri
  customer: 'M',
  // Sözleşme
  agreement: 'SZ',
} as const;
export type NumberedKind = keyof typeof numberPrefixes;

const SUFFIX = 8;

export const recordNumber = (kind: NumberedKind, id: string) => `${numberPrefixes[kind]}-${id.slice(-SUFFIX)}`;

const ULID_SUFFIX = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * The id suffix a typed number stands for (`sp-01abcdef`, `01ABCDEF`), upper-cased; undefined when
 * the text cannot be one (another kind's letters, a wrong length, a letter a ULID never holds).
 */
export const numberSuffix = (kind: NumberedKind, typed: string): string | undefined => {
  const text = typed.trim().toUpperCase();
  const dash = text.lastIndexOf('-');
  const letters = dash === -1 ? undefined : text.slice(0, dash);
  if (letters !== undefined && letters !== numberPrefixes[kind]) return undefined;
  const suffix = dash === -1 ? text : text.slice(dash + 1);
  return ULID_SUFFIX.test(suffix) ? suffix : undefined;
};

/** A typed number of any kind (`q-ft7h82fa`, ` SP-01ABCDEF `): its kind and suffix; undefined when it is none. */
export const parseNumber = (typed: string): { kind: NumberedKind; suffix: string } | undefined => {
  const text = typed.trim().toUpperCase();
  const dash = text.lastIndexOf('-');
  if (dash === -1) return undefined;
  const letters = text.slice(0, dash);
  const kind = (Object.keys(numberPrefixes) as NumberedKind[]).find((k) => numberPrefixes[k] === letters);
  const suffix = numberSuffix(kind ?? 'quote', text);
  return kind && suffix ? { kind, suffix } : undefined;
};

const numberPartition = (kind: NumberedKind, suffix: string) => `NUMBER#${numberPrefixes[kind]}-${suffix}`;

/** Where a number points: the record's kind and id, and the customer whose partition holds it. */
export interface NumberHolder {
  kind: NumberedKind;
  id: string;
  customerId: string;
}

/** The number item a record is created with (ids only: a number says nothing about a person). */
export const numberItem = (holder: NumberHolder): TransactItem =>
  putNew({
    pk: numberPartition(holder.kind, holder.id.slice(-SUFFIX)),
    sk: holder.id,
    type: 'record-number',
    ...holder,
  });

/** Every record holding the number (two records share eight random characters about once in a trillion). */
export const numberHolders = async (kind: NumberedKind, suffix: string): Promise<NumberHolder[]> =>
  (await queryAll({ partition: numberPartition(kind, suffix), order: 'oldest', consistent: true }, 10)).map((item) => ({
    kind: item.kind as NumberedKind,
    id: item.id as string,
    customerId: item.customerId as string,
  }));

declare module './table.js' {
  interface ItemTypes {
    'record-number': true;
  }
}

/** Does the record's id carry this number's suffix? */
export const hasNumber = (id: string, suffix: string) => id.endsWith(suffix);
