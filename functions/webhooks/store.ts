// Webhook subscriptions and their deliveries in the table. Every change of a subscription is a
// conditional write on its `seq`; a delivery is put once per event (its key holds the event id), so a
// redelivered event queues nothing twice.

import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { type AuditActor, auditItem } from '../../shared/audit.js';
import { clockNow } from '../../shared/clock.js';
import { db, findById, itemAbsent, putNew, type TransactItem, tableName, transact } from '../../shared/db.js';
import { ConflictError, NotFoundError } from '../../shared/problems.js';
import { queryAll, queryPage } from '../../shared/query.js';
import { fromItem, type ItemType } from '../../shared/table.js';
import { defineDueQueue } from '../../shared/work-queue.js';
import type { SigningSecret } from './domain/signing.js';
import { webhooksKeys } from './keys.js';

export const subscriptionStatuses = ['active', 'disabled'] as const;
export type SubscriptionStatus = (typeof subscriptionStatuses)[number];

export interface Subscription {
  subscriptionId: string;
  url: string;
  eventTypes: string[];
  description?: string;
  status: SubscriptionStatus;
  seq: number;
  /** Who made it: told by mail when it is disabled. */
  ownerId: string;
  secrets: SigningSecret[];
  createdAt: string;
  updatedAt: string;
  disabledAt?: string;
  disabledReason?: 'failing' | 'owner';
}

export const deliveryStatuses = ['pending', 'failing', 'delivered', 'abandoned'] as const;
export type DeliveryStatus = (typeof deliveryStatuses)[number];

export interface Delivery {
  subscriptionId: string;
  eventId: string;
  detailType: string;
  occurredAt: string;
  /** The event's detail as the catalogue documents it: what the receiver gets as `data`. */
  data: Record<string, unknown>;
  status: DeliveryStatus;
  attempts: number;
  createdAt: string;
  lastAttemptAt?: string;
  /** The receiver's HTTP status of the latest attempt (absent when it never answered). */
  responseCode?: number;
  /** Why the latest attempt failed: `status`, `timeout`, `redirect`, `network`, `refused-address`. */
  error?: string;
  durationMs?: number;
  /** The first failure of the current run of failures: three days of them disable the subscription. */
  failingSince?: string;
  /** Failed attempts in the current run (the backoff grows with it). */
  failures?: number;
  deliveredAt?: string;
}

/** The lane of each subscription sits in this due-time queue while it has deliveries to make. */
export const deliveryQueue = defineDueQueue<{ subscriptionId: string }>('webhook-delivery');

const subscriptionType: ItemType = 'webhook-subscription';

export const getSubscription = async (subscriptionId: string) => {
  const found = await db().send(
    new GetCommand({ TableName: tableName(), Key: webhooksKeys.subscription(subscriptionId), ConsistentRead: true }),
  );
  return found.Item ? fromItem<Subscription>(found.Item) : undefined;
};

export const subscriptionOrNotFound = async (subscriptionId: string) => {
  const subscription = await getSubscription(subscriptionId);
  if (!subscription) throw new NotFoundError({ en: 'The webhook subscription', tr: 'Webhook aboneliği' });
  return subscription;
};

export const listSubscriptions = async () =>
  (
    await queryAll({
      partition: webhooksKeys.subscriptionsPartition(),
      range: { prefix: webhooksKeys.subscriptionsPrefix() },
      order: 'oldest',
      filter: { expression: '#type = :type', names: { '#type': 'type' }, values: { ':type': subscriptionType } },
    })
  ).map((item) => fromItem<Subscription>(item));

export const insertSubscription = async (subscription: Subscription, by: AuditActor) => {
  const key = webhooksKeys.subscription(subscription.subscriptionId);
  const result = await transact([
    putNew({ ...key, type: subscriptionType, ...subscription }),
    auditItem(key, by, 'create', undefined, subscription.createdAt),
  ]);
  if (!result.ok)
    throw new ConflictError('webhook-changed', { en: 'The subscription exists.', tr: 'Abonelik zaten var.' });
};

const changed = () =>
  new ConflictError('webhook-changed', {
    en: 'The webhook subscription changed meanwhile; read it again.',
    tr: 'Webhook aboneliği bu arada değişti; yeniden okuyun.',
  });

