// The transactional outbox: a state change and the events it causes are written in one transaction.
// The table stream hands new outbox items to the relay, which publishes them to the bus.
import { catalogue, type DetailType, type EventDetail, type EventFacts } from '../events/catalogue.js';
import { putNew, type TransactItem } from './db.js';
import { newId } from './ids.js';
import { keys } from './table.js';

/** Published outbox items linger a day for the operator, then TTL removes them. */
const OUTBOX_RETENTION_SECONDS = 24 * 60 * 60;

export interface OutboxItem<T extends DetailType = DetailType> {
  pk: string;
  sk: string;
  type: 'outbox';
  source: string;
  detailType: T;
  detail: EventDetail<T>;
  expiresAt: number;
}

export const outboxItem = <T extends DetailType>(detailType: T, facts: EventFacts<T>, now: Date): OutboxItem<T> => {
  const eventId = newId();
  const { source, detail: schema } = catalogue[detailType];
  // Parse so a producer can never emit an event its consumers' schema would refuse.
  const detail = schema.parse({ ...facts, eventId, occurredAt: now.toISOString(), version: 1 }) as EventDetail<T>;
  return {
    ...keys.outbox(eventId),
    type: 'outbox',
    source,
    detailType,
    detail,
    expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
  };
};

export const outboxPut = <T extends DetailType>(detailType: T, facts: EventFacts<T>, now: Date): TransactItem =>
  putNew(outboxItem(detailType, facts, now) as unknown as Record<string, unknown>);
