// The customer: one record per person or company that every channel feeds, its contact markers
// (uniqueness of e-mail and phone), and matching a contact to it — what lead capture, the call
// center and merging all need.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { canSee, isId, type Ownership, seesCustomer, type Viewer } from './access.js';
import { db, itemExists, putNew, type TransactItem, tableName } from './db.js';
import { defineEntity } from './entity.js';
import type { Language } from './language.js';
import { ProblemError } from './problems.js';
import { queryAll } from './query.js';
import { type Key, keys } from './table.js';

export const formsOfAddress = ['hanim', 'bey'] as const;
export type FormOfAddress = (typeof formsOfAddress)[number];

export interface Customer {
  customerId: string;
  name: string;
  /** The name parts templates address the person by ("Sayın Ayşe Hanım", "Dear Ayşe"); absent: read from `name`. */
  givenName?: string;
  familyName?: string;
  /** How a Turkish salutation addresses them: Hanım or Bey after the given name; absent: the full name. */
  formOfAddress?: FormOfAddress;
  /** As typed, for display; `emailKey` is the normalized form the marker holds. */
  email?: string;
  emailKey?: string;
  phone?: string;
  company?: string;
  sector?: string;
  city?: string;
  region?: string;
  /** The dealer the customer prefers: orders go there when it serves them (order routing). */
  preferredDealerId?: string;
  /** `MM-DD`, or `YYYY-MM-DD` when the year is known: birthday greetings find the customer by month and day. */
  birthday?: string;
  language: Language;
  /** A grouping staff choose (a customer class, a dealer group). */
  group?: string;
  tags?: string[];
  /** A/B/C by value: written by analytics, read-only elsewhere. */
  segment?: string;
  /** Counts every profile change staff make (absent on older items: read as 0): a stale edit is refused. */
  seq?: number;
  leadCount?: number;
  lastLeadAt?: string;
  /** The ids of customers merged into this one (their old ids forward here). */
  absorbedIds?: string[];
  createdAt: string;
  updatedAt: string;
}

/**
 * A name as the directory sorts and searches it: Turkish lower case (İ→i, I→ı), then without
 * diacritics and dotless i, so "ŞAHİN", "Şahin" and "sahin" are one key whichever keyboard typed it.
 */
export const nameKey = (name: string) =>
  name.trim().toLocaleLowerCase('tr').replaceAll('ı', 'i').normalize('NFD').replace(/\p{M}/gu, '').replace(/\s+/g, ' ');

/** The `MM-DD` of a birthday written `MM-DD` or `YYYY-MM-DD`; undefined for anything else. */
export const birthdayMonthDay = (birthday: string | undefined) =>
  /^(?:\d{4}-)?(\d{2}-\d{2})$/.exec(birthday ?? '')?.[1];

export const customers = defineEntity<Customer>({
  type: 'customer',
  key: (c) => keys.customer(c.customerId),
  number: (c) => ({ kind: 'customer', id: c.customerId, customerId: c.customerId }),
  indexes: (c) => {
    // The birthday index is sparse: only profiles with a birthday are in it.
    const monthDay = birthdayMonthDay(c.birthday);
    return {
      ...keys.customersByName(nameKey(c.name), c.customerId),
      ...(monthDay ? keys.customersByBirthday(monthDay, c.customerId) : {}),
    };
  },
});

/** How many forwarding records a read follows: A merged into B, B later into C. */
const MAX_FORWARDS = 5;

/**
 * A customer's stored profile item; a merged customer's id leads, through the forwarding record the
 * merge left at its profile's key (`mergedInto`), to the customer it was merged into.
 */
export const profileItem = async (
  customerId: string,
  consistent = true,
): Promise<Record<string, unknown> | undefined> => {
  let id = customerId;
  for (let hop = 0; hop <= MAX_FORWARDS; hop++) {
    const found = await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.customer(id), ConsistentRead: consistent }),
    );
    if (found.Item?.type !== 'customer-forward') return found.Item;
    id = String(found.Item.mergedInto);
  }
  return undefined;
};

/** The customer, following a merge: the answer's `customerId` is the kept customer's. */
export const getCustomer = async (customerId: string) => {
  const item = await profileItem(customerId, false);
  return item ? customers.read(item) : undefined;
};

/**
 * An item of a customer's partition, read by the customer id an event or a link named when it was
 * emitted: when it is not there because that customer was merged since, it is read in the kept
 * customer's partition (the forwarding record says which, read consistently, so an item moved a
 * moment ago is found, as the eventually consistent by-id index might not yet).
 */
