// The one gate every commercial message passes before it leaves, whatever its channel: the address
// is not suppressed, it has consent for this channel and topic, the customer is within the frequency
// cap (one counter across channels, so three mails and two texts count as five), and a text or a call
// is not placed in the night (quiet hours, Istanbul time), and a mail or a text waits while İYS cannot
// be reached (shared/iys-health.ts). Transactional messages — what the person asked for or must be
// told — pass only the suppression check of their sender.

import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from './clock.js';
import { config } from './config.js';
import { type ConsentChannel, type ConsentTopic, consentAddress, hasConsent } from './consent.js';
import { db, tableName } from './db.js';
import { waitingForIys } from './iys-health.js';
import { suppressionOf } from './suppression.js';
import { type ItemType, keys } from './table.js';
import { DAY_MS, istanbulDate } from './time.js';

/** What a commercial message is about: whose, to which address on which channel, on which topic. */
export interface GateScope {
  customerId: string;
  channel: ConsentChannel;
  /** The e-mail address or E.164 number the message goes to. */
  address: string;
  topic: ConsentTopic;
  /** Counted once in the cap however often its sender retries. */
  campaignId?: string;
}

export type GateRefusal =
  | 'hard-bounce'
  | 'complaint'
  | 'no-consent'
  | 'frequency-cap'
  | 'quiet-hours'
  | 'iys-unreachable';

/** A commercial message that may not leave yet (not refused): its sender keeps it and tries from `until`. */
export class CommercialWaitError extends Error {
  constructor(
    readonly until: Date,
    message: string,
  ) {
    super(message);
    this.name = 'CommercialWaitError';
  }
}

/** How long a message waiting for İYS waits before its sender asks the gate again. */
export const IYS_WAIT_MS = 60_000;

/** A commercial mail or text asked for while İYS cannot be reached. */
export class IysWaitError extends CommercialWaitError {
  constructor(now: Date) {
    super(new Date(now.getTime() + IYS_WAIT_MS), 'Commercial messages wait until İYS can be reached');
    this.name = 'IysWaitError';
  }
}

// ---- quiet hours ---------------------------------------------------------------------------------

const ISTANBUL_OFFSET_MINUTES = 180;

/** A nightly window in Istanbul minutes of the day (QUIET_HOURS), `from` inclusive, `to` exclusive; it may wrap midnight. */
export interface QuietWindow {
  from: number;
  to: number;
}

const istanbulMinute = (now: Date) => {
  const minutes = Math.floor(now.getTime() / 60_000) + ISTANBUL_OFFSET_MINUTES;
  return ((minutes % 1440) + 1440) % 1440;
};

/** Whether `now` falls in the window (Turkey keeps UTC+3 all year). */
export const inQuietHours = (now: Date, window: QuietWindow | undefined = config.quietHours()) => {
  if (!window) return false;
  const minute = istanbulMinute(now);
  return window.from < window.to
    ? minute >= window.from && minute < window.to
    : minute >= window.from || minute < window.to;
};

/** The first instant after `now` outside the window (now itself when it is outside). */
export const quietHoursEnd = (now: Date, window: QuietWindow | undefined = config.quietHours()) => {
  if (!window || !inQuietHours(now, window)) return now;
  const minute = istanbulMinute(now);
  const wait = (window.to - minute + 1440) % 1440;
  const startOfMinute = Math.floor(now.getTime() / 60_000) * 60_000;
  return new Date(startOfMinute + wait * 60_000);
};

/** Every channel the cap counts: the consent channels, and letters, which need no consent. */
type CappedChannel = ConsentChannel | 'letter';

/** The channels whose commercial messages wait out the night. */
const nightlyChannels: readonly ConsentChannel[] = ['sms', 'phone'];

/** The channels whose commercial messages wait while İYS cannot be reached. */
const iysChannels: readonly ConsentChannel[] = ['email', 'sms'];

// ---- the frequency cap ---------------------------------------------------------------------------

/**
 * The cap's period that `now` falls in: Istanbul calendar days counted in whole periods of `days`
 * from 1970-01-01, so every sender agrees on the bucket without reading anything. `start` names the
 * counter; the counter expires a day after `end`.
 */
export const capPeriod = (now: Date, days: number) => {
  const day = Date.parse(`${istanbulDate(now)}T00:00:00Z`) / DAY_MS;
  const first = Math.floor(day / days) * days;
  return { start: new Date(first * DAY_MS).toISOString().slice(0, 10), end: new Date((first + days) * DAY_MS) };
};

/**
 * Counts this message against the customer's cap and says whether it is within it. The counter holds
 * the set of messages counted (campaign id, or topic and day without one; a channel other than e-mail
 * prefixes its name, so a campaign's mail and its text are two messages): a retry of the same message
 * finds itself in the set and passes without counting twice; racing senders cannot both take the last
 * place, because the add is conditional on the set's size.
 */
const withinCap = async (scope: Omit<GateScope, 'channel' | 'address'> & { channel: CappedChannel }, now: Date) => {
  const { max, days } = config.marketingCap();
  const period = capPeriod(now, days);
  const message = scope.campaignId ?? `${scope.topic}#${istanbulDate(now)}`;
  const counted = scope.channel === 'email' ? message : `${scope.channel}#${message}`;
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.marketingCap(scope.customerId, period.start),
        UpdateExpression: 'SET #type = :type, expiresAt = :expires ADD mails :mail',
        ConditionExpression: 'attribute_not_exists(mails) OR contains(mails, :counted) OR size(mails) < :max',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'marketing-cap' satisfies ItemType,
          ':expires': Math.floor((period.end.getTime() + DAY_MS) / 1000),
          ':mail': new Set([counted]),
          ':counted': counted,
          ':max': max,
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

// ---- the gate ------------------------------------------------------------------------------------

/**
 * Why a commercial message may not leave now, or undefined when it may. Quiet hours are judged
 * first (nothing is read or counted at night: the message waits, see `quietHoursEnd`); a message that
 * would go waits while İYS cannot be reached (`iys-unreachable`); the cap is counted last, only for a
 * message that would otherwise go.
 */
export const marketingGate = async (scope: GateScope, now = clockNow()): Promise<GateRefusal | undefined> => {
  if (nightlyChannels.includes(scope.channel) && inQuietHours(now)) return 'quiet-hours';
  const [suppressed, consented] = await Promise.all([
    suppressionOf(scope.address),
    hasConsent(scope.customerId, scope.channel, consentAddress(scope.channel, scope.address), scope.topic),
  ]);
  if (suppressed) return suppressed;
  if (!consented) return 'no-consent';
  // Only a message that would go waits: a refusal needs nothing from İYS.
  if (iysChannels.includes(scope.channel) && (await waitingForIys())) return 'iys-unreachable';
  if (!(await withinCap(scope, now))) return 'frequency-cap';
  return undefined;
};

/** The suppression key of a customer's postal address: a returned letter or a refusal to receive post. */
export const postalSuppressionKey = (customerId: string) => `postal:${customerId}`;

/**
 * The gate of a commercial letter: no consent is asked of post (neither İYS nor the ledger records
 * one), but a customer whose post is suppressed gets none, and a letter counts in the same cap as
 * mails, texts and calls.
 */
export const postalGate = async (
  scope: { customerId: string; topic: ConsentTopic; campaignId?: string },
  now = clockNow(),
): Promise<GateRefusal | undefined> => {
  const suppressed = await suppressionOf(postalSuppressionKey(scope.customerId));
  if (suppressed) return suppressed;
  if (!(await withinCap({ ...scope, channel: 'letter' }, now))) return 'frequency-cap';
  return undefined;
};
