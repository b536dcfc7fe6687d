// Consent evidence (KVKK, Law 6563): an append-only ledger per customer and channel. The current
// state is the newest entry, so nothing is ever overwritten and every grant can be proven.
// Consent belongs to an address (an e-mail address, normalized, or an E.164 number): every entry
// names the one it is about, a double opt-in proves the address it was mailed to, and a check asks
// about the exact address that would be contacted. A detail a capture attached to a customer it
// matched on something else gains nothing from the customer's other consents, nor they from it.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { consentEvents } from '../events/platform.js';
import { clockNow } from './clock.js';
import { normalizeEmail } from './contact.js';
import { db, itemExists, putNew, type TransactItem, tableName, transact } from './db.js';
import { fromItem } from './entity.js';
import { newId } from './ids.js';
import type { Language } from './language.js';
import { defineLink } from './links.js';
import { outboxPut } from './outbox.js';
import { queryAll } from './query.js';
import * as z from './schema.js';
import { keys } from './table.js';

export const consentChannels = ['email', 'sms', 'phone'] as const;
export type ConsentChannel = (typeof consentChannels)[number];

/** What the messages are about; `all` is the general consent a form's box asks for. */
export type ConsentTopic = 'all' | (string & {});

/** How long a double opt-in waits for its confirmation. */
export const CONSENT_REQUEST_TTL_SECONDS = 7 * 24 * 60 * 60;

/** The matching form of an address on a channel: e-mail lower-cased, phones already E.164. */
export const consentAddress = (channel: ConsentChannel, address: string) =>
  channel === 'email' ? normalizeEmail(address) : address;

export interface ConsentEntry {
  customerId: string;
  channel: ConsentChannel;
  /** The address or number this entry is about, in its matching form. */
  address: string;
  topic: ConsentTopic;
  action: 'requested' | 'granted' | 'withdrawn';
  via: string;
  source: string;
  textVersion?: string;
  ip?: string;
  leadId?: string;
  /** Spoken on a call: the call it was said on and the agent who heard it. */
  callId?: string;
  agentId?: string;
  occurredAt: string;
}

export interface ConsentRequest extends ConsentEntry {
  requestId: string;
  language: Language;
  expiresAt: number;
}

/**
 * The double opt-in link, mailed to the request's address. Single use by its move: confirming
 * deletes the pending request on condition that it exists, so a second click finds nothing.
 */
export const consentConfirmationLink = defineLink({
  purpose: 'consent-confirm',
  path: '/consents/confirm',
  claims: z.object({ requestId: z.string().check(z.minLength(1)) }),
  ttlSeconds: CONSENT_REQUEST_TTL_SECONDS,
  singleUse: { by: 'move', guard: 'the pending request is deleted on condition that it exists' },
});

export const getConsentRequest = async (requestId: string) =>
  (
    await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.consentRequest(requestId), ConsistentRead: true }),
    )
  ).Item as ConsentRequest | undefined;

/**
 * Turns a pending double opt-in into a grant. The request item is deleted in the same transaction,
 * so a link works once: a second click finds nothing and changes nothing.
 */
export const confirmConsentRequest = async (request: ConsentRequest, ip: string, now: Date) => {
  const at = now.toISOString();
  const entry: ConsentEntry = {
    customerId: request.customerId,
    channel: request.channel,
    // What the mailed link proved: the address it was sent to, not whatever the profile holds.
    address: request.address,
    topic: request.topic,
    action: 'granted',
    via: 'double-opt-in',
    source: request.source,
    textVersion: request.textVersion,
    ip,
    leadId: request.leadId,
    occurredAt: at,
  };
  return transact([
    {
      Delete: {
        TableName: tableName(),
        Key: keys.consentRequest(request.requestId),
        ConditionExpression: itemExists,
      },
    },
    putNew({ ...keys.consentEntry(request.customerId, request.channel, at, newId()), type: 'consent', ...entry }),
    outboxPut(
      consentEvents.ConsentGranted,
      { customerId: request.customerId, channel: request.channel, via: 'double-opt-in' },
      now,
    ),
  ]);
};

/** Consent said aloud on a call, per channel, about the number the call came from. */
export interface SpokenConsent {
  /** The number the caller called from, E.164: the one the call proved. */
  from: string;
  channels: readonly ('sms' | 'phone')[];
  callId: string;
  agentId: string;
}

/**
 * The ledger entries and `ConsentGranted` events of a consent given on a call: one per channel it
 * was given for, about the calling number only. An e-mail address is never proven by a call, so a
 * spoken consent has no e-mail channel (the double opt-in is that channel's proof).
 */
export const spokenConsentItems = (customerId: string, spoken: SpokenConsent, now: Date): TransactItem[] => {
  const at = now.toISOString();
  return spoken.channels.flatMap((channel) => {
    const entry: ConsentEntry = {
      customerId,
      channel,
      address: spoken.from,
      topic: 'all',
      action: 'granted',
      via: 'call',
      source: `call:${spoken.callId}`,
      callId: spoken.callId,
      agentId: spoken.agentId,
      occurredAt: at,
    };
    return [
      putNew({ ...keys.consentEntry(customerId, channel, at, newId()), type: 'consent', ...entry }),
      outboxPut(consentEvents.ConsentGranted, { customerId, channel, via: 'staff' }, now),
    ];
  });
};

