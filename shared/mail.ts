// Outgoing mail: MIME built by nodemailer's composer, sent raw through SES so custom headers
// (List-Unsubscribe, attachments) survive. Throttling is retried with backoff: SES drops a throttled message.
//
// Two kinds of send, and one guard around both:
// - `sendTransactional`: mail the person asked for or needs (a quote, a confirmation link, a staff
//   notice). Skips addresses suppressed for a hard bounce or a complaint.
// - `sendMarketing`: also needs recorded consent for that exact address, channel and topic, and
//   carries RFC 8058 one-click unsubscribe headers with a signed link.
// - `sendOnce(key, …)`: every consumer's mail goes through it, so a redelivered event, a retry or
//   a racing request mails once. See there for the crash window.
// - A mail (or a text, shared/sms.ts) that carries `customerId` is the customer's correspondence: once
//   SES (or the SMS service) accepts it, `sendOnce` logs it on the customer's timeline (an `email` or
//   `sms` activity: template, subject, time, message id — never the body, the address or the number)
//   in the same transaction that records the outcome, so a retry that finds it sent logs nothing twice.

import { AsyncLocalStorage } from 'node:async_hooks';
import { createHash } from 'node:crypto';
import { SESClient, SendRawEmailCommand } from '@aws-sdk/client-ses';
import { DeleteCommand, GetCommand, PutCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import MailComposer from 'nodemailer/lib/mail-composer/index.js';
import { activityEvents } from '../events/platform.js';
import { clockNow } from './clock.js';
import { config } from './config.js';
import type { ConsentChannel, ConsentTopic } from './consent.js';
import { normalizeEmail } from './contact.js';
import { db, itemAbsent, putNew, type TransactItem, tableName, transact } from './db.js';
import { IysWaitError, marketingGate } from './gate.js';
import { newId } from './ids.js';
import { defineLink } from './links.js';
import { outboxPut } from './outbox.js';
import * as z from './schema.js';
import { suppressionOf } from './suppression.js';
import { type ItemType, keys } from './table.js';
import type { RenderedMail } from './templates.js';
import { DAY_MS, istanbulDate } from './time.js';

export { capPeriod } from './gate.js';

export interface Mail extends RenderedMail {
  to: string;
  replyTo?: string;
  headers?: Record<string, string>;
  attachments?: { filename: string; content: Buffer; contentType: string }[];
  /** The customer it is to: the mail is logged on their timeline when sent through `sendOnce`. */
  customerId?: string;
}

/** Why a mail was not sent: the address is suppressed, or a rule held it back. */
export const skipReasons = [
  'hard-bounce',
  'complaint',
  'no-consent',
  'daily-limit',
  'rejected',
  'frequency-cap',
  'quiet-hours',
] as const;
export type SkipReason = (typeof skipReasons)[number];
export type SendOutcome =
  | { status: 'sent'; messageId: string; log?: CustomerMailLog }
  | { status: 'skipped'; reason: SkipReason };

/** What a sent customer mail or text leaves on the customer's timeline; `sendOnce` writes it. */
export interface CustomerMailLog {
  /** An `email` activity when absent. */
  kind?: 'email' | 'sms';
  customerId: string;
  template: string;
  subject: string;
  sentAt: string;
  /** A text's segments. */
  segments?: number;
}

let ses: SESClient | undefined;
const client = () => {
  ses ??= new SESClient({ maxAttempts: 6, retryMode: 'adaptive' });
  return ses;
};

export const composeMime = (mail: Mail, from = config.mailFrom()): Promise<Buffer> =>
  new MailComposer({
    from,
    to: mail.to,
    replyTo: mail.replyTo,
    subject: mail.subject,
    text: mail.text,
    html: mail.html,
    headers: mail.headers,
    attachments: mail.attachments,
  })
    .compile()
    .build();

/**
 * Hands the message to SES; returns its message id. Only the two senders below call this. The
 * configuration set publishes the message's sending events; its tags come back on every one of them.
 */
const deliver = async (mail: Mail, tags: Record<string, string> = {}): Promise<SendOutcome> => {
  await enterDelivery();
  const Tags = Object.entries(tags).map(([Name, Value]) => ({ Name, Value }));
  const sent = await client().send(
    new SendRawEmailCommand({
      RawMessage: { Data: await composeMime(mail) },
      ConfigurationSetName: config.sesConfigurationSet(),
      ...(Tags.length ? { Tags } : {}),
    }),
  );
  const sentAt = clockNow().toISOString();
  const log = mail.customerId
    ? { customerId: mail.customerId, template: mail.template ?? 'untemplated', subject: mail.subject, sentAt }
    : undefined;
  return { status: 'sent', messageId: sent.MessageId ?? '', ...(log ? { log } : {}) };
};

export const sendTransactional = async (mail: Mail): Promise<SendOutcome> => {
  const suppressed = await suppressionOf(mail.to);
  return suppressed ? { status: 'skipped', reason: suppressed } : deliver(mail);
};

/** What a marketing mail is about: whose, on which channel, which topic. */
export interface MarketingScope {
  customerId: string;
  channel: Extract<ConsentChannel, 'email'>;
  topic: ConsentTopic;
  /** Tagged on the message (`campaign`), so its SES events and its unsubscribe link name the campaign. */
  campaignId?: string;
}

/** The SES message tag that names a marketing mail's campaign. */
export const campaignTag = 'campaign';

/** A one-way fingerprint of the address: the unsubscribe URL names it without putting it in logs. */
export const addressHash = (address: string) =>
  createHash('sha256').update(normalizeEmail(address)).digest('base64url').slice(0, 22);

/**
 * The one-click unsubscribe link of RFC 8058. Not single use: unsubscribing twice changes nothing.
 * Its pages are functions/campaigns' subscription pages (confirm, one-click POST, preferences).
 */
export const unsubscribeLink = defineLink({
  purpose: 'unsubscribe',
  path: '/unsubscribe',
  claims: z.object({
    customerId: z.string(),
    channel: z.literal('email'),
    topic: z.string(),
    addressHash: z.string(),
    campaignId: z.optional(z.string()),
  }),
  ttlSeconds: 400 * 24 * 3600,
  singleUse: { by: 'none', why: 'unsubscribing is idempotent' },
});

/** The personal unsubscribe URL for a marketing mail (headers and body); https except on the local runtime. */
export const unsubscribeUrl = async (to: string, scope: MarketingScope, now = clockNow()) => {
  const url = await unsubscribeLink.url({ ...scope, addressHash: addressHash(to) }, { now });
  const { protocol, hostname } = new URL(url);
  if (protocol !== 'https:' && hostname !== 'localhost' && hostname !== '127.0.0.1') {
    throw new Error('List-Unsubscribe needs an https PUBLIC_BASE_URL (RFC 8058)');
  }
  return url;
};

/** The headers RFC 8058 asks for. */
export const unsubscribeHeaders = async (to: string, scope: MarketingScope, now = clockNow()) => ({
  'List-Unsubscribe': `<${await unsubscribeUrl(to, scope, now)}>`,
  'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click',
});

/**
 * Marketing mail: through the marketing gate (suppression, consent for this address and topic, the
 * customer's frequency cap across channels), with RFC 8058 headers and the campaign tagged for SES events.
 */
export const sendMarketing = async (mail: Mail, scope: MarketingScope, now = clockNow()): Promise<SendOutcome> => {
  const refused = await marketingGate({ ...scope, address: mail.to }, now);
  // Waiting for İYS is no refusal: the caller keeps the mail (inside `sendOnce` its claim is released).
  if (refused === 'iys-unreachable') throw new IysWaitError(now);
  if (refused) return { status: 'skipped', reason: refused };
  return deliver(
    {
      ...mail,
      customerId: mail.customerId ?? scope.customerId,
      headers: { ...mail.headers, ...(await unsubscribeHeaders(mail.to, scope, now)) },
    },
    scope.campaignId ? { [campaignTag]: scope.campaignId } : {},
  );
};

// ---- once per mail -----------------------------------------------------------------------------

/** Longer than any SES call takes (a Lambda's timeout included): a sending claim older than this was abandoned. */
const LEASE_MS = 5 * 60 * 1000;

/** The claim a `sendOnce` holds, seen by `deliver` inside its `send` (however deep the call). */
interface Holding {
  key: string;
  claim: string;
  at: Date;
  sending?: Promise<void>;
}
const holdings = new AsyncLocalStorage<Holding>();

/**
 * The claim's step from `preparing` (nothing handed to SES; anyone may take it over) to `claimed`
 * (SES may have the message; only its lease ends it), taken only while the claim is still this
 * sender's. Whoever took it over meanwhile sends instead: this sender stops before SES.
 */
const startSending = async ({ key, claim, at }: Holding) => {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.mailMarker(key),
        UpdateExpression: 'SET #state = :claimed, leaseUntil = :lease',
        ConditionExpression: 'claim = :claim AND #state = :preparing',
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: {
          ':claimed': 'claimed',
          ':preparing': 'preparing',
          ':claim': claim,
          ':lease': at.getTime() + LEASE_MS,
        },
      }),
    );
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') throw new MailInProgressError(key);
    throw error;
  }
};
/**
 * Called by a sender just before it hands a message to its provider (SES, the SMS service): inside
 * `sendOnce`, the claim steps to `claimed`, or this throws when another sender took the claim over.
 */
