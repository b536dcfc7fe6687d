// A customer's preferred channel for notices and statements: set by staff or by the customer through
// a signed link, one item per customer, changed only by a write conditional on the version read.
// A channel can be chosen only when the customer's record reaches it (an e-mail address, a mobile
// number); notices are transactional, so no marketing consent is needed — the marketing gate applies
// to commercial messages only.

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { getCustomer } from '../../shared/customer.js';
import { db, itemAbsent, tableName, transact } from '../../shared/db.js';
import { refuseStale } from '../../shared/entity.js';
import { defineLink } from '../../shared/links.js';
import { records } from '../../shared/messages.js';
import { ConflictError, NotFoundError, ProblemError } from '../../shared/problems.js';
import * as z from '../../shared/schema.js';
import { type NoticeChannel, noticeChannels, reachableBy } from './domain/channel-choice.js';
import { channelsKeys } from './keys.js';

export interface ChannelPreference {
  customerId: string;
  channel: NoticeChannel;
  seq: number;
  via: 'staff' | 'link';
  setBy: string;
  updatedAt: string;
}

export const getPreference = async (customerId: string) =>
  (
    await db().send(
      new GetCommand({ TableName: tableName(), Key: channelsKeys.channelPreference(customerId), ConsistentRead: true }),
    )
  ).Item as ChannelPreference | undefined;

const channelNames: Record<NoticeChannel, { en: string; tr: string }> = {
  email: { en: 'e-mail', tr: 'e-posta' },
  sms: { en: 'SMS', tr: 'SMS' },
  letter: { en: 'letter', tr: 'mektup' },
};

/** Refuses a channel the customer's record does not reach (letters wait for postal addresses, so they pass). */
const refuseUnreachable = (customer: { email?: string; phone?: string }, channel: NoticeChannel) => {
  if (channel === 'letter' || reachableBy(customer)[channel]) return;
  const name = channelNames[channel];
  throw new ProblemError(
    422,
    'channel-unreachable',
    {
      en: `The customer has no ${channel === 'email' ? 'e-mail address' : 'mobile number'} for ${name.en}.`,
      tr: `Müşterinin ${name.tr} için ${channel === 'email' ? 'e-posta adresi' : 'cep telefonu'} yok.`,
    },
    [{ path: 'channel', message: { en: `Cannot reach by ${name.en}.`, tr: `${name.tr} ile ulaşılamıyor.` } }],
  );
};

/**
 * Sets the preference if it is still at `seq` (absent: 0). A stale write is a 409; the same channel
 * again changes nothing.
 */
export const setPreference = async (
  customerId: string,
  channel: NoticeChannel,
  by: { via: 'staff' | 'link'; setBy: string },
  seq?: number,
  now = clockNow(),
) => {
  const customer = await getCustomer(customerId);
  if (!customer) throw new NotFoundError(records.customer);
  refuseUnreachable(customer, channel);
  const before = await getPreference(customer.customerId);
  const current = before?.seq ?? 0;
  refuseStale({ seq: current }, seq, 'preference-changed', { en: 'The preference', tr: 'Tercih' });
  if (before?.channel === channel) return before;
  const after: ChannelPreference = {
    customerId: customer.customerId,
    channel,
    seq: current + 1,
    ...by,
    updatedAt: now.toISOString(),
  };
  const written = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...channelsKeys.channelPreference(customer.customerId), type: 'channel-preference', ...after },
        ConditionExpression: before ? 'seq = :seq' : itemAbsent,
        ...(before ? { ExpressionAttributeValues: { ':seq': current } } : {}),
      },
    },
  ]);
  if (!written.ok)
    throw new ConflictError('preference-changed', {
      en: 'The preference changed meanwhile: reload it.',
      tr: 'Tercih bu arada değişti: yeniden yükleyin.',
    });
  return after;
};

/** What staff and the customer's page show: the choice, and which channels the record reaches. */
export const preferenceView = async (customerId: string) => {
  const customer = await getCustomer(customerId);
  if (!customer) throw new NotFoundError(records.customer);
  const preference = await getPreference(customer.customerId);
  return {
    customerId: customer.customerId,
    channel: preference?.channel ?? null,
    seq: preference?.seq ?? 0,
    ...(preference ? { via: preference.via, updatedAt: preference.updatedAt } : {}),
    reachable: reachableBy(customer),
  };
};

/**
 * The link a customer chooses their channel with. Not single use: choosing again is the point; it
 * ends after 30 days.
 */
export const preferenceLink = defineLink({
  purpose: 'channel-preference',
  path: '/channel-preference',
  claims: z.object({ customerId: z.string() }),
  ttlSeconds: 30 * 24 * 3600,
  singleUse: { by: 'none', why: 'choosing again replaces the choice' },
});

export const isNoticeChannel = (value: string): value is NoticeChannel =>
  (noticeChannels as readonly string[]).includes(value);
