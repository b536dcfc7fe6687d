// Contact people of a customer (a company's buyer, its accountant): items in the customer's
// partition, each one's e-mail and phone held beside the detail's marker (shared/customer.ts
// holders), unique within the customer and free to repeat across companies (an office phone).

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import type { Viewer } from '../../shared/access.js';
import { type ContactKeys, holderClaimItem, holderReleaseItem, holdersOf } from '../../shared/customer.js';
import { db, itemExists, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { defineEntity, refuseStale } from '../../shared/entity.js';
import type { Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { justProcessed, records } from '../../shared/messages.js';
import { ConflictError, NotFoundError } from '../../shared/problems.js';
import { keys } from '../../shared/table.js';
import { contactTaken, visibleProfile } from './customer-store.js';
import { type ContactDetails, contactDetails } from './domain/profile.js';
import { customersKeys } from './keys.js';

export interface Contact extends ContactDetails {
  contactId: string;
  customerId: string;
  name: string;
  /** Their role at the company: "Satın alma müdürü". */
  role?: string;
  seq: number;
  createdAt: string;
  updatedAt: string;
}

export const contacts = defineEntity<Contact>({
  type: 'contact',
  key: (c) => customersKeys.contact(c.customerId, c.contactId),
});

export interface ContactInput {
  name?: string;
  role?: string | null;
  email?: string | null;
  phone?: string | null;
}

const detailsOf = (c: ContactDetails) =>
  [
    { field: 'email' as const, keys: { emailKey: c.emailKey } as ContactKeys, value: c.emailKey },
    { field: 'phone' as const, keys: { phone: c.phone } as ContactKeys, value: c.phone },
  ].filter((d) => d.value !== undefined);

/**
 * Releases of the details a contact person lets go, of the holder items that name them. After a merge
 * a moved person may share a detail with one of the kept customer's people, who holds it: theirs stays.
 */
const releasesOf = async (details: ReturnType<typeof detailsOf>, customerId: string, contactId: string) => {
  const own = await Promise.all(
    details.map(async (d) =>
      (await holdersOf(d.keys)).some((h) => h.customerId === customerId && h.contactId === contactId) ? [d] : [],
    ),
  );
  return own.flat().map((d) => holderReleaseItem(d.keys, customerId, contactId));
};

/** Claims of `after`'s details that `before` did not hold, and releases of those it no longer holds. */
const detailMoves = async (before: ContactDetails, after: Contact) => {
  const had = detailsOf(before);
  const has = detailsOf(after);
  const claims = has.filter((d) => !had.some((h) => h.field === d.field && h.value === d.value));
  const released = had.filter((h) => !has.some((d) => d.field === h.field && d.value === h.value));
  return {
    claims,
    items: [
      ...claims.map((d) => holderClaimItem(d.keys, after.customerId, after.contactId)),
      ...(await releasesOf(released, after.customerId, after.contactId)),
    ],
  };
};

/** The 409 for a claim that failed: which detail another contact person of this customer holds. */
const claimRefused = async (
  claims: Awaited<ReturnType<typeof detailMoves>>['claims'],
  customerId: string,
  viewer: Viewer,
) => {
  for (const claim of claims) {
    const holder = (await holdersOf(claim.keys)).find((h) => h.customerId === customerId && h.contactId);
    if (holder) return contactTaken(claim.field, viewer, holder);
  }
  return new ConflictError('contact-changed', {
    en: 'The contact person changed meanwhile; read them again.',
    tr: 'İlgili kişi bu arada değişti; yeniden yükleyin.',
  });
};

const customerStillThere = (customerId: string): TransactItem => ({
  ConditionCheck: { TableName: tableName(), Key: keys.customer(customerId), ConditionExpression: itemExists },
});

export const addContact = async (
  customerId: string,
  input: ContactInput & { name: string },
  viewer: Viewer,
  now: Date,
  record: Recorder,
) => {
  await visibleProfile(viewer, customerId);
  const at = now.toISOString();
  const contact: Contact = {
    contactId: newId(),
    customerId,
    name: input.name,
    role: input.role ?? undefined,
    ...contactDetails(input),
    seq: 1,
    createdAt: at,
    updatedAt: at,
  };
  const moves = await detailMoves({}, contact);
  const saved = await transact([
    putNew(contacts.item(contact)),
    customerStillThere(customerId),
    ...moves.items,
    ...record(contact),
  ]);
  if (saved.ok) return contact;
  if (saved.reasons[1]) throw new NotFoundError(records.customer);
  if (saved.reasons.slice(2, 2 + moves.items.length).some(Boolean))
    throw await claimRefused(moves.claims, customerId, viewer);
  throw new ConflictError('request-in-progress', justProcessed);
};

const storedContact = async (customerId: string, contactId: string) => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: customersKeys.contact(customerId, contactId), ConsistentRead: true }),
  );
  if (!found.Item) throw new NotFoundError(records.contact);
  return contacts.read(found.Item);
};

const unchanged = (contact: Contact) => ({
  ConditionExpression: '#seq = :seq',
  ExpressionAttributeNames: { '#seq': 'seq' },
  ExpressionAttributeValues: { ':seq': contact.seq },
});

const stale = (seq: number) =>
  new ConflictError('contact-changed', {
    en: `The contact person changed meanwhile (now at seq ${seq}); read them again.`,
    tr: `İlgili kişi bu arada değişti (şu an ${seq}. sürümde); yeniden yükleyin.`,
  });

/** An edit at the seq the caller saw; a changed e-mail or phone moves its holder item in the same transaction. */
export const editContact = async (
  customerId: string,
  contactId: string,
  edit: ContactInput & { seq: number },
  viewer: Viewer,
  now: Date,
) => {
  await visibleProfile(viewer, customerId);
  const before = await storedContact(customerId, contactId);
  refuseStale(before, edit.seq, 'contact-changed', records.contact);
  const after: Contact = {
    ...before,
    name: edit.name ?? before.name,
    role: edit.role === undefined ? before.role : (edit.role ?? undefined),
    ...contactDetails(edit, before),
    seq: before.seq + 1,
    updatedAt: now.toISOString(),
  };
  const moves = await detailMoves(before, after);
  const saved = await transact([
    { Put: { TableName: tableName(), Item: contacts.item(after), ...unchanged(before) } },
    ...moves.items,
  ]);
  if (saved.ok) return after;
  if (saved.reasons[0]) throw stale((await storedContact(customerId, contactId)).seq);
  throw await claimRefused(moves.claims, customerId, viewer);
};

/** Removes the contact person and lets their e-mail and phone go, only if nobody changed them meanwhile. */
export const removeContact = async (customerId: string, contactId: string, viewer: Viewer) => {
  await visibleProfile(viewer, customerId);
  const before = await storedContact(customerId, contactId);
  const releases = await releasesOf(detailsOf(before), customerId, contactId);
  const saved = await transact([
    { Delete: { TableName: tableName(), Key: contacts.key(before), ...unchanged(before) } },
    ...releases,
  ]);
  if (!saved.ok) throw stale((await storedContact(customerId, contactId)).seq);
};