export const readFollowingMerge = async <T>(
  customerId: string,
  read: (customerId: string) => Promise<T | undefined>,
): Promise<T | undefined> => {
  const found = await read(customerId);
  if (found !== undefined) return found;
  const keptId = (await profileItem(customerId))?.customerId;
  return typeof keptId === 'string' && keptId !== customerId ? read(keptId) : undefined;
};

/** A profile item's stale-write token; items written before profiles were edited have none. */
export const profileSeq = (customer: Pick<Customer, 'seq'>) => customer.seq ?? 0;

/**
 * A profile edit as ONE guarded update: every attribute of the entity's item (index keys included,
 * so the directory and any index the entity declares follow the new state) that differs is set, every
 * one that is gone is removed, and nothing else is touched: the owner sets and the lead counters that
 * captures and assignments update meanwhile stay. Holds only while the profile is at `before`'s seq.
 */
export const profileChangeItem = (before: Customer, after: Customer): TransactItem => {
  const [was, is] = [customers.item(before), customers.item(after)];
  const names: Record<string, string> = { '#seq': 'seq' };
  const values: Record<string, unknown> = {};
  const set: string[] = [];
  const remove: string[] = [];
  Object.keys({ ...was, ...is }).forEach((name, i) => {
    if (JSON.stringify(was[name]) === JSON.stringify(is[name])) return;
    names[`#a${i}`] = name;
    if (is[name] === undefined) remove.push(`#a${i}`);
    else {
      set.push(`#a${i} = :a${i}`);
      values[`:a${i}`] = is[name];
    }
  });
  const seq = profileSeq(before);
  if (seq) values[':seq'] = seq;
  return {
    Update: {
      TableName: tableName(),
      Key: keys.customer(after.customerId),
      UpdateExpression: [set.length ? `SET ${set.join(', ')}` : '', remove.length ? `REMOVE ${remove.join(', ')}` : '']
        .join(' ')
        .trim(),
      ConditionExpression: `${itemExists} AND ${seq ? '#seq = :seq' : 'attribute_not_exists(#seq)'}`,
      ExpressionAttributeNames: names,
      ...(Object.keys(values).length ? { ExpressionAttributeValues: values } : {}),
    },
  };
};

/** The normalized forms a contact is matched by. */
export interface ContactKeys {
  emailKey?: string;
  /** E.164. */
  phone?: string;
}

export interface ContactMatch {
  /** The e-mail's customer, else the phone's. */
  customerId?: string;
  /** Contact details no customer has claimed yet: a capture claims them for its customer. */
  unclaimed: { email: boolean; phone: boolean };
}

const markerOwner = async (key: Key | undefined) =>
  key
    ? ((await db().send(new GetCommand({ TableName: tableName(), Key: key, ConsistentRead: true }))).Item?.customerId as
        | string
        | undefined)
    : undefined;

export const matchContact = async (contact: ContactKeys): Promise<ContactMatch> => {
  const [byEmail, byPhone] = await Promise.all([
    markerOwner(contact.emailKey ? keys.emailMarker(contact.emailKey) : undefined),
    markerOwner(contact.phone ? keys.phoneMarker(contact.phone) : undefined),
  ]);
  return {
    customerId: byEmail ?? byPhone,
    unclaimed: { email: Boolean(contact.emailKey) && !byEmail, phone: Boolean(contact.phone) && !byPhone },
  };
};

/** Uniqueness markers, each guarded: if another writer claims the detail first, the transaction fails. */
export const markerItems = (
  contact: ContactKeys,
  customerId: string,
  which: ContactMatch['unclaimed'],
): TransactItem[] => [
  ...(which.email && contact.emailKey
    ? [putNew({ ...keys.emailMarker(contact.emailKey), type: 'email-marker', customerId })]
    : []),
  ...(which.phone && contact.phone
    ? [putNew({ ...keys.phoneMarker(contact.phone), type: 'phone-marker', customerId })]
    : []),
];

// ---- everyone holding a contact detail ----------------------------------------------------------------
// A customer's own e-mail and phone are unique (the MARKER above). Contact people of companies may
// share one (an office phone): each customer holding it has one item beside the marker, so a caller
// is looked up in ONE Query of the detail's partition, and every holder is found, never a guess.

export interface Holder {
  customerId: string;
  /** Absent: the customer's own detail (the marker); present: that contact person's. */
  contactId?: string;
}

/** Where the customer's holder item of a contact person's e-mail or phone is. */
export const holderKey = (detail: ContactKeys, customerId: string): Key =>
  detail.emailKey ? keys.emailHolder(detail.emailKey, customerId) : keys.phoneHolder(detail.phone ?? '', customerId);

