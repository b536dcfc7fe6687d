// Merging two customers found to be one, the pure part: how an item of the duplicate's partition is
// rewritten for the kept customer, how two items that share a key become one, which contact
// markers the duplicate may hold, which details its contact people hold, and how the moves are cut
// into transactions. No AWS here.
import { normalizeEmail, toE164 } from '../../../shared/contact.js';
import type { ContactKeys } from '../../../shared/customer.js';
import { type Key, keyAttributes, keys, tableSchema } from '../../../shared/table.js';

type Item = Record<string, unknown>;

/** DynamoDB's limits for one TransactWriteItems: 100 actions and 4 MB; we stay under both. */
export const TRANSACTION_MAX_ACTIONS = 100;
export const TRANSACTION_MAX_BYTES = 3_500_000;

const indexKeyAttributes = keyAttributes.filter(
  (name) => name !== tableSchema.partitionKey && name !== tableSchema.sortKey,
);

/**
 * The duplicate's item as the kept customer's: in the kept partition under the same sort key; every
 * value that names the duplicate (its id in `customerId`, a queue entry's `data`, its partition in a
 * queue entry's `entity`) names the kept one; index keys that embed the id get the kept id, the rest
 * stay as they are (by-id lookups then find the item in its new partition).
 */
export const rewriteItem = (item: Item, fromId: string, toId: string): Item => {
  const fromPartition = keys.customerPartition(fromId);
  const toPartition = keys.customerPartition(toId);
  const rewrite = (value: unknown): unknown => {
    if (value === fromId) return toId;
    if (value === fromPartition) return toPartition;
    if (Array.isArray(value)) return value.map(rewrite);
    if (value instanceof Set) return new Set([...value].map(rewrite));
    if (value && typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
      return Object.fromEntries(Object.entries(value).map(([name, inner]) => [name, rewrite(inner)]));
    }
    return value;
  };
  const copy = rewrite(item) as Item;
  copy[tableSchema.partitionKey] = toPartition;
  copy[tableSchema.sortKey] = item[tableSchema.sortKey];
  for (const name of indexKeyAttributes) {
    if (typeof item[name] === 'string') copy[name] = (item[name] as string).replaceAll(fromId, toId);
  }
  return copy;
};

const isCounter = (name: string) => name.endsWith('Count');
const isLatest = (name: string) => /^last[A-Z]\w*At$/.test(name);
const isBlank = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Two items that are one: the kept item's values win, gaps are filled from the duplicate's; sets
 * (owners, teams) are united, counters (`…Count`) summed, `createdAt` the earlier, `last…At` the
 * later, and `seq` moves past both so a write based on either is stale. Keys are the kept item's.
 */
export const combineItems = (kept: Item, duplicate: Item): Item => {
  const combined: Item = { ...kept };
  for (const [name, theirs] of Object.entries(duplicate)) {
    if (keyAttributes.includes(name)) continue;
    const ours = kept[name];
    if (isBlank(ours)) combined[name] = theirs;
    else if (ours instanceof Set && theirs instanceof Set) combined[name] = new Set([...ours, ...theirs]);
    else if (name === 'seq' && typeof ours === 'number' && typeof theirs === 'number')
      combined[name] = Math.max(ours, theirs) + 1;
    else if (isCounter(name) && typeof ours === 'number' && typeof theirs === 'number') combined[name] = ours + theirs;
    else if (name === 'createdAt' && typeof theirs === 'string' && theirs < String(ours)) combined[name] = theirs;
    else if (isLatest(name) && typeof theirs === 'string' && theirs > String(ours)) combined[name] = theirs;
  }
  return combined;
};

/**
 * The contact markers (e-mail, phone) the duplicate's items name: its profile's, those its leads and
 * contacts claimed, the addresses its consent entries are about. Each is re-pointed only while it
 * still names the duplicate, so naming too many costs a read and changes nothing.
 */
export const markerKeysOf = (items: readonly Item[]): Key[] => {
  const found = new Map<string, Key>();
  const add = (key: Key) => found.set(`${key.pk} ${key.sk}`, key);
  const email = (value: unknown) =>
    typeof value === 'string' && value.includes('@') && add(keys.emailMarker(normalizeEmail(value)));
  const phone = (value: unknown) => {
    const e164 = typeof value === 'string' ? toE164(value) : undefined;
    if (e164) add(keys.phoneMarker(e164));
  };
  for (const item of items) {
    email(item.emailKey);
    email(item.email);
    phone(item.phone);
    if (item.type === 'consent') (item.channel === 'email' ? email : phone)(item.address);
  }
  return [...found.values()];
};

/** The e-mail and phone a contact person's item holds (each has a holder item keyed by their customer). */
export const heldDetailsOf = (item: Item): ContactKeys[] =>
  item.type === 'contact'
    ? [
        ...(typeof item.emailKey === 'string' ? [{ emailKey: item.emailKey }] : []),
        ...(typeof item.phone === 'string' ? [{ phone: item.phone }] : []),
      ]
    : [];

/** About how many bytes an item takes in a request (sets written as lists). */
export const itemBytes = (item: Item) =>
  Buffer.byteLength(
    JSON.stringify(item, (_, value) => (value instanceof Set ? [...value] : value)),
    'utf8',
  );

/**
 * The moves cut into transactions, in order: each item is `actionsOf` actions (the copy and the
 * delete of the original, and whatever moves with it: a contact person's holder items) and each
 * transaction keeps `reserved` actions for its own bookkeeping, stays under the size limit, and
 * holds at least one item.
 */
export const planBatches = <T extends Item>(
  items: readonly T[],
  reserved = 1,
  maxBytes = TRANSACTION_MAX_BYTES,
  actionsOf: (item: T) => number = () => 2,
): T[][] => {
  const maxActions = TRANSACTION_MAX_ACTIONS - reserved;
  const batches: T[][] = [];
  let batch: T[] = [];
  let bytes = 0;
  let actions = 0;
  for (const item of items) {
    const size = itemBytes(item);
    const its = actionsOf(item);
    if (batch.length && (actions + its > maxActions || bytes + size > maxBytes)) {
      batches.push(batch);
      batch = [];
      bytes = 0;
      actions = 0;
    }
    batch.push(item);
    bytes += size;
    actions += its;
  }
  if (batch.length) batches.push(batch);
  return batches;
};
