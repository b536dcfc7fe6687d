// Erasing a person (KVKK art. 7 and 11): the mechanism, naming no module. What erasure does to an
// item of a module is that module's to say: a record part's `erase` (shared/record-part.ts) for the
// items it shows, an `ErasureContribution` for the rest. This file does the platform's share: the
// customer's contact markers and holder items, the suppression entry, pending double opt-ins, stored
// idempotency answers and daily mail quotas that name the person, and the consent ledger, kept as
// evidence for its period under a keyed hash of the address instead of the address. It leaves a keyed
// hash (HMAC with the stage's signing secret) of each erased e-mail and phone, so an import can tell
// that a detail belonged to someone erased; a new form submission is new consent and is not stopped.
import { createHmac } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { ConsentEntry } from './consent.js';
import type { ContactKeys } from './customer.js';
import { db, scanType, tableName } from './db.js';
import { queryAll } from './query.js';
import { signingSecret } from './secrets.js';
import { type ItemType, type Key, keys, tableKeyOf } from './table.js';

type Item = Record<string, unknown>;

declare module './table.js' {
  interface ItemTypes {
    'erased-contact': true;
  }
}

export interface ErasureContribution {
  /** Item types of the customer's partition that hold no personal data (ids, amounts, counters): kept as they are. */
  keepsAsIs?: readonly ItemType[];
  /** Item types elsewhere in the table that name the person by their `customerId` (a campaign's recipients): deleted. */
  elsewhere?: readonly ItemType[];
}

/** How long consent evidence outlives the erasure (Law 6563's regulation: three years after the consent ends). */
export const CONSENT_EVIDENCE_YEARS = 3;

export type DetailKind = 'email' | 'phone';

/** The keyed hash of an e-mail (normalized) or an E.164 phone: the same for the same detail, unguessable without the key. */
export const detailHash = async (kind: DetailKind, value: string) =>
  createHmac('sha256', await signingSecret())
    .update(`${kind}:${value}`)
    .digest('base64url');

/** Where the keyed hash of an erased detail is kept. */
export const erasedContactKey = (hash: string): Key => ({ pk: `ERASED#${hash}`, sk: 'ERASED' });

/** The marker an erasure leaves for one detail: the hash, when, and the erasure that left it. */
export const erasedContactItem = (hash: string, kind: DetailKind, erasureId: string, at: string): Item => ({
  ...erasedContactKey(hash),
  type: 'erased-contact' satisfies ItemType,
  kind,
  erasureId,
  at,
});

/** Which of a contact's details belonged to a person who was erased: an import asks before it creates anyone. */
export const erasedDetails = async (contact: ContactKeys): Promise<DetailKind[]> => {
  const asked: [DetailKind, string | undefined][] = [
    ['email', contact.emailKey],
    ['phone', contact.phone],
  ];
  const found = await Promise.all(
    asked.map(async ([kind, value]) => {
      if (!value) return undefined;
      const key = erasedContactKey(await detailHash(kind, value));
      const item = await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }));
      return item.Item ? kind : undefined;
    }),
  );
  return found.filter((kind): kind is DetailKind => kind !== undefined);
};

/**
 * A consent entry as evidence without the person: the address replaced by its keyed hash (the firm
 * can still show, for an address someone names, that it was granted or withdrawn, and when), the
 * rest as it was, gone by TTL once its period is over.
 */
export const consentEvidence = async (entry: ConsentEntry, now: Date): Promise<Omit<ConsentEntry, 'address'>> => {
  const { address, ...rest } = entry;
  const expires = new Date(now);
  expires.setUTCFullYear(expires.getUTCFullYear() + CONSENT_EVIDENCE_YEARS);
  return {
    ...rest,
    addressHash: await detailHash(entry.channel === 'email' ? 'email' : 'phone', address),
    erasedAt: now.toISOString(),
    expiresAt: Math.floor(expires.getTime() / 1000),
  } as Omit<ConsentEntry, 'address'>;
};

/** What identifies the person: every e-mail (normalized), phone (E.164), name and id their items hold. */
export interface PersonDetails {
  customerId: string;
  emails: string[];
  phones: string[];
  names: string[];
  /** Ids of the person's own items (leads, orders, …): a stored answer that names one is about them. */
  ids: string[];
}

/** The contact markers and holder items of the person's details that are theirs (another customer's holder of a shared office phone stays). */
const markerKeys = async (person: PersonDetails): Promise<Key[]> => {
  const partitions = [
    ...person.emails.map((email) => keys.emailPartition(email)),
    ...person.phones.map((phone) => keys.phonePartition(phone)),
  ];
  const found = await Promise.all(partitions.map((partition) => queryAll({ partition, consistent: true }, 1000)));
  return found
    .flat()
    .filter((item) => item.customerId === person.customerId)
    .map(tableKeyOf);
};

/**
 * Items outside the customer's partition that name the person: what the platform keeps (markers,
 * suppression, pending opt-ins, stored answers, mail quotas) and the modules' `elsewhere` types.
 * Stored answers, quotas and the modules' lists are keyed by what cannot be listed per person (a
 * caller's key, a campaign run), so they are found by ONE filtered Scan of the table: an erasure is
 * rare (a person's request, a retention run), not a request path that must stay O(1).
 */
export const itemsNamingPerson = async (person: PersonDetails, contributions: readonly ErasureContribution[]) => {
  const found = new Map<string, Key>();
  const add = (key: Key) => found.set(`${key.pk}\u0000${key.sk}`, key);
  for (const key of await markerKeys(person)) add(key);
  for (const email of person.emails) {
    const suppressed = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.suppression(email), ConsistentRead: true }),
    );
    if (suppressed.Item) add(keys.suppression(email));
  }
  const byCustomerId = new Set<string>(contributions.flatMap((c) => c.elsewhere ?? []));
  // A pending double opt-in is stored as a `consent` item in its own partition.
  const pendingOptIn = keys.consentRequest('').pk;
  const texts = [person.customerId, ...person.ids, ...person.emails, ...person.phones, ...person.names].filter(
    (text) => text.length >= 3,
  );
  for await (const item of scanType([...byCustomerId, 'consent', 'idempotency', 'mail-quota'])) {
    const type = String(item.type);
    const { pk } = tableKeyOf(item);
    if ((byCustomerId.has(type) || pk.startsWith(pendingOptIn)) && item.customerId === person.customerId)
      add(tableKeyOf(item));
    else if (type === 'idempotency' && texts.some((text) => String(item.answer ?? '').includes(text)))
      add(tableKeyOf(item));
    else if (type === 'mail-quota' && person.emails.some((email) => pk.endsWith(`#${email}`))) add(tableKeyOf(item));
  }
  return [...found.values()];
};
