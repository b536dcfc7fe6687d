// The relay's contract: batches of 10, only failed entries resent, still-failing records reported.
// PutEvents is faked here only to inject partial failures, which a real bus does not produce on demand.
import { EventBridgeClient, type PutEventsCommand } from '@aws-sdk/client-eventbridge';
import { marshall } from '@aws-sdk/util-dynamodb';
import type { DynamoDBRecord, DynamoDBStreamEvent } from 'aws-lambda';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { handler } from '../../functions/outbox-relay/handler.js';

beforeAll(() => {
  process.env.EVENT_BUS_NAME = 'crm';
  process.env.AWS_REGION = 'eu-central-1';
});
afterEach(() => vi.restoreAllMocks());

const record = (n: number, type = 'outbox', eventName: DynamoDBRecord['eventName'] = 'INSERT'): DynamoDBRecord => ({
  eventName,
  dynamodb: {
    SequenceNumber: String(1000 + n),
    NewImage: marshall({
      pk: `OUTBOX#${n}`,
      sk: 'EVENT',
      type,
      source: 'crm.leads',
      detailType: 'LeadNoteAdded',
      detail: {
        eventId: `e${n}`,
        occurredAt: '2026-11-23T10:00:00.000Z',
        version: 1,
        leadId: 'l',
        customerId: 'c',
        noteId: 'n',
        actorId: 'a',
      },
    }) as never,
  },
});

/** Fails the entries whose eventId the predicate picks, call after call. */
const fakePutEvents = (fails: (eventId: string, call: number) => boolean) => {
  const calls: string[][] = [];
  vi.spyOn(EventBridgeClient.prototype, 'send').mockImplementation(async (command) => {
    const entries = (command as PutEventsCommand).input.Entries ?? [];
    const ids = entries.map((e) => JSON.parse(e.Detail!).eventId as string);
    calls.push(ids);
    const results = ids.map((id) =>
      fails(id, calls.length) ? { ErrorCode: 'InternalFailure', ErrorMessage: 'injected' } : { EventId: `ev-${id}` },
    );
    return { FailedEntryCount: results.filter((r) => 'ErrorCode' in r).length, Entries: results };
  });
  return calls;
};

const run = (records: DynamoDBRecord[]) => handler({ Records: records } as DynamoDBStreamEvent);

describe('outbox relay (injected PutEvents partial failures)', () => {
  it('publishes in batches of ten and skips everything that is not a new outbox item', async () => {
    const calls = fakePutEvents(() => false);
    const records = [
      ...Array.from({ length: 12 }, (_, i) => record(i)),
      record(50, 'lead'),
      record(51, 'outbox', 'REMOVE'),
    ];
    expect(await run(records)).toEqual({ batchItemFailures: [] });
    expect(calls.map((c) => c.length)).toEqual([10, 2]);
  });

  it('resends only the entries that failed', async () => {
    const calls = fakePutEvents((id, call) => id === 'e3' && call === 1);
    expect(await run(Array.from({ length: 5 }, (_, i) => record(i)))).toEqual({ batchItemFailures: [] });
    expect(calls).toEqual([['e0', 'e1', 'e2', 'e3', 'e4'], ['e3']]);
  });

  it('reports records that never got through, so Lambda retries from there', async () => {
    fakePutEvents((id) => id === 'e2');
    expect(await run(Array.from({ length: 4 }, (_, i) => record(i)))).toEqual({
      batchItemFailures: [{ itemIdentifier: '1002' }],
    });
  });
});