export const enterDelivery = async () => {
  const holding = holdings.getStore();
  if (!holding) return;
  holding.sending ??= startSending(holding);
  await holding.sending;
};

/** Markers outlive every redelivery (24 h) and retry of the events that cause mail. */
const MARKER_TTL_SECONDS = 30 * 24 * 3600;

export type OnceOutcome = SendOutcome & { first: boolean };

export class MailInProgressError extends Error {
  constructor(readonly onceKey: string) {
    super(`Mail ${onceKey} is being sent by another request`);
    this.name = 'MailInProgressError';
  }
}

/** `quote`, `01K…`, 2 → `quote#01K…#2`. Ids only: the key is not personal data. */
export const onceKey = (kind: string, ...ids: (string | number)[]) => [kind, ...ids].join('#');

/**
 * A message the CRM sent the customer as an activity (`email`, or `sms` for a text) and its
 * ActivityLogged event. The item has the shape of every activity on the timeline (key by sent time and
 * id, found by id through gsi3), so the activities use case reads it like the ones staff log.
 */
export const mailLogItems = (log: CustomerMailLog, messageId: string): TransactItem[] => {
  const activityId = newId();
  const { customerId, sentAt, segments } = log;
  const kind = log.kind ?? 'email';
  return [
    putNew({
      ...keys.activity(customerId, sentAt, activityId),
      ...keys.activityById(activityId),
      type: 'activity' satisfies ItemType,
      activityId,
      customerId,
      kind,
      status: 'logged',
      seq: 1,
      template: log.template,
      subject: log.subject,
      sentAt,
      messageId,
      ...(segments === undefined ? {} : { segments }),
      occurredAt: sentAt,
      createdBy: 'system',
      createdAt: sentAt,
      updatedAt: sentAt,
    }),
    outboxPut(activityEvents.ActivityLogged, { customerId, activityId, kind, actorId: 'system' }, new Date(sentAt)),
  ];
};