/** A customer's ledger for one channel, oldest first (the sort key is time-ordered). */
const ledger = async (customerId: string, channel: ConsentChannel) =>
  (
    await queryAll(
      {
        partition: keys.customerPartition(customerId),
        range: { prefix: keys.consentEntriesPrefix(channel) },
        order: 'oldest',
        consistent: true,
      },
      Number.POSITIVE_INFINITY,
    )
  ).map((item) => fromItem<ConsentEntry>(item));

/**
 * Whether `address` may get each of `topics` on `channel`, from one read of the ledger: for each
 * topic, its newest grant or withdrawal for that topic (or for all topics) is a grant. Entries about
 * other addresses of the customer do not count.
 */
export const consentByTopic = async <T extends ConsentTopic>(
  customerId: string,
  channel: ConsentChannel,
  address: string,
  topics: readonly T[],
) => {
  const wanted = consentAddress(channel, address);
  const entries = await ledger(customerId, channel);
  const state = Object.fromEntries(topics.map((topic) => [topic, false])) as Record<T, boolean>;
  // Oldest first (the sort key is time-ordered), so the last decision about this address wins.
  for (const entry of entries) {
    if (entry.address !== wanted) continue;
    for (const topic of topics) {
      if (entry.topic !== 'all' && entry.topic !== topic) continue;
      if (entry.action === 'granted') state[topic] = true;
      if (entry.action === 'withdrawn') state[topic] = false;
    }
  }
  return state;
};

/**
 * Where each address stands per channel and topic: its newest grant or withdrawal, or a pending
 * request when it has had neither (a request after a grant leaves the grant standing).
 */
export const consentStates = (entries: ConsentEntry[]) => {
  const states = new Map<string, ConsentEntry>();
  for (const entry of [...entries].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt))) {
    const key = `${entry.channel} ${entry.address} ${entry.topic}`;
    const known = states.get(key);
    if (!known || (known.action === 'requested' && entry.action !== 'requested')) states.set(key, entry);
  }
  return [...states.values()].map((e) => ({
    channel: e.channel,
    address: e.address,
    topic: e.topic,
    state: e.action,
    via: e.via,
    at: e.occurredAt,
    ...(e.callId ? { callId: e.callId } : {}),
    ...(e.agentId ? { agentId: e.agentId } : {}),
  }));
};

/** The consent evidence one lead's form left (and the double opt-in it asked for), as `consentStates` gives it. */
export const leadConsents = async (customerId: string, leadId: string) => {
  const ledgers = await Promise.all(consentChannels.map((channel) => ledger(customerId, channel)));
  return consentStates(ledgers.flat().filter((entry) => entry.leadId === leadId));
};

/** Every e-mail address or number the customer's ledger is about on a channel (an unsubscribe link names one by its hash). */
export const ledgerAddresses = async (customerId: string, channel: ConsentChannel) =>
  new Set((await ledger(customerId, channel)).map((entry) => entry.address));

/** Whether `address` may get `topic` messages on `channel` (see `consentByTopic`). */
export const hasConsent = async (customerId: string, channel: ConsentChannel, address: string, topic: ConsentTopic) =>
  (await consentByTopic(customerId, channel, address, [topic]))[topic];

// ---- withdrawal (permission marketing: unsubscribe links and the preference page) -----------------

export interface Withdrawal {
  customerId: string;
  channel: ConsentChannel;
  address: string;
  /** `all`, or the one topic left: leaving one never touches the others. */
  topic: ConsentTopic;
  /** `iys`: the person refused at İYS itself (e-Devlet, its app or call line), pulled from its change list. */
  via: 'one-click' | 'unsubscribe-page' | 'preferences' | 'sms-reply' | 'iys';
  /** The campaign whose mail carried the link. */
  campaignId?: string;
}

/**
 * Withdraws consent for one address and topic at once: a ledger entry and a `ConsentWithdrawn` event
 * in one transaction, plus `also` (a campaign's unsubscribe count). Idempotent: when the address
 * already gets none of it, nothing is written. `also` may be refused by its own guard (counted
 * already): the withdrawal is then written without it, so a customer who came back and leaves again
 * through the same campaign's link is still unsubscribed.
 */
export const withdrawConsent = async (
  withdrawal: Withdrawal,
  topics: readonly ConsentTopic[],
  also: TransactItem[] = [],
  now = clockNow(),
): Promise<{ withdrawn: boolean }> => {
  const asked = withdrawal.topic === 'all' ? ['all', ...topics] : [withdrawal.topic];
  const state = await consentByTopic(withdrawal.customerId, withdrawal.channel, withdrawal.address, asked);
  if (!Object.values(state).some(Boolean)) return { withdrawn: false };
  const at = now.toISOString();
  const { customerId, channel, topic, via, campaignId } = withdrawal;
  const entry: ConsentEntry = {
    customerId,
    channel,
    address: consentAddress(channel, withdrawal.address),
    topic,
    action: 'withdrawn',
    via,
    source: campaignId ? `campaign:${campaignId}` : via === 'sms-reply' || via === 'iys' ? via : 'unsubscribe-link',
    occurredAt: at,
  };
  const items = [
    putNew({ ...keys.consentEntry(customerId, channel, at, newId()), type: 'consent', ...entry }),
    outboxPut(
      consentEvents.ConsentWithdrawn,
      { customerId, channel, topic, via, ...(campaignId ? { campaignId } : {}) },
      now,
    ),
  ];
  if (also.length && (await transact([...items, ...also])).ok) return { withdrawn: true };
  await transact(items);
  return { withdrawn: true };
};
