// A part of a customer's record: the items of one type under one sort-key prefix of the customer's
// partition, shown by a summary. Modules that keep items in the customer's partition contribute
// one; the customer record (the full record, its per-part pages and the call center's lookup) is
// built from them.
import { fromItem } from './entity.js';
import type { Filter } from './query.js';
import type * as z from './schema.js';
import { type ItemType, keys } from './table.js';

type Item = Record<string, unknown>;

export interface RecordPart<T = never, S extends z.core.$ZodType = z.core.$ZodType> {
  /** Its items' sort keys in the customer partition start with this. */
  prefix: string;
  /** Other items share the prefix (history, versions, notes): only this type is the part's. */
  type: ItemType;
  /** The summary's schema, for the response declarations. */
  schema: S;
  // Method syntax: the table holds parts of different item types side by side.
  summary(value: T): z.output<S>;
  /** Shown by the call center's lookup under this name, newest first, only what `keep` keeps. */
  lookup?: { name: string; keep?(value: T): boolean };
}

export const recordPart = <T, S extends z.core.$ZodType>(spec: RecordPart<T, S>) => spec;

/** A stored item of the part, as its summary. */
export const summarize = (spec: RecordPart<unknown>, item: Item) => spec.summary(fromItem(item));

/** Whether the lookup shows a stored item of the part. */
export const keptByLookup = (spec: RecordPart<unknown>, item: Item) => spec.lookup?.keep?.(fromItem(item)) ?? true;

/** The Query that pages one part, newest first; the record's cursors are cursors of this query. */
export const partQuery = (customerId: string, spec: RecordPart<unknown>) => ({
  partition: keys.customerPartition(customerId),
  range: { prefix: spec.prefix },
  order: 'newest' as const,
  filter: { expression: '#type = :type', names: { '#type': 'type' }, values: { ':type': spec.type } } satisfies Filter,
  consistent: true,
});