/** A guarded change: the subscription as read (its seq) gets `fields`, with an audit entry. */
export const changeSubscription = async (
  read: Subscription,
  fields: Partial<Subscription>,
  by: AuditActor,
  action: string,
  extra: TransactItem[] = [],
  now = clockNow(),
) => {
  const key = webhooksKeys.subscription(read.subscriptionId);
  const next = { ...read, ...fields, seq: read.seq + 1, updatedAt: now.toISOString() };
  const result = await transact([
    {
      Put: {
        TableName: tableName(),
        Item: { ...key, type: subscriptionType, ...next },
        ConditionExpression: '#seq = :seq',
        ExpressionAttributeNames: { '#seq': 'seq' },
        ExpressionAttributeValues: { ':seq': read.seq },
      },
    },
    auditItem(key, by, action, undefined, now.toISOString()),
    ...extra,
  ]);
  if (!result.ok) throw changed();
  return next;
};

// ---- deliveries ----------------------------------------------------------------------------------

const deliveryById = (subscriptionId: string, eventId: string) => ({
  gsi3pk: `WEBHOOK_DELIVERY#${subscriptionId}#${eventId}`,
  gsi3sk: 'DELIVERY',
});

/** The lane's placement, due at `at`, unless it already waits for a later retry (a backoff stays). */
const placeLane = (subscriptionId: string, at: Date): TransactItem => {
  const lane = webhooksKeys.lane(subscriptionId);
  const placement = deliveryQueue.at(subscriptionId, at.toISOString(), { subscriptionId }).item(lane);
  return {
    Put: {
      TableName: tableName(),
      Item: placement,
      ConditionExpression: `${itemAbsent} OR #at <= :at`,
      ExpressionAttributeNames: { '#at': 'at' },
      ExpressionAttributeValues: { ':at': at.toISOString() },
    },
  };
};

export const queuedItem = (subscriptionId: string, occurredAt: string, eventId: string) => ({
  ...webhooksKeys.queued(subscriptionId, occurredAt, eventId),
  type: 'webhook-queued' satisfies ItemType,
  eventId,
  occurredAt,
});

/** Writes `items` with the lane's placement; when the lane waits for a backoff, without it. */
const withLane = async (subscriptionId: string, items: TransactItem[], now: Date) => {
  const first = await transact([...items, placeLane(subscriptionId, now)]);
  if (first.ok) return true;
  if (first.reasons.slice(0, items.length).some(Boolean)) return false;
  return (await transact(items)).ok;
};

/** Queues one event for one subscription; false when it was queued before (a redelivered event). */
export const enqueueDelivery = async (
  subscriptionId: string,
  event: { eventId: string; detailType: string; occurredAt: string; data: Record<string, unknown> },
  now = clockNow(),
) => {
  const delivery: Delivery = { subscriptionId, ...event, status: 'pending', attempts: 0, createdAt: now.toISOString() };
  return withLane(
    subscriptionId,
    [
      putNew({
        ...webhooksKeys.delivery(subscriptionId, event.occurredAt, event.eventId),
        ...deliveryById(subscriptionId, event.eventId),
        type: 'webhook-delivery' satisfies ItemType,
        ...delivery,
      }),
      {
        Put: {
          TableName: tableName(),
          Item: queuedItem(subscriptionId, event.occurredAt, event.eventId),
        },
      },
    ],
    now,
  );
};

export const findDelivery = async (subscriptionId: string, eventId: string) => {
  const item = await findById(deliveryById(subscriptionId, eventId));
  return item ? fromItem<Delivery>(item) : undefined;
};

/** Sends the event again: queued at its place in order of occurrence, whatever its status was. */
export const requeueDelivery = async (delivery: Delivery, now = clockNow()) => {
  const key = webhooksKeys.delivery(delivery.subscriptionId, delivery.occurredAt, delivery.eventId);
  return withLane(
    delivery.subscriptionId,
    [
      {
        Update: {
          TableName: tableName(),
          Key: key,
          UpdateExpression: 'SET #status = :pending REMOVE failingSince, failures',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeNames: { '#status': 'status' },
          ExpressionAttributeValues: { ':pending': 'pending' },
        },
      },
      {
        Put: {
          TableName: tableName(),
          Item: queuedItem(delivery.subscriptionId, delivery.occurredAt, delivery.eventId),
        },
      },
    ],
    now,
  );
};