/** Every customer and contact person holding the e-mail address or the phone (one of them). */
export const holdersOf = async (detail: ContactKeys): Promise<Holder[]> => {
  const partition = detail.emailKey ? keys.emailPartition(detail.emailKey) : keys.phonePartition(detail.phone ?? '');
  const items = await queryAll({ partition, consistent: true, order: 'oldest' }, 100);
  return items
    .filter((item) => item.type === 'email-marker' || item.type === 'phone-marker' || item.type === 'contact-marker')
    .map((item) => ({
      customerId: String(item.customerId),
      ...(item.contactId ? { contactId: String(item.contactId) } : {}),
    }));
};

/** Claims a contact person's e-mail or phone within their customer: fails if another of its contacts has it. */
export const holderClaimItem = (detail: ContactKeys, customerId: string, contactId: string): TransactItem =>
  putNew({ ...holderKey(detail, customerId), type: 'contact-marker', customerId, contactId });

/** Lets a contact person's e-mail or phone go, only if that person still holds it. */
export const holderReleaseItem = (detail: ContactKeys, customerId: string, contactId: string): TransactItem => ({
  Delete: {
    TableName: tableName(),
    Key: holderKey(detail, customerId),
    ConditionExpression: 'contactId = :contactId',
    ExpressionAttributeValues: { ':contactId': contactId },
  },
});

/** Lets a customer's own e-mail or phone marker go, only if that customer holds it. */
export const markerReleaseItem = (detail: ContactKeys, customerId: string): TransactItem => ({
  Delete: {
    TableName: tableName(),
    Key: detail.emailKey ? keys.emailMarker(detail.emailKey) : keys.phoneMarker(detail.phone ?? ''),
    ConditionExpression: 'customerId = :customerId',
    ExpressionAttributeValues: { ':customerId': customerId },
  },
});

// ---- who the customer belongs to ------------------------------------------------------------------
// A customer belongs to everyone a lead or a request of theirs was assigned to (a rep, a dealer) and
// to those people's teams: the sets grow with each assignment, in its transaction.

/** The owner and team sets an owner (a person or a unit) puts the customer in. */
export const ownershipSets = (owner: Ownership) => {
  const ids = [owner.ownerId, owner.unitId].filter((id): id is string => Boolean(id));
  return {
    ...(ids.length ? { ownerIds: new Set(ids) } : {}),
    ...(owner.teamId ? { teamIds: new Set([owner.teamId]) } : {}),
  };
};

/** Adds an owner (and their team) to the customer's owners, in the transaction that assigns them. */
export const ownershipItem = (customerId: string, owner: Ownership): TransactItem => {
  const sets = ownershipSets(owner);
  const parts = [sets.ownerIds ? 'ownerIds :owners' : '', sets.teamIds ? 'teamIds :teams' : ''].filter(Boolean);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.customer(customerId),
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ConditionExpression: itemExists,
      ExpressionAttributeValues: {
        ...(sets.ownerIds ? { ':owners': sets.ownerIds } : {}),
        ...(sets.teamIds ? { ':teams': sets.teamIds } : {}),
      },
    },
  };
};

/** The 422 of a request naming (in `path`) a customer that does not exist (or that the caller does not reach). */
export const noSuchCustomer = (path = 'customerId') =>
  new ProblemError(422, 'customer-not-found', { en: 'There is no such customer.', tr: 'Böyle bir müşteri yok.' }, [
    { path, message: { en: 'No such customer.', tr: 'Böyle bir müşteri yok.' } },
  ]);

/** Whether the viewer reaches a customer's stored profile item (its owner and team sets): see seesCustomer. */
export const customerItemVisibleTo = (viewer: Viewer, item: Record<string, unknown>) =>
  seesCustomer(viewer, {
    ownerIds: item.ownerIds as Set<string> | undefined,
    teamIds: item.teamIds as Set<string> | undefined,
  });

/**
 * May the viewer see one item of a customer's (a case, an order): whoever the item itself is given to
 * (its `Ownership`: owner, team, the unit handling it), or the customer's relationship owners, who see
 * every part of the record. The decision for every read of such an item; for anyone else it does not
 * exist (callers answer 404 as for a wrong id).
 */
export const itemVisibleTo = async (viewer: Viewer, ownership: Ownership, customerId: string) =>
  canSee(viewer, ownership) || customerItemVisibleTo(viewer, (await profileItem(customerId)) ?? {});

/**
 * The customer (following a merge, like getCustomer), if the viewer may work with them; otherwise the same 422 as for an id that does not
 * exist, so the answer tells nobody which customers there are.
 */
export const customerVisibleTo = async (viewer: Viewer, customerId: string): Promise<Customer> => {
  if (!isId(customerId)) throw noSuchCustomer();
  const item = await profileItem(customerId);
  if (!item || !customerItemVisibleTo(viewer, item)) throw noSuchCustomer();
  const { ownerIds: _, teamIds: __, ...customer } = item;
  return customers.read(customer);
};
