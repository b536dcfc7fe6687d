// Paged queries, one way for every list: a partition of the table or of an index (or all shards of
// a sharded one, merged), a sort-key range, an order, a limit, an optional filter, and an opaque
// cursor that is only good for the query that issued it.
import { createHash } from 'node:crypto';
import { QueryCommand, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './db.js';
import { foreignCursorMessage, notACursor } from './messages.js';
import { ValidationError } from './problems.js';
import { type IndexName, indexKeys, tableSchema } from './table.js';

export interface Filter {
  /** A DynamoDB filter expression over attributes the key does not cover, e.g. `#status = :status`. */
  expression: string;
  names?: Record<string, string>;
  values?: Record<string, unknown>;
}

export interface PageQuery {
  /** Absent: the table itself. */
  index?: IndexName;
  /** One partition, or every shard of a sharded one (their items are merged in sort-key order). */
  partition: string | readonly string[];
  /**
   * The partitions are read one after another, in the order given, instead of merged: for cohorts
   * whose every item sorts before the next one's (months, newest first). A page reads only as far
   * as it needs.
   */
  inTurn?: boolean;
  /** On the sort key: inclusive bounds (`to` covers every key that starts with it), or a prefix. */
  range?: { from?: string; to?: string } | { prefix: string };
  /** `newest` (descending sort key) unless said otherwise. */
  order?: 'newest' | 'oldest';
  limit: number;
  cursor?: string;
  filter?: Filter;
  /** Strongly consistent (the table only; indexes are eventually consistent). */
  consistent?: boolean;
  /**
   * With a filter: at most this many items read (before filtering) per partition for one page. A page
   * may then hold fewer than `limit` items and still have a cursor: the read stopped, not the list.
   */
  readBudget?: number;
  /**
   * In the order of a number no index keys on (a value), ties by the item's key: the query's items are
   * read whole (at most `MAX_SORTED`) and each page is cut after the last one the cursor names.
   */
  sortBy?: SortBy;
}

export interface SortBy {
  /** What the cursor is bound to, beside the query: `value`, say. */
  name: string;
  value: (item: Record<string, unknown>) => number;
  direction: 'ascending' | 'descending';
}

/** The most items a list sorted by a value orders; a bigger one is a report's job. */
export const MAX_SORTED = 10_000;

export interface Page<T> {
  items: T[];
  /** Absent when there is nothing more. */
  next?: string;
}

type Item = Record<string, unknown>;
/** Per partition: where to go on after (a key), or `null` once it has nothing more. */
type Positions = Record<string, Item | null>;

const keyNames = (index?: IndexName) => {
  const table = [tableSchema.partitionKey, tableSchema.sortKey];
  if (!index) return { pk: tableSchema.partitionKey, sk: tableSchema.sortKey, all: table };
  const { partitionKey, sortKey } = indexKeys(index);
  return { pk: partitionKey, sk: sortKey, all: [...table, partitionKey, sortKey] };
};

const partitionsOf = (query: PageQuery) =>
  typeof query.partition === 'string' ? [query.partition] : [...query.partition];

/** What a cursor is bound to: the same index, partitions, range, order and filter. */
const fingerprint = (query: PageQuery) =>
  createHash('sha256')
    .update(
      JSON.stringify([
        query.index ?? '',
        partitionsOf(query),
        query.inTurn ?? false,
        query.range ?? {},
        query.order ?? 'newest',
        query.filter ?? {},
        query.sortBy ? [query.sortBy.name, query.sortBy.direction] : [],
      ]),
    )
    .digest('base64url')
    .slice(0, 22);

const foreignCursor = () => new ValidationError([{ path: 'cursor', message: foreignCursorMessage }]);

/** A sorted list's place: the last item shown, by its value and its table key. */
type After = [number, string];

const encode = (query: PageQuery, positions: Positions, after?: After) =>
  Buffer.from(JSON.stringify({ q: fingerprint(query), p: positions, ...(after ? { a: after } : {}) })).toString(
    'base64url',
  );

const parse = (query: PageQuery, cursor: string) => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw new ValidationError([{ path: 'cursor', message: notACursor }]);
  }
  const { q, p, a } = (parsed ?? {}) as { q?: unknown; p?: unknown; a?: unknown };
  if (typeof p !== 'object' || p === null || Array.isArray(p)) {
    throw new ValidationError([{ path: 'cursor', message: notACursor }]);
  }
  if (q !== fingerprint(query)) throw foreignCursor();
  return { p, a };
};

const decodeAfter = (query: PageQuery, cursor: string): After => {
  const { a } = parse(query, cursor);
  const valid =
    Array.isArray(a) && a.length === 2 && Number.isFinite(a[0]) && typeof a[1] === 'string' && a[1].length <= 2048;
  if (!valid) throw foreignCursor();
  return a as After;
};