/** Puts the lane back in the queue now (a subscription enabled again with deliveries waiting). */
export const wakeLane = (subscriptionId: string, now = clockNow()) => placeLane(subscriptionId, now);

export const queuedDeliveries = async (subscriptionId: string, limit: number) => {
  const page = await queryPage({
    partition: webhooksKeys.deliveryPartition(subscriptionId),
    range: { prefix: webhooksKeys.queuedPrefix() },
    order: 'oldest',
    limit,
    consistent: true,
  });
  return page.items.map((item) => fromItem<{ eventId: string; occurredAt: string }>(item));
};

export const getDelivery = async (subscriptionId: string, occurredAt: string, eventId: string) => {
  const found = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: webhooksKeys.delivery(subscriptionId, occurredAt, eventId),
      ConsistentRead: true,
    }),
  );
  return found.Item ? fromItem<Delivery>(found.Item) : undefined;
};

export interface Attempt {
  at: string;
  responseCode?: number;
  error?: string;
  durationMs: number;
}

/** A delivered event: its attempt recorded, and it leaves the queue, in one transaction. */
export const recordDelivered = (delivery: Delivery, attempt: Attempt) =>
  transact([
    {
      Update: {
        TableName: tableName(),
        Key: webhooksKeys.delivery(delivery.subscriptionId, delivery.occurredAt, delivery.eventId),
        UpdateExpression:
          'SET #status = :delivered, attempts = attempts + :one, lastAttemptAt = :at, deliveredAt = :at, ' +
          'durationMs = :ms, responseCode = :code REMOVE failingSince, failures, #error',
        ExpressionAttributeNames: { '#status': 'status', '#error': 'error' },
        ExpressionAttributeValues: {
          ':delivered': 'delivered',
          ':one': 1,
          ':at': attempt.at,
          ':ms': attempt.durationMs,
          ':code': attempt.responseCode ?? 0,
        },
      },
    },
    {
      Delete: {
        TableName: tableName(),
        Key: webhooksKeys.queued(delivery.subscriptionId, delivery.occurredAt, delivery.eventId),
      },
    },
  ]);

/** A failed attempt: counted, and the run of failures dated from its first; returns the delivery after. */
export const recordFailed = async (delivery: Delivery, attempt: Attempt) => {
  const names: Record<string, string> = { '#status': 'status', '#error': 'error' };
  const values: Record<string, unknown> = {
    ':failing': 'failing',
    ':one': 1,
    ':at': attempt.at,
    ':ms': attempt.durationMs,
    ':error': attempt.error ?? 'status',
  };
  let set =
    'SET #status = :failing, attempts = attempts + :one, lastAttemptAt = :at, durationMs = :ms, #error = :error';
  set += ', failingSince = if_not_exists(failingSince, :at), failures = if_not_exists(failures, :zero) + :one';
  values[':zero'] = 0;
  let remove = '';
  if (attempt.responseCode === undefined) remove = ' REMOVE responseCode';
  else {
    set += ', responseCode = :code';
    values[':code'] = attempt.responseCode;
  }
  const updated = await db().send(
    new UpdateCommand({
      TableName: tableName(),
      Key: webhooksKeys.delivery(delivery.subscriptionId, delivery.occurredAt, delivery.eventId),
      UpdateExpression: set + remove,
      ExpressionAttributeNames: names,
      ExpressionAttributeValues: values,
      ReturnValues: 'ALL_NEW',
    }),
  );
  return fromItem<Delivery>(updated.Attributes ?? {});
};

export const listDeliveries = async (subscriptionId: string, limit: number, cursor?: string) => {
  const page = await queryPage({
    partition: webhooksKeys.deliveryPartition(subscriptionId),
    range: { prefix: webhooksKeys.deliveriesPrefix() },
    order: 'newest',
    limit,
    cursor,
  });
  return { deliveries: page.items.map((item) => fromItem<Delivery>(item)), next: page.next };
};

/** The lane's placement as a sweep re-places it (the sweep adds its claim as the condition). */
export const laneAt = (subscriptionId: string, at: Date): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: deliveryQueue
      .at(subscriptionId, at.toISOString(), { subscriptionId })
      .item(webhooksKeys.lane(subscriptionId)),
  },
});
