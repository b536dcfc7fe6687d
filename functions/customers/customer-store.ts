// Customers created and edited by staff: the profile, its unique e-mail and phone markers, its
// owners and its event in ONE transaction; edits guarded by the profile's seq; the directory list.

import { listScope, type Ownership, type Viewer } from '../../shared/access.js';
import type { SpokenConsent } from '../../shared/consent.js';
import {
  type ContactKeys,
  type Customer,
  customerItemVisibleTo,
  customers,
  markerItems,
  markerReleaseItem,
  matchContact,
  nameKey,
  ownershipSets,
  profileChangeItem,
  profileItem,
  profileSeq,
} from '../../shared/customer.js';
import { type TransactItem, transact } from '../../shared/db.js';
import { refuseStale } from '../../shared/entity.js';
import type { Recorder } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { justProcessed, records } from '../../shared/messages.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError, NotFoundError, ProblemError, ValidationError } from '../../shared/problems.js';
import { queryPage } from '../../shared/query.js';
import { byState, keys } from '../../shared/table.js';
import { catalogue } from '../event-table.js';
import { profileView } from './customer-access.js';
import { type DirectoryFilter, directoryFilter } from './domain/directory-filter.js';
import { changedFields, contactDetails, editedProfile, normalizeTags, type ProfileEdit } from './domain/profile.js';
import { consentItems, intakeContended, newCustomerItems } from './intake.js';

type Detail = 'email' | 'phone';

const what = (field: Detail) =>
  field === 'email' ? { en: 'e-mail address', tr: 'e-posta adresi' } : { en: 'phone number', tr: 'telefon numarası' };

/**
 * 409 `contact-taken` naming the field; the holder's id only for a caller who may see that customer
 * (to anyone else it is "another customer", so the answer tells nobody which customers exist).
 */
export const contactTaken = async (
  field: Detail,
  viewer: Viewer,
  holder: { customerId?: string; contactId?: string },
) => {
  const item = holder.customerId ? await profileItem(holder.customerId) : undefined;
  const named = item && customerItemVisibleTo(viewer, item);
  const detail = what(field);
  const who = holder.contactId
    ? {
        en: `Contact person ${holder.contactId} of this customer has this ${detail.en}.`,
        tr: `Bu ${detail.tr} bu müşterinin ${holder.contactId} ilgili kişisinde kayıtlı.`,
      }
    : named
      ? {
          en: `Customer ${holder.customerId} has this ${detail.en}.`,
          tr: `Bu ${detail.tr} ${holder.customerId} müşterisinde kayıtlı.`,
        }
      : { en: `Another customer has this ${detail.en}.`, tr: `Bu ${detail.tr} başka bir müşteride kayıtlı.` };
  return new ProblemError(409, 'contact-taken', who, [{ path: field, message: who }]);
};

/** Who holds each of the details as a customer's own (their marker), one lookup each. */
const markerHolders = async (details: ContactKeys) => {
  const [email, phone] = await Promise.all([
    details.emailKey ? matchContact({ emailKey: details.emailKey }) : undefined,
    details.phone ? matchContact({ phone: details.phone }) : undefined,
  ]);
  return { email: email?.customerId, phone: phone?.customerId };
};

/**
 * Which details the customer may claim. A detail another customer holds is a 409 only when the
 * viewer may see that customer; for anyone else an unseen holder must answer like a free detail (or
 * the answer would tell them who is a customer here): the customer keeps the detail without its
 * marker, and `possibleDuplicateOf` records the holder for the firm to merge the two.
 */
const claimable = async (details: ContactKeys, customerId: string, viewer: Viewer) => {
  const holders = await markerHolders(details);
  const unseen: string[] = [];
  for (const field of ['email', 'phone'] as const) {
    const holder = holders[field];
    if (!holder || holder === customerId) continue;
    const item = await profileItem(holder);
    if (item && customerItemVisibleTo(viewer, item)) throw await contactTaken(field, viewer, { customerId: holder });
    unseen.push(holder);
  }
  return { claim: { email: !holders.email, phone: !holders.phone }, unseen };
};

