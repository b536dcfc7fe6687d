// Table stream → crm bus. Publishes new outbox items with PutEvents (10 a call), resends only the
// entries that failed, and reports still-failing records so Lambda retries from there (bisecting,
// then the on-failure queue). A record published twice is harmless: consumers are idempotent on eventId.
import { EventBridgeClient, PutEventsCommand, type PutEventsRequestEntry } from '@aws-sdk/client-eventbridge';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBBatchResponse, DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { config } from '../../shared/config.js';
import { logger } from '../../shared/observability.js';
import type { OutboxItem } from '../../shared/outbox.js';

const PUT_EVENTS_MAX_ENTRIES = 10;
const RESEND_ATTEMPTS = 3;

let client: EventBridgeClient | undefined;
const eventBridge = () => {
  client ??= new EventBridgeClient({});
  return client;
};

interface Pending {
  sequenceNumber: string;
  entry: PutEventsRequestEntry;
}

export const outboxEntry = (record: DynamoDBRecord): Pending | undefined => {
  const image = record.dynamodb?.NewImage;
  if (record.eventName !== 'INSERT' || !image) return undefined;
  const item = unmarshall(image as Parameters<typeof unmarshall>[0]) as OutboxItem;
  if (item.type !== 'outbox') return undefined;
  return {
    sequenceNumber: record.dynamodb?.SequenceNumber ?? '',
    entry: {
      EventBusName: config.eventBusName(),
      Source: item.source,
      DetailType: item.detailType,
      Detail: JSON.stringify(item.detail),
      Time: new Date(item.detail.occurredAt),
    },
  };
};

/** Sends one batch, resending only failed entries; returns those that never got through. */
const publish = async (batch: Pending[]): Promise<Pending[]> => {
  let pending = batch;
  for (let attempt = 0; attempt < RESEND_ATTEMPTS && pending.length; attempt++) {
    if (attempt) await new Promise((resolve) => setTimeout(resolve, 100 * 2 ** attempt));
    try {
      const result = await eventBridge().send(new PutEventsCommand({ Entries: pending.map((p) => p.entry) }));
      pending = pending.filter((_, i) => result.Entries?.[i]?.ErrorCode || !result.Entries?.[i]?.EventId);
    } catch (error) {
      logger.warn('PutEvents failed', { error: (error as Error).name, entries: pending.length });
    }
  }
  return pending;
};

export const handler = async (event: DynamoDBStreamEvent): Promise<DynamoDBBatchResponse> => {
  const pending = event.Records.map(outboxEntry).filter((p): p is Pending => p !== undefined);
  const failed: Pending[] = [];
  for (let i = 0; i < pending.length; i += PUT_EVENTS_MAX_ENTRIES) {
    failed.push(...(await publish(pending.slice(i, i + PUT_EVENTS_MAX_ENTRIES))));
  }
  if (failed.length) logger.error('outbox entries not published', { count: failed.length });
  // Lambda restarts from the earliest reported record, so report them all; order is by sequence number.
  return { batchItemFailures: failed.map((p) => ({ itemIdentifier: p.sequenceNumber })) };
};
