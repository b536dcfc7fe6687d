// Outbound webhooks: subscriptions to event types of the catalogue, one delivery per event and
// subscription, sent in order of occurrence by a sweep of the due-time queue, retried with backoff for
// three days, after which the subscription is disabled and its owner mailed.

import type { AuditActor } from '../../shared/audit.js';
import { clockNow } from '../../shared/clock.js';
import { getUser } from '../../shared/directory.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { onceKey, sendOnce, sendTransactional } from '../../shared/mail.js';
import { logger } from '../../shared/observability.js';
import { ConflictError, ValidationError } from '../../shared/problems.js';
import { type SweepAction, sweep } from '../../shared/work-queue.js';
import { type CrmEvent, catalogue, isDetailType } from '../event-table.js';
import { nextTry } from './domain/backoff.js';
import { liveSecrets, newSecret, rotate, type SigningSecret, signatureHeaders, webhookBody } from './domain/signing.js';
import { refusals, type SubscriptionInput } from './domain/subscription-input.js';
import { resolvedRefusal, send } from './sender.js';
import { sendOptions } from './settings.js';
import {
  changeSubscription,
  type Delivery,
  deliveryQueue,
  enqueueDelivery,
  getDelivery,
  insertSubscription,
  laneAt,
  listSubscriptions,
  queuedDeliveries,
  recordDelivered,
  recordFailed,
  type Subscription,
  wakeLane,
} from './store.js';
import { subscriptionDisabledMail } from './templates/subscription-disabled.js';

const apiActor = (actor: Actor): AuditActor => ({ actorId: actor.userId, via: 'api' });

/** A subscription as the API shows it: never its secrets (they are shown once, when made). */
export const subscriptionView = ({ secrets, ...rest }: Subscription) => ({
  ...rest,
  secretsLive: liveSecrets(secrets, clockNow()).length,
});

export const createSubscription = async (actor: Actor, input: SubscriptionInput, now = clockNow()) => {
  const refusal = await resolvedRefusal(input.url, sendOptions());
  if (refusal) throw new ValidationError([{ path: 'url', message: refusals[refusal] }]);
  const secret: SigningSecret = { secret: newSecret(), createdAt: now.toISOString() };
  const subscription: Subscription = {
    subscriptionId: newId(),
    url: input.url,
    eventTypes: [...new Set(input.eventTypes)],
    ...(input.description ? { description: input.description } : {}),
    status: 'active',
    seq: 1,
    ownerId: actor.userId,
    secrets: [secret],
    createdAt: now.toISOString(),
    updatedAt: now.toISOString(),
  };
  await insertSubscription(subscription, apiActor(actor));
  return { ...subscriptionView(subscription), secret: secret.secret };
};

export const rotateSecret = async (actor: Actor, read: Subscription, overlapHours: number, now = clockNow()) => {
  const secrets = rotate(read.secrets, now, overlapHours);
  const changed = await changeSubscription(read, { secrets }, apiActor(actor), 'rotate-secret', [], now);
  return { ...subscriptionView(changed), secret: secrets[0]!.secret };
};

const alreadyThere = (status: string) =>
  new ConflictError('webhook-changed', {
    en: `The subscription is already ${status}.`,
    tr: `Abonelik zaten ${status === 'active' ? 'etkin' : 'durdurulmuş'}.`,
  });

export const enableSubscription = async (actor: Actor, read: Subscription, now = clockNow()) => {
  if (read.status === 'active') throw alreadyThere('active');
  const fields = { status: 'active' as const, disabledAt: undefined, disabledReason: undefined };
  const changed = await changeSubscription(
    read,
    fields,
    apiActor(actor),
    'enable',
    [wakeLane(read.subscriptionId, now)],
    now,
  );
  return subscriptionView(changed);
};

export const disableSubscription = async (actor: Actor, read: Subscription, now = clockNow()) => {
  if (read.status === 'disabled') throw alreadyThere('disabled');
  const fields = { status: 'disabled' as const, disabledAt: now.toISOString(), disabledReason: 'owner' as const };
  return subscriptionView(await changeSubscription(read, fields, apiActor(actor), 'disable', [], now));
};

// ---- fan-out: every event of the catalogue reaches the subscriptions that chose its type -----------

