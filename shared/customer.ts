// The customer: one record per person or company that every channel feeds, its contact markers
// (uniqueness of e-mail and phone), and matching a contact to it — what lead capture, the call
// center and merging all need.
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { isId, type Ownership, type Viewer } from './access.js';
import { db, itemExists, putNew, type TransactItem, tableName } from './db.js';
import { defineEntity } from './entity.js';
import type { Language } from './language.js';
import { ProblemError } from './problems.js';
import { type Key, keys } from './table.js';

export interface Customer {
  customerId: string;
  name: string;
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
  leadCount?: number;
  lastLeadAt?: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * A name as the directory sorts and searches it: Turkish lower case (İ→i, I→ı), then without
 * diacritics and dotless i, so "ŞAHİN", "Şahin" and "sahin" are one key whichever keyboard typed it.
 */
export const nameKey = (name: string) =>
  name
    .trim()
    .toLocaleLowerCase('tr')
    .replaceAll('ı', 'i')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/\s+/g, ' ');

/** The `MM-DD` of a birthday written `MM-DD` or `YYYY-MM-DD`; undefined for anything else. */
export const birthdayMonthDay = (birthday: string | undefined) => /^(?:\d{4}-)?(\d{2}-\d{2})$/.exec(birthday ?? '')?.[1];

export const customers = defineEntity<Customer>({
  type: 'customer',
  key: (c) => keys.customer(c.customerId),
  indexes: (c) => {
    // The birthday index is sparse: only profiles with a birthday are in it.
    const monthDay = birthdayMonthDay(c.birthday);
    return { ...keys.customersByName(nameKey(c.name), c.customerId), ...(monthDay ? keys.customersByBirthday(monthDay, c.customerId) : {}) };
  },
});

export const getCustomer = (customerId: string) => customers.get(keys.customer(customerId), false);

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
export const markerItems = (contact: ContactKeys, customerId: string, which: ContactMatch['unclaimed']): TransactItem[] => [
  ...(which.email && contact.emailKey
    ? [putNew({ ...keys.emailMarker(contact.emailKey), type: 'email-marker', customerId })]
    : []),
  ...(which.phone && contact.phone ? [putNew({ ...keys.phoneMarker(contact.phone), type: 'phone-marker', customerId })] : []),
];

// ---- who the customer belongs to ------------------------------------------------------------------
// A customer belongs to everyone a lead or a request of theirs was assigned to (a rep, a dealer) and
// to those people's teams: the sets grow with each assignment, in its transaction.

/** Adds an owner (and their team) to the customer's owners, in the transaction that assigns them. */
export const ownershipItem = (customerId: string, owner: Ownership): TransactItem => {
  const ids = [owner.ownerId, owner.unitId].filter((id): id is string => Boolean(id));
  const parts = [ids.length ? 'ownerIds :owners' : '', owner.teamId ? 'teamIds :teams' : ''].filter(Boolean);
  return {
    Update: {
      TableName: tableName(),
      Key: keys.customer(customerId),
      UpdateExpression: `ADD ${parts.join(', ')}`,
      ConditionExpression: itemExists,
      ExpressionAttributeValues: {
        ...(ids.length ? { ':owners': new Set(ids) } : {}),
        ...(owner.teamId ? { ':teams': new Set([owner.teamId]) } : {}),
      },
    },
  };
};

const noSuchCustomer = () =>
  new ProblemError(422, 'customer-not-found', 'There is no such customer.', [{ path: 'customerId', message: 'No such customer.' }]);

/** Whether the viewer reaches a customer's stored profile item (its owner and team sets). */
export const customerItemVisibleTo = (viewer: Viewer, item: Record<string, unknown>) => {
  const owners = (item.ownerIds as Set<string> | undefined) ?? new Set<string>();
  const teams = (item.teamIds as Set<string> | undefined) ?? new Set<string>();
  return (
    viewer.reach === 'all' ||
    owners.has(viewer.actor.userId) ||
    (viewer.reach === 'team' && viewer.teamId !== undefined && teams.has(viewer.teamId)) ||
    (viewer.reach === 'unit' && viewer.unitId !== undefined && owners.has(viewer.unitId))
  );
};

/**
 * The customer, if the viewer may work with them; otherwise the same 422 as for an id that does not
 * exist, so the answer tells nobody which customers there are.
 */
export const customerVisibleTo = async (viewer: Viewer, customerId: string): Promise<Customer> => {
  if (!isId(customerId)) throw noSuchCustomer();
  const found = await db().send(new GetCommand({ TableName: tableName(), Key: keys.customer(customerId), ConsistentRead: true }));
  if (!found.Item) throw noSuchCustomer();
  if (!customerItemVisibleTo(viewer, found.Item)) throw noSuchCustomer();
  const { ownerIds: _, teamIds: __, ...customer } = found.Item;
  return customers.read(customer);
};