const decode = (query: PageQuery, cursor: string): Positions => {
  const { p } = parse(query, cursor);
  const names = keyNames(query.index);
  const partitions = partitionsOf(query);
  const positions: Positions = {};
  for (const [partition, key] of Object.entries(p)) {
    if (!partitions.includes(partition)) throw foreignCursor();
    if (key === null) {
      positions[partition] = null;
      continue;
    }
    // A forged key for another partition would make DynamoDB refuse the query: refuse it here.
    const valid =
      typeof key === 'object' &&
      Object.keys(key).sort().join() === [...names.all].sort().join() &&
      Object.values(key).every((value) => typeof value === 'string' && value.length <= 1024) &&
      (key as Item)[names.pk] === partition;
    if (!valid) throw foreignCursor();
    positions[partition] = key as Item;
  }
  return positions;
};

const keyCondition = (query: PageQuery, _names: ReturnType<typeof keyNames>) => {
  const range = query.range;
  if (!range) return { expression: '#pk = :pk', values: {} };
  if ('prefix' in range)
    return { expression: '#pk = :pk AND begins_with(#sk, :prefix)', values: { ':prefix': range.prefix } };
  const { from, to } = range;
  if (from !== undefined && to !== undefined) {
    return { expression: '#pk = :pk AND #sk BETWEEN :from AND :to', values: { ':from': from, ':to': `${to}\uffff` } };
  }
  if (from !== undefined) return { expression: '#pk = :pk AND #sk >= :from', values: { ':from': from } };
  if (to !== undefined) return { expression: '#pk = :pk AND #sk <= :to', values: { ':to': `${to}\uffff` } };
  return { expression: '#pk = :pk', values: {} };
};

/** Up to `limit` matching items of one partition after `start` (a filter may need several reads). */
const readPartition = async (query: PageQuery, partition: string, start: Item | undefined) => {
  const names = keyNames(query.index);
  const condition = keyCondition(query, names);
  const input: QueryCommandInput = {
    TableName: tableName(),
    IndexName: query.index,
    KeyConditionExpression: condition.expression,
    ExpressionAttributeNames: { '#pk': names.pk, '#sk': names.sk, ...query.filter?.names },
    ExpressionAttributeValues: { ':pk': partition, ...condition.values, ...query.filter?.values },
    FilterExpression: query.filter?.expression,
    ScanIndexForward: query.order === 'oldest',
    ConsistentRead: query.consistent,
  };
  // Without a sort-key condition the #sk name is unused, which DynamoDB refuses.
  if (!condition.expression.includes('#sk')) delete input.ExpressionAttributeNames!['#sk'];
  const items: Item[] = [];
  const budget = query.readBudget ?? Number.POSITIVE_INFINITY;
  let scanned = 0;
  let from = start;
  do {
    const limit = Math.min(query.limit - items.length, budget - scanned);
    const page = await db().send(new QueryCommand({ ...input, Limit: limit, ExclusiveStartKey: from }));
    items.push(...(page.Items ?? []));
    scanned += page.ScannedCount ?? 0;
    from = page.LastEvaluatedKey;
  } while (from && items.length < query.limit && scanned < budget);
  /** Where the read stopped short of `limit` for its budget: nothing up to here is missing. */
  const stoppedAt = from && items.length < query.limit ? (from as Item) : undefined;
  return { items, exhausted: !from, stoppedAt };
};

const keyOf = (item: Item, names: ReturnType<typeof keyNames>) =>
  Object.fromEntries(names.all.map((name) => [name, item[name]]));

const pageOf = (query: PageQuery, items: Item[], next: Positions): Page<Item> => {
  const done = partitionsOf(query).every((partition) => next[partition] === null);
  return { items, next: done ? undefined : encode(query, next) };
};

/** A page of partitions read in turn: each from where the cursor left it, until the page is full. */
const pageInTurn = async (query: PageQuery, positions: Positions): Promise<Page<Item>> => {
  const names = keyNames(query.index);
  const next: Positions = { ...positions };
  const items: Item[] = [];
  for (const partition of partitionsOf(query)) {
    if (next[partition] === null) continue;
    const read = await readPartition(
      { ...query, limit: query.limit - items.length },
      partition,
      next[partition] ?? undefined,
    );
    items.push(...read.items);
    if (read.items.length) next[partition] = keyOf(read.items.at(-1)!, names);
    if (read.stoppedAt) next[partition] = keyOf(read.stoppedAt, names);
    if (!read.exhausted) break;
    next[partition] = null;
  }
  return pageOf(query, items, next);
};

