// A part of a customer's record: the items of one type under one sort-key prefix of the customer's
// partition, shown by a summary. Modules that keep items in the customer's partition contribute
// one; the customer record (the full record, its per-part pages and the call center's lookup) is
// built from them. A part also says what erasing the person (KVKK art. 7) does to its items: gone
// unless it says otherwise, kept with the personal fields removed where the law requires it kept.
import { fromItem } from './entity.js';
import type { Text } from './messages.js';
import type { Filter } from './query.js';
import type * as z from './schema.js';
import { type ItemType, keys } from './table.js';

type Item = Record<string, unknown>;

/**
 * What erasing the person does to one item of a part: `delete` it; `keep` it as given (the personal
 * fields taken out: what commercial law requires of an invoiced order); or `refuse` the erasure while
 * the item still needs the person (an order on its way to them), saying why.
 */
export type ErasureOutcome<T> = { delete: true } | { keep: T } | { refuse: Text };

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
  /** What erasing the person does to an item: deleted when the part does not say. */
  erase?(value: T): ErasureOutcome<T>;
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

/** What erasing the person does to a stored item of the part (its keys and type are the caller's to keep). */
export const erasureOf = (spec: RecordPart<unknown>, item: Item): ErasureOutcome<Item> =>
  (spec.erase?.(fromItem(item)) as ErasureOutcome<Item> | undefined) ?? { delete: true };