/** A conditional update of one item: ok false when its condition does not hold. */
const updateIf = async (update: ConstructorParameters<typeof UpdateCommand>[0]) => {
  try {
    await db().send(new UpdateCommand(update));
    return { ok: true } as const;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return { ok: false } as const;
    throw error;
  }
};

/** SES refused this message for good: retrying would be refused again. */
const permanent = (error: unknown) => error instanceof Error && error.name === 'MessageRejected';

/**
 * Sends one mail at most once per key, whatever races. A sender first claims the key with a
 * conditional write and records the outcome after. The claim has two steps: `preparing` while the
 * mail is made (reads of consent, suppression, the record), and `claimed` from just before SES is
 * called. A preparing claim is taken over by the next sender at once — its holder may have died on
 * a database that stopped answering, and it cannot reach SES any more once the claim is not its
 * own — so a retry after an outage sends at once instead of waiting out a lease.
 *
 * - Another sender holding a `claimed` claim within its lease: `MailInProgressError` (an event
 *   consumer throws it to be retried later; a request answers 409). So does a sender whose
 *   preparing claim was taken over: the one that took it sends.
 * - Already sent or skipped: the recorded outcome with `first: false`, and nothing is sent.
 * - Failed before or at SES (a database read, SES for now): the claim is released if the database
 *   answers, and the error thrown, so a retry sends at once. SES rejected the message for good: the
 *   rejection is kept, and retries stop.
 * - The crash window: a sender that dies after SES accepted the message and before the outcome is
 *   written leaves a claim; after the lease a retry takes it over and mails again. That is the one
 *   duplicate left, and the price of never losing a mail to a sender that died before SES had it.
 * - A sent mail with a `customerId` is logged on the customer's timeline with its outcome, in one
 *   transaction: logged exactly when the outcome says sent.
 */
