// One intake of a person, whichever channel meets them (a lead form, a shop's or an ERP's order, a
// case): the e-mail lower-cased and the phone in E.164, the customer found by those unique details or
// created with their markers, the consent they gave recorded, and the channel's own items written in
// the same transaction — once, even when two intakes of one new person race each other.

import {
  CONSENT_REQUEST_TTL_SECONDS,
  type ConsentChannel,
  consentAddress,
  type SpokenConsent,
  spokenConsentItems,
} from '../../shared/consent.js';
import {
  type ContactKeys,
  type ContactMatch,
  type Customer,
  customers,
  getCustomer,
  markerItems,
  matchContact,
} from '../../shared/customer.js';
import { putNew, type TransactItem, transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import type { Language } from '../../shared/language.js';
import { outboxPut } from '../../shared/outbox.js';
import { ConflictError } from '../../shared/problems.js';
import { keys } from '../../shared/table.js';
import { catalogue } from '../event-table.js';
import { contactKeysOf } from './domain/profile.js';

/** A losing racer re-reads the winner's markers; a third loss means heavy contention on one person. */
const MAX_ATTEMPTS = 3;

/** A person as a channel gives them: what they are matched by, and what a new customer starts with. */
export interface IntakePerson {
  name: string;
  /** As typed: kept for display, matched lower-cased. */
  email?: string;
  /** In any form the phone helpers read: matched and stored in E.164. */
  phone?: string;
  language: Language;
  company?: string;
  sector?: string;
  city?: string;
  region?: string;
  preferredDealerId?: string;
}

/**
 * Consent given with the intake, for the customer found or created. On a call it is granted (the
 * calling number proved it); from a form, e-mail marketing consent is only requested until the link
 * mailed to that very address is followed (double opt-in), the other channels are granted.
 */
export type GivenConsent =
  | { via: 'call'; spoken: SpokenConsent }
  | {
      via: 'form';
      channels: ConsentChannel[];
      source: string;
      textVersion?: string;
      ip: string;
      leadId?: string;
      language: Language;
    };

/** The customer an intake found or made, as the channel's own items are built for it. */
export interface Found {
  customerId: string;
  /** Made by this intake (its profile and markers are written with the channel's items). */
  created: boolean;
  /** The matched or named customer's profile, when the intake was asked to read it. */
  profile?: Customer;
  /** The person's details in their matching forms. */
  contact: ContactKeys;
}

export interface IntakeRequest<T> {
  person: IntakePerson;
  /** A customer the caller named (and may reach): the person's details nobody holds yet join it. */
  named?: Customer;
  /** Read a matched customer's profile for `work` (an order takes the customer's language). */
  readProfile?: boolean;
  /** What a new customer's profile starts with beyond the person's details (a capture's lead counters). */
  starts?: Partial<Customer>;
  /** The update a known customer's profile gets in the same transaction (a capture's lead counters). */
  touch?: (customerId: string) => TransactItem;
  consent?: GivenConsent;
  /** The channel's own items for the customer and its answer; built afresh on each attempt. */
  work: (found: Found) => Promise<{ items: TransactItem[]; answer: T }> | { items: TransactItem[]; answer: T };
  /** How the details are matched: the markers, read consistently; a test may stand in a stale read. */
  match?: (contact: ContactKeys) => Promise<ContactMatch>;
}

/** A new customer's profile (with any attributes beside it) and number, and the markers of the details it claims. */
export const newCustomerItems = (
  customer: Customer,
  claim: ContactMatch['unclaimed'],
  beside: Record<string, unknown> = {},
): TransactItem[] => [
  putNew({ ...customers.item(customer), ...beside }),
  ...markerItems(customer, customer.customerId, claim),
  ...customers.numberItems(customer),
];

/** The consent ledger's evidence of a form's ticked box, naming the address or number it was ticked for. */
const formConsentItems = (
  customerId: string,
  contact: ContactKeys,
  given: Extract<GivenConsent, { via: 'form' }>,
  channel: ConsentChannel,
  now: Date,
): TransactItem[] => {
  const at = now.toISOString();
  const action = channel === 'email' ? 'requested' : 'granted';
  // The forms refuse a ticked box without its detail, so the address is there.
  const address = consentAddress(channel, (channel === 'email' ? contact.emailKey : contact.phone) ?? '');
  const evidence = {
    type: 'consent',
    customerId,
    channel,
    address,
    topic: 'all',
    action,
    via: 'form',
    source: given.source,
    textVersion: given.textVersion,
    ip: given.ip,
    leadId: given.leadId,
    occurredAt: at,
  };
  const ledger = putNew({ ...keys.consentEntry(customerId, channel, at, newId()), ...evidence });
  if (action === 'granted')
    return [ledger, outboxPut(catalogue.ConsentGranted, { customerId, channel, via: 'form' }, now)];
  const requestId = newId();
  return [
    ledger,
    putNew({
      ...keys.consentRequest(requestId),
      ...evidence,
      requestId,
      language: given.language,
      expiresAt: Math.floor(now.getTime() / 1000) + CONSENT_REQUEST_TTL_SECONDS,
    }),
    outboxPut(catalogue.ConsentRequested, { customerId, requestId, channel }, now),
  ];
};

/** The ledger items of consent given with an intake or a staff create. */
export const consentItems = (
  customerId: string,
  contact: ContactKeys,
  given: GivenConsent | undefined,
  now: Date,
): TransactItem[] => {
  if (!given) return [];
  if (given.via === 'call') return spokenConsentItems(customerId, given.spoken, now);
  return given.channels.flatMap((channel) => formConsentItems(customerId, contact, given, channel, now));
};

/** The one answer when intakes of one person keep racing: nothing was written, and a retry may simply win. */
export const intakeContended = () =>
  new ConflictError('intake-contended', {
    en: 'This customer is being changed by other requests; try again.',
    tr: 'Bu müşteri şu an başka isteklerle değiştiriliyor; yeniden deneyin.',
  });

const nobodyMatched: ContactMatch = { unclaimed: { email: false, phone: false } };

/**
 * Finds the person's customer by e-mail (else phone), or names a new one, and writes the customer's
 * part (a new profile and markers, or a known one's touch and the details nobody held yet), the
 * consent and the channel's items in ONE transaction. A transaction that loses a race (another
 * intake claimed a marker first) is tried again from the match, so it joins the winner's customer.
 */
export const takeIn = async <T>(request: IntakeRequest<T>, now: Date): Promise<T> => {
  const { person, named } = request;
  const contact = contactKeysOf(person);
  const matchOf = request.match ?? matchContact;
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const matched = contact.emailKey || contact.phone ? await matchOf(contact) : nobodyMatched;
    const knownId = named?.customerId ?? matched.customerId;
    const profile = named ?? (knownId && request.readProfile ? await getCustomer(knownId) : undefined);
    const found: Found = knownId
      ? { customerId: knownId, created: false, profile, contact }
      : { customerId: newId(), created: true, contact };
    const { items, answer } = await request.work(found);
    const at = now.toISOString();
    const customerItems = found.created
      ? newCustomerItems(
          {
            // Named one by one: a channel's person may carry more than a profile takes.
            name: person.name,
            email: person.email,
            language: person.language,
            company: person.company,
            sector: person.sector,
            city: person.city,
            region: person.region,
            preferredDealerId: person.preferredDealerId,
            ...contact,
            ...request.starts,
            customerId: found.customerId,
            createdAt: at,
            updatedAt: at,
          },
          { email: true, phone: true },
        )
      : [
          ...(request.touch ? [request.touch(found.customerId)] : []),
          // A merged customer's details join the customer it was merged into.
          ...markerItems(contact, profile?.customerId ?? found.customerId, matched.unclaimed),
        ];
    const saved = await transact([
      ...customerItems,
      ...consentItems(found.customerId, contact, request.consent, now),
      ...items,
    ]);
    if (saved.ok) return answer;
  }
  throw intakeContended();
};