export const fanOut = async (event: Pick<CrmEvent, 'detail-type' | 'detail'>, now = clockNow()) => {
  const detailType = event['detail-type'];
  if (!isDetailType(detailType)) return { queued: 0 };
  const detail = catalogue[detailType].detail.parse(event.detail) as Record<string, unknown> & {
    eventId: string;
    occurredAt: string;
  };
  const subscribers = (await listSubscriptions()).filter(
    (s) => s.status === 'active' && s.eventTypes.includes(detailType),
  );
  let queued = 0;
  for (const s of subscribers) {
    const fresh = await enqueueDelivery(
      s.subscriptionId,
      { eventId: detail.eventId, detailType, occurredAt: detail.occurredAt, data: detail },
      now,
    );
    if (fresh) queued++;
  }
  return { queued };
};

// ---- the sweep: each due lane delivers its queued events in order --------------------------------

/** Deliveries one lane makes in one run at most; a longer queue goes on in the next run. */
const perRun = 20;
/** A lane stops after this long in one run, so one run of the sweep stays well inside its timeout. */
const laneBudgetMs = 25_000;
/** Lanes (subscriptions) delivered at once: a slow receiver holds up only its own lane. */
const lanesAtOnce = 8;

const attemptOf = (at: Date, result: Awaited<ReturnType<typeof send>>) => ({
  at: at.toISOString(),
  durationMs: result.ms,
  ...(result.status !== undefined ? { responseCode: result.status } : {}),
  ...(result.ok ? {} : { error: result.error }),
});

const giveUp = async (subscription: Subscription, delivery: Delivery, now: Date) => {
  const fields = { status: 'disabled' as const, disabledAt: now.toISOString(), disabledReason: 'failing' as const };
  let changed: Subscription;
  try {
    changed = await changeSubscription(
      subscription,
      fields,
      { actorId: 'system', via: 'api' },
      'disable-failing',
      [],
      now,
    );
  } catch (error) {
    if (error instanceof ConflictError) return; // changed meanwhile (an owner's own change): theirs stands
    throw error;
  }
  const owner = await getUser(subscription.ownerId);
  if (!owner?.email) {
    logger.warn('a failing webhook subscription was disabled; its owner has no address', {
      subscriptionId: subscription.subscriptionId,
    });
    return;
  }
  await sendOnce(onceKey('webhook-disabled', subscription.subscriptionId, changed.seq), () =>
    sendTransactional({
      to: owner.email,
      ...subscriptionDisabledMail.render(owner.language, {
        subscriptionId: subscription.subscriptionId,
        url: subscription.url,
        failingSince: delivery.failingSince ?? now.toISOString(),
      }),
    }),
  );
};

/**
 * One lane's run: its queued events oldest first, each signed and sent; the first failure stops the
 * lane (later events wait, so a receiver gets each record's events in order) and sets its next try.
 * `now` is the sweep's time (the clock tests set); the signature carries the real time of sending.
 */
export const deliverLane = async (subscription: Subscription | undefined, now: Date): Promise<SweepAction> => {
  if (subscription?.status !== 'active') return 'drop';
  const started = Date.now();
  const queued = await queuedDeliveries(subscription.subscriptionId, perRun);
  for (const { eventId, occurredAt } of queued) {
    if (Date.now() - started > laneBudgetMs) return { writes: [laneAt(subscription.subscriptionId, now)] };
    const delivery = await getDelivery(subscription.subscriptionId, occurredAt, eventId);
    if (!delivery) continue;
    const body = webhookBody(delivery.detailType, delivery.occurredAt, delivery.data);
    const sentAt = clockNow();
    const headers = signatureHeaders(delivery.eventId, body, subscription.secrets, sentAt);
    const result = await send(subscription.url, body, headers, sendOptions());
    if (result.ok) {
      await recordDelivered(delivery, attemptOf(now, result));
      continue;
    }
    const failed = await recordFailed(delivery, attemptOf(now, result));
    const next = nextTry(failed.failingSince ?? now.toISOString(), failed.failures ?? 1, now);
    if (next === 'give-up') {
      await giveUp(subscription, failed, now);
      return 'drop';
    }
    return { writes: [laneAt(subscription.subscriptionId, next)] };
  }
  return queued.length === perRun ? { writes: [laneAt(subscription.subscriptionId, now)] } : 'drop';
};

export const sweepDeliveries = async (now: Date) => {
  const subscriptions = new Map((await listSubscriptions()).map((s) => [s.subscriptionId, s]));
  return sweep(
    deliveryQueue,
    now,
    100,
    (entry) => deliverLane(subscriptions.get(entry.data.subscriptionId), now),
    lanesAtOnce,
  );
};