/** The profile attribute naming customers holding this one's details unseen by whoever gave them. */
const duplicateOf = (unseen: string[]) => (unseen.length ? { possibleDuplicateOf: unseen } : {});

export interface NewCustomer {
  name: string;
  givenName?: string;
  familyName?: string;
  formOfAddress?: Customer['formOfAddress'];
  email?: string;
  phone?: string;
  company?: string;
  sector?: string;
  region?: string;
  city?: string;
  group?: string;
  tags?: string[];
  birthday?: string;
  language: Language;
  preferredDealerId?: string;
}

/**
 * A new customer with its e-mail and phone claimed, its owner and team, and `CustomerCreated`: all
 * in one transaction, or nothing. Two creates of one e-mail: one wins, the other is a 409 for a caller
 * who sees the winner (see claimable).
 */
export const createCustomer = async (
  input: NewCustomer & { spokenConsent?: SpokenConsent },
  owner: Ownership & { ownerId: string },
  viewer: Viewer,
  now: Date,
  record: Recorder,
  attempt = 1,
): Promise<ReturnType<typeof profileView>> => {
  const { spokenConsent, ...fields } = input;
  const details = contactDetails(fields);
  // Consent belongs to the number that proved it: only the customer's own phone, the calling number.
  if (spokenConsent && details.phone !== spokenConsent.from) throw notTheCallingNumber();
  const { claim, unseen } = await claimable(details, '', viewer);
  const at = now.toISOString();
  const customer: Customer = {
    ...fields,
    ...details,
    customerId: newId(),
    tags: input.tags?.length ? normalizeTags(input.tags) : undefined,
    seq: 1,
    createdAt: at,
    updatedAt: at,
  };
  const answer = profileView({ ...customers.item(customer), ...ownershipSets(owner) });
  const markers = markerItems(details, customer.customerId, claim);
  const items: TransactItem[] = [
    ...newCustomerItems(customer, claim, { ...ownershipSets(owner), ...duplicateOf(unseen) }),
    outboxPut(
      catalogue.CustomerCreated,
      { customerId: customer.customerId, ownerId: owner.ownerId, actorId: viewer.actor.userId },
      now,
    ),
    ...record(answer),
    ...consentItems(customer.customerId, details, spokenConsent && { via: 'call', spoken: spokenConsent }, now),
  ];
  const saved = await transact(items);
  if (saved.ok) return answer;
  // A marker claimed meanwhile: decide again (a 409 naming a holder the viewer sees). Otherwise the
  // stored answer lost to a duplicate's.
  if (saved.reasons.slice(1, 1 + markers.length).some(Boolean)) {
    if (attempt < 2) return createCustomer(input, owner, viewer, now, record, attempt + 1);
    throw intakeContended();
  }
  throw new ConflictError('request-in-progress', justProcessed);
};

const notTheCallingNumber = () =>
  new ValidationError([
    {
      path: 'spokenConsent.from',
      message: {
        en: "Consent said on a call belongs to the number the call came from: give it as the customer's phone.",
        tr: 'Çağrıda verilen izin, çağrının geldiği numaraya aittir: bu numarayı müşterinin telefonu olarak girin.',
      },
    },
  ]);

const raced = () =>
  new ConflictError('customer-changed', {
    en: 'The customer or their contact details changed meanwhile; read it again.',
    tr: 'Müşteri veya iletişim bilgileri bu arada değişti; yeniden yükleyin.',
  });

const stale = (seq: number) =>
  new ConflictError('customer-changed', {
    en: `The customer changed meanwhile (now at seq ${seq}); read it again.`,
    tr: `Müşteri bu arada değişti (şu an ${seq}. sürümde); yeniden yükleyin.`,
  });