/**
 * One page of a query. Over several partitions (the shards of one key), each is read up to the
 * limit, the results are merged in sort-key order, and the cursor remembers where each one stands.
 */
export const queryPage = async (query: PageQuery): Promise<Page<Item>> => {
  if (query.sortBy) return sortedPage(query, query.sortBy);
  const names = keyNames(query.index);
  const positions = query.cursor ? decode(query, query.cursor) : {};
  if (query.inTurn) return pageInTurn(query, positions);
  const open = partitionsOf(query).filter((partition) => positions[partition] !== null);
  const reads = await Promise.all(
    open.map(async (partition) => ({
      partition,
      ...(await readPartition(query, partition, positions[partition] ?? undefined)),
    })),
  );
  const descending = query.order !== 'oldest';
  const before = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0) * (descending ? -1 : 1);
  // A shard whose budget ran out may still hold items past where it stopped: nothing beyond the
  // nearest such stop is taken, or a later page would have to go back in the sort order.
  const frontier = reads
    .map((read) => (read.stoppedAt ? String(read.stoppedAt[names.sk]) : undefined))
    .filter((sk): sk is string => sk !== undefined)
    .sort(before)[0];
  const merged = reads
    .flatMap(({ partition, items }) => items.map((item) => ({ partition, item })))
    .filter((entry) => frontier === undefined || before(String(entry.item[names.sk]), frontier) <= 0)
    .sort((a, b) => before(String(a.item[names.sk]), String(b.item[names.sk])))
    .slice(0, query.limit);
  const next: Positions = { ...positions };
  for (const { partition, items, exhausted, stoppedAt } of reads) {
    const taken = merged.filter((entry) => entry.partition === partition);
    if (taken.length) next[partition] = keyOf(taken.at(-1)!.item, names);
    if (taken.length === items.length && stoppedAt) next[partition] = keyOf(stoppedAt, names);
    if (exhausted && taken.length === items.length) next[partition] = null;
  }
  return pageOf(
    query,
    merged.map((entry) => entry.item),
    next,
  );
};

/**
 * A page of a query in the order of a value: every item read (bounded), sorted, and cut after the
 * cursor's place. A place, not an offset, so an item added or removed between pages moves none.
 */
const sortedPage = async (query: PageQuery, by: SortBy): Promise<Page<Item>> => {
  const after = query.cursor ? decodeAfter(query, query.cursor) : undefined;
  const { cursor: _, sortBy: __, limit, ...whole } = query;
  const sign = by.direction === 'ascending' ? 1 : -1;
  const placeOf = (item: Item): After => [
    by.value(item),
    `${item[tableSchema.partitionKey]}\n${item[tableSchema.sortKey]}`,
  ];
  const compare = (x: After, y: After) => sign * (x[0] - y[0] || (x[1] < y[1] ? -1 : x[1] > y[1] ? 1 : 0));
  const sorted = (await queryAll(whole, MAX_SORTED))
    .map((item) => ({ item, place: placeOf(item) }))
    .sort((x, y) => compare(x.place, y.place));
  const rest = after ? sorted.filter((entry) => compare(entry.place, after) > 0) : sorted;
  const shown = rest.slice(0, limit);
  return {
    items: shown.map((entry) => entry.item),
    next: rest.length > limit ? encode(query, {}, shown.at(-1)!.place) : undefined,
  };
};

/**
 * The cursor of a one-partition query whose page ended at `last` (from its start when undefined):
 * for a page cut out of a larger read, whose next page the query itself then serves.
 */
export const cursorAfter = (query: Omit<PageQuery, 'cursor' | 'limit'> & { partition: string }, last?: Item) =>
  encode({ ...query, limit: 0 }, last ? { [query.partition]: keyOf(last, keyNames(query.index)) } : {});

/** Every matching item, up to `max`: for reads that want the whole (small) result. */
export const queryAll = async (query: Omit<PageQuery, 'cursor' | 'limit'>, max = 1000): Promise<Item[]> => {
  const items: Item[] = [];
  let cursor: string | undefined;
  do {
    const page = await queryPage({ ...query, limit: Math.min(100, max - items.length), cursor });
    items.push(...page.items);
    cursor = page.next;
  } while (cursor && items.length < max);
  return items;
};

/**
 * Every item a paged list gives, page after page, up to `max`: for readers of another module's list
 * function (which pages with its own cursor) that need all of it, e.g. an inbox or an export.
 */
export const collectPages = async <T>(
  page: (cursor: string | undefined) => Promise<{ items: T[]; next?: string }>,
  max: number,
): Promise<T[]> => {
  const found: T[] = [];
  let cursor: string | undefined;
  do {
    const read = await page(cursor);
    found.push(...read.items);
    cursor = read.next;
  } while (cursor && found.length < max);
  return found.slice(0, max);
};
