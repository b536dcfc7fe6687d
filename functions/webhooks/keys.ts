// The keys of outbound webhook subscriptions in the one table (its shape and the platform's keys: shared/table.ts).
// Subscriptions are firm configuration, written rarely and read by every event's fan-out: one partition,
// WEBHOOKS / SUBSCRIPTION#<id>. Each subscription's deliveries live in its own partition WEBHOOK#<id>:
// DELIVERY#<occurredAt>#<eventId> (one per event, its latest attempt), QUEUED#<occurredAt>#<eventId> (waiting to
// go, oldest first: deliveries go out in order of occurrence) and LANE (the entity its due-queue placement sits by).
import { type Key, timeOrdered } from '../../shared/table.js';

export const webhooksKeys = {
  subscription: (subscriptionId: string): Key => ({ pk: 'WEBHOOKS', sk: `SUBSCRIPTION#${subscriptionId}` }),
  subscriptionsPartition: () => 'WEBHOOKS',
  subscriptionsPrefix: () => 'SUBSCRIPTION#',
  delivery: (subscriptionId: string, occurredAt: string, eventId: string): Key => ({
    pk: `WEBHOOK#${subscriptionId}`,
    sk: `DELIVERY#${timeOrdered(occurredAt, eventId)}`,
  }),
  deliveriesPrefix: () => 'DELIVERY#',
  queued: (subscriptionId: string, occurredAt: string, eventId: string): Key => ({
    pk: `WEBHOOK#${subscriptionId}`,
    sk: `QUEUED#${timeOrdered(occurredAt, eventId)}`,
  }),
  queuedPrefix: () => 'QUEUED#',
  lane: (subscriptionId: string): Key => ({ pk: `WEBHOOK#${subscriptionId}`, sk: 'LANE' }),
  deliveryPartition: (subscriptionId: string) => `WEBHOOK#${subscriptionId}`,
} as const;

declare module '../../shared/table.js' {
  interface ItemTypes {
    'webhook-subscription': true;
    'webhook-delivery': true;
    'webhook-queued': true;
  }
}