/** The customer's profile item if the viewer reaches it; a 404 otherwise, as for an id that does not exist. */
export const visibleProfile = async (viewer: Viewer, customerId: string) => {
  const item = await profileItem(customerId);
  if (!item || !customerItemVisibleTo(viewer, item)) throw new NotFoundError(records.customer);
  return item;
};

/**
 * An edit at the seq the caller saw. A changed e-mail or phone moves the customer's markers in the
 * same transaction: the new one claimed (409 if another customer holds it), the old one released.
 */
export const editCustomer = async (
  customerId: string,
  edit: ProfileEdit & { seq: number },
  viewer: Viewer,
  now: Date,
) => {
  const item = await visibleProfile(viewer, customerId);
  const { customer: before, owners } = profileView(item);
  refuseStale({ seq: profileSeq(before) }, edit.seq, 'customer-changed', records.customer);
  const after = editedProfile(before, edit, now);
  const fields = changedFields(before, after);
  if (!fields.length) return { customer: before, owners };
  const moved = (['email', 'phone'] as const).filter((field) =>
    field === 'email' ? before.emailKey !== after.emailKey : before.phone !== after.phone,
  );
  /** The moved details only, in their matching forms. */
  const movedOf = (c: Customer): ContactKeys => ({
    emailKey: moved.includes('email') ? c.emailKey : undefined,
    phone: moved.includes('phone') ? c.phone : undefined,
  });
  const [{ claim, unseen }, oldHolders] = await Promise.all([
    claimable(movedOf(after), customerId, viewer),
    markerHolders(movedOf(before)),
  ]);
  const claims = markerItems(movedOf(after), customerId, claim);
  const releases = moved
    .filter((field) => oldHolders[field] === customerId)
    .map((field) =>
      markerReleaseItem(field === 'email' ? { emailKey: before.emailKey } : { phone: before.phone }, customerId),
    );
  const saved = await transact([
    profileChangeItem(before, { ...after, ...duplicateOf(unseen) }),
    ...claims,
    ...releases,
    outboxPut(
      catalogue.CustomerProfileChanged,
      { customerId, seq: profileSeq(after), fields, actorId: viewer.actor.userId },
      now,
    ),
  ]);
  if (saved.ok) return { customer: after, owners };
  if (saved.reasons[0]) throw stale(profileSeq(profileView((await profileItem(customerId)) ?? item).customer));
  await claimable(movedOf(after), customerId, viewer);
  throw raced();
};

// ---- the directory ---------------------------------------------------------------------------------

/**
 * Items read per directory shard for one page when a filter narrows it: a filter costs the items it
 * reads, not the ones it returns, so a rare value answers a short page with a cursor rather than
 * reading the whole directory at once.
 */
export const DIRECTORY_READ_BUDGET = 200;

export interface DirectoryQuery extends Omit<DirectoryFilter, 'ownerId' | 'teamId' | 'unitId'> {
  owner?: string;
  q?: string;
  limit: number;
  cursor?: string;
}

/** Sorted by folded name; `q` a name prefix (on the index's sort key), the rest filters over its pages. */
export const listCustomers = async (query: DirectoryQuery, viewer: Viewer) => {
  const { owner, q, limit, cursor, ...wanted } = query;
  const filter = directoryFilter({ ...wanted, ...listScope(viewer, owner) });
  const page = await queryPage({
    index: byState,
    partition: keys.customersByNamePartitions(),
    range: q ? { prefix: nameKey(q) } : undefined,
    order: 'oldest',
    limit,
    cursor,
    filter,
    readBudget: filter ? DIRECTORY_READ_BUDGET : undefined,
  });
  return { customers: page.items.map((item) => directoryEntry(customers.read(item))), nextCursor: page.next };
};

const directoryEntry = (c: Customer) => ({
  customerId: c.customerId,
  name: c.name,
  company: c.company,
  email: c.email,
  phone: c.phone,
  sector: c.sector,
  region: c.region,
  city: c.city,
  group: c.group,
  tags: c.tags,
  segment: c.segment,
});