export const sendOnce = async (
  key: string,
  send: () => Promise<SendOutcome>,
  now = clockNow(),
): Promise<OnceOutcome> => {
  const marker = keys.mailMarker(key);
  const claim = `${now.getTime()}-${Math.random().toString(36).slice(2)}`;
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: {
          ...marker,
          type: 'mail-marker' satisfies ItemType,
          state: 'preparing',
          claim,
          expiresAt: Math.floor(now.getTime() / 1000) + MARKER_TTL_SECONDS,
        },
        ConditionExpression: `${itemAbsent} OR #state = :preparing OR (#state = :claimed AND leaseUntil < :now)`,
        ExpressionAttributeNames: { '#state': 'state' },
        ExpressionAttributeValues: { ':preparing': 'preparing', ':claimed': 'claimed', ':now': now.getTime() },
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    const found = (await db().send(new GetCommand({ TableName: tableName(), Key: marker, ConsistentRead: true }))).Item;
    if (found?.state !== 'done') throw new MailInProgressError(key);
    return { ...(found.outcome as SendOutcome), first: false };
  }
  let outcome: SendOutcome;
  try {
    outcome = await holdings.run({ key, claim, at: now }, send);
  } catch (error) {
    if (error instanceof MailInProgressError) throw error;
    if (!permanent(error)) {
      // A database that does not answer keeps the claim: a preparing one is taken over anyway, a
      // claimed one after its lease. The failure that stopped the send is the one to report.
      await db()
        .send(
          new DeleteCommand({
            TableName: tableName(),
            Key: marker,
            ConditionExpression: 'claim = :claim',
            ExpressionAttributeValues: { ':claim': claim },
          }),
        )
        .catch(() => undefined);
      throw error;
    }
    outcome = { status: 'skipped', reason: 'rejected' };
  }
  const log = outcome.status === 'sent' ? outcome.log : undefined;
  const recorded: SendOutcome = outcome.status === 'sent' ? { status: 'sent', messageId: outcome.messageId } : outcome;
  const done = {
    TableName: tableName(),
    Key: marker,
    UpdateExpression: 'SET #state = :done, outcome = :outcome REMOVE leaseUntil',
    ConditionExpression: 'claim = :claim',
    ExpressionAttributeNames: { '#state': 'state' },
    ExpressionAttributeValues: { ':done': 'done', ':outcome': recorded, ':claim': claim },
  };
  const logItems = log && recorded.status === 'sent' ? mailLogItems(log, recorded.messageId) : [];
  // The marker alone is one conditional write, at half a transaction's write units.
  const written = logItems.length ? await transact([{ Update: done }, ...logItems]) : await updateIf(done);
  // Only a sender that outlived its lease gets here; whoever took the claim over records the outcome.
  if (!written.ok) throw new MailInProgressError(key);
  return { ...recorded, first: true };
};

// ---- a bound on unsolicited mail -----------------------------------------------------------------

/**
 * Counts a mail of `kind` to `address` for the Istanbul day and says whether it is within `limit`.
 * For mail a stranger can trigger (a form's auto-response, a consent link): nobody can use the form
 * to flood one inbox. A conditional increment, so racing senders cannot both take the last one.
 */
const withinDailyLimit = async (kind: string, address: string, limit: number, now = clockNow()) => {
  const day = istanbulDate(now);
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.mailQuota(kind, normalizeEmail(address), day),
        UpdateExpression: 'SET #type = :type, expiresAt = :expires ADD sent :one',
        ConditionExpression: 'attribute_not_exists(sent) OR sent < :limit',
        ExpressionAttributeNames: { '#type': 'type' },
        ExpressionAttributeValues: {
          ':type': 'mail-quota' satisfies ItemType,
          ':expires': Math.floor((now.getTime() + 2 * DAY_MS) / 1000),
          ':one': 1,
          ':limit': limit,
        },
      }),
    );
    return true;
  } catch (error) {
    if ((error as Error).name === 'ConditionalCheckFailedException') return false;
    throw error;
  }
};

/** Mail of one kind to an address nobody has proven, at most this many a day. */
export const UNVERIFIED_DAILY_LIMIT = 3;

/** A transactional mail to an address a stranger may have typed: bounded per address and day. */
export const sendToUnverified = async (kind: string, mail: Mail, now = clockNow()): Promise<SendOutcome> =>
  (await withinDailyLimit(kind, mail.to, UNVERIFIED_DAILY_LIMIT, now))
    ? sendTransactional(mail)
    : { status: 'skipped', reason: 'daily-limit' };
