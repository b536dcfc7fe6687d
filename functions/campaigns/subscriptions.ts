// Subscriptions: what an unsubscribe link may do. The token names the customer, the topic, the
// address (by its hash: the URL carries no address) and the campaign whose mail carried it. Leaving
// a topic is a consent withdrawal for THAT address only; leaving one topic never touches the others,
// nor transactional mail, which needs no consent.

import { clockNow } from '../../shared/clock.js';
import { config } from '../../shared/config.js';
import { consentByTopic, ledgerAddresses, type Withdrawal, withdrawConsent } from '../../shared/consent.js';
import { getCustomer } from '../../shared/customer.js';
import { putNew } from '../../shared/db.js';
import type { Language } from '../../shared/language.js';
import { addressHash, unsubscribeLink } from '../../shared/mail.js';
import type { ItemType } from '../../shared/table.js';
import { campaignsKeys } from './keys.js';
import { countInto } from './reports.js';

export interface Subscriber {
  customerId: string;
  /** The address the link was mailed to, as the ledger holds it. */
  address: string;
  language: Language;
  /** The topic the mail was about. */
  topic: string;
  campaignId?: string;
}

export type SubscriberRead = { ok: true; subscriber: Subscriber } | { ok: false; reason: 'invalid' | 'expired' };

/**
 * The subscriber a token speaks for. The address is found among the customer's ledger addresses by
 * its hash, so a link keeps working for the address it was mailed to after the profile's address changes.
 */
export const subscriberOf = async (token: string, now = clockNow()): Promise<SubscriberRead> => {
  const link = await unsubscribeLink.read(token, now);
  if (!link.ok) return link;
  const { customerId, topic, campaignId } = link.claims;
  const [customer, addresses] = await Promise.all([getCustomer(customerId), ledgerAddresses(customerId, 'email')]);
  const address = [...addresses].find((candidate) => addressHash(candidate) === link.claims.addressHash);
  if (!customer || !address) return { ok: false, reason: 'invalid' };
  return {
    ok: true,
    subscriber: { customerId, address, language: customer.language, topic, ...(campaignId ? { campaignId } : {}) },
  };
};

/** The topics a customer chooses among, from configuration. */
export const topics = () => config.marketingTopics();

/** The subscriber's current choice for each topic. */
export const preferencesOf = (subscriber: Subscriber) =>
  consentByTopic(subscriber.customerId, 'email', subscriber.address, topics());

/**
 * Leaves `topic` (`all`: every topic) at once. A link from a campaign's mail counts the customer
 * `unsubscribed` for that campaign once, whichever topics they leave through it and however often.
 */
export const leave = async (subscriber: Subscriber, topic: string, via: Withdrawal['via'], now = clockNow()) => {
  const { customerId, address, campaignId } = subscriber;
  const counted = campaignId
    ? [
        putNew({
          ...campaignsKeys.campaignUnsubscribe(campaignId, customerId),
          type: 'campaign-unsubscribe' satisfies ItemType,
          at: now.toISOString(),
        }),
        countInto(campaignId, 'unsubscribed'),
      ]
    : [];
  return withdrawConsent(
    { customerId, channel: 'email', address, topic, via, ...(campaignId ? { campaignId } : {}) },
    topics(),
    counted,
    now,
  );
};
