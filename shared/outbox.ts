// The transactional outbox: a state change and the events it causes are written in one transaction.
// The table stream hands new outbox items to the relay, which publishes them to the bus.
import type { DetailOf, EventDeclaration, FactsOf } from '../events/event.js';
import { putNew, type TransactItem } from './db.js';
import { newId } from './ids.js';
import { keys } from './table.js';

/** Published outbox items linger a day for the operator, then TTL removes them. */
const OUTBOX_RETENTION_SECONDS = 24 * 60 * 60;

export interface OutboxItem<E extends EventDeclaration = EventDeclaration> {
  pk: string;
  sk: string;
  type: 'outbox';
  source: string;
  detailType: E['detailType'];
  detail: DetailOf<E>;
  expiresAt: number;
}

/** `event`: the declaration of its detail-type (functions/event-table.ts has them all). */
export const outboxItem = <E extends EventDeclaration>(event: E, facts: FactsOf<E>, now: Date): OutboxItem<E> => {
  const eventId = newId();
  const { detailType, source, detail: schema } = event;
  // Parse so a producer can never emit an event its consumers' schema would refuse.
  const detail = schema.parse({ ...facts, eventId, occurredAt: now.toISOString(), version: 1 }) as DetailOf<E>;
  return {
    ...keys.outbox(eventId),
    type: 'outbox',
    source,
    detailType,
    detail,
    expiresAt: Math.floor(now.getTime() / 1000) + OUTBOX_RETENTION_SECONDS,
  };
};

export const outboxPut = <E extends EventDeclaration>(event: E, facts: FactsOf<E>, now: Date): TransactItem =>
  putNew(outboxItem(event, facts, now) as unknown as Record<string, unknown>);
