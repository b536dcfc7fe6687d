// What erasing a person does to each item of their partition, the pure part: each record part says
// for its items (shared/record-part.ts), each module's contribution names the types it keeps as they
// are (ids and amounts), consent entries become evidence under a keyed hash, the history of a kept
// item stays without its free-text notes, and everything else goes. No AWS here.
import { normalizeEmail, toE164 } from '../../../shared/contact.js';
import type { ErasureContribution, PersonDetails } from '../../../shared/erasure.js';
import type { Text } from '../../../shared/messages.js';
import { erasureOf, type RecordPart } from '../../../shared/record-part.js';
import { type Key, keyAttributes, tableKeyOf } from '../../../shared/table.js';

type Item = Record<string, unknown>;

export interface ErasurePlan {
  /** Items to delete, but the profile. */
  deletes: Key[];
  /** The customer's profile: deleted last, with the request's record. */
  profile?: Key;
  /** Items to write back without the person (keys, index keys and type as they were). */
  keeps: Item[];
  /** Consent entries, to keep as evidence under the keyed hash of their address. */
  consents: Item[];
  /** Items kept as they are (no personal data). */
  untouched: number;
  /** Why the person cannot be erased now (an order on its way): nothing is done when there is one. */
  refusals: Text[];
}

const keysOf = (item: Item): Item =>
  Object.fromEntries(keyAttributes.filter((name) => item[name] !== undefined).map((name) => [name, item[name]]));

/** Free text staff typed on a history entry: it may name anyone. */
const withoutNote = (item: Item): Item => {
  const { note: _, ...rest } = item;
  return rest;
};

export const planErasure = (
  items: readonly Item[],
  parts: readonly RecordPart<unknown>[],
  contributions: readonly ErasureContribution[],
): ErasurePlan => {
  const partOf = new Map(parts.map((part) => [part.type as string, part]));
  const keepsAsIs = new Set<string>(contributions.flatMap((c) => c.keepsAsIs ?? []));
  const plan: ErasurePlan = { deletes: [], keeps: [], consents: [], untouched: 0, refusals: [] };
  const keptSortKeys: string[] = [];
  const rest: Item[] = [];
  for (const item of items) {
    const type = String(item.type);
    const part = partOf.get(type);
    if (type === 'consent') plan.consents.push(item);
    else if (keepsAsIs.has(type)) plan.untouched++;
    else if (part) {
      const outcome = erasureOf(part, item);
      if ('refuse' in outcome) plan.refusals.push(outcome.refuse);
      else if ('keep' in outcome) {
        plan.keeps.push({ ...keysOf(item), type, ...outcome.keep });
        keptSortKeys.push(tableKeyOf(item).sk);
      } else plan.deletes.push(tableKeyOf(item));
    } else if (type === 'customer') plan.profile = tableKeyOf(item);
    else rest.push(item);
  }
  for (const item of rest) {
    const { sk } = tableKeyOf(item);
    const besideKept = keptSortKeys.some((kept) => sk.startsWith(`${kept}#`));
    if (besideKept && item.type === 'history') plan.keeps.push(withoutNote(item));
    else plan.deletes.push(tableKeyOf(item));
  }
  return plan;
};

/** Types whose top-level `name` is a person's (or a company's contact's) name. */
const namedTypes = new Set(['customer', 'lead', 'contact']);

/** Every e-mail, phone and name the person's items hold, and the ids of their own items. */
export const personDetails = (customerId: string, items: readonly Item[]): PersonDetails => {
  const emails = new Set<string>();
  const phones = new Set<string>();
  const names = new Set<string>();
  const ids = new Set<string>();
  const email = (value: unknown) =>
    typeof value === 'string' && value.includes('@') && emails.add(normalizeEmail(value));
  const phone = (value: unknown) => {
    const e164 = typeof value === 'string' ? toE164(value) : undefined;
    if (e164) phones.add(e164);
  };
  /** `key` is the name the value is under (none at an item's top level). */
  const walk = (value: unknown, key?: string) => {
    if (Array.isArray(value) || value instanceof Set) for (const inner of value) walk(inner, key);
    else if (value && typeof value === 'object') {
      for (const [name, inner] of Object.entries(value)) {
        if (name === 'email' || name === 'emailKey') email(inner);
        else if (name === 'phone') phone(inner);
        else if (name === 'name' && (key === 'contact' || key === 'customer') && typeof inner === 'string')
          names.add(inner);
        else walk(inner, name);
      }
    }
  };
  for (const item of items) {
    walk(item);
    if (namedTypes.has(String(item.type)) && typeof item.name === 'string') names.add(item.name);
    if (item.type === 'consent') (item.channel === 'email' ? email : phone)(item.address);
    // The item's own id (a lead's leadId, an order's orderId), not the ids of people it names.
    const own = item[`${String(item.type).replace(/-(\w)/g, (_, c: string) => c.toUpperCase())}Id`];
    if (typeof own === 'string' && item.type !== 'customer') ids.add(own);
  }
  return { customerId, emails: [...emails], phones: [...phones], names: [...names], ids: [...ids] };
};
