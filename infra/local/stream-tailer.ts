// Locally, the table stream reaches the outbox relay through this tailer instead of a Lambda event
// source mapping: same filter (INSERTs of outbox items), same handler, same partial-failure contract.
// Its position per shard is kept on disk, so events written while the runtime was down still go out.
import { readFileSync, writeFileSync } from 'node:fs';
import {
  type _Record,
  DescribeStreamCommand,
  type DynamoDBStreamsClient,
  GetRecordsCommand,
  GetShardIteratorCommand,
} from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBBatchResponse, DynamoDBStreamEvent } from 'aws-lambda';

type Relay = (event: DynamoDBStreamEvent) => Promise<DynamoDBBatchResponse>;

const isOutboxInsert = (record: _Record) =>
  record.eventName === 'INSERT' && record.dynamodb?.NewImage?.type?.S === 'outbox';

export const startStreamTailer = (options: {
  client: DynamoDBStreamsClient;
  streamArn: string;
  relay: Relay;
  checkpointFile?: string;
  pollMs?: number;
  onError?: (error: unknown) => void;
}) => {
  const { client, streamArn, relay, checkpointFile, pollMs = 100 } = options;
  const checkpoints: Record<string, string> = (() => {
    try {
      return checkpointFile ? JSON.parse(readFileSync(checkpointFile, 'utf8')) : {};
    } catch {
      return {};
    }
  })();
  const iterators = new Map<string, string | undefined>();
  let stopped = false;
  let passes = 0;
  let waiters: { afterPass: number; resolve: () => void }[] = [];

  const iteratorFor = async (shardId: string) => {
    const after = checkpoints[shardId];
    const out = await client.send(
      new GetShardIteratorCommand({
        StreamArn: streamArn,
        ShardId: shardId,
        ShardIteratorType: after ? 'AFTER_SEQUENCE_NUMBER' : 'TRIM_HORIZON',
        SequenceNumber: after,
      }),
    );
    return out.ShardIterator;
  };

  const save = (shardId: string, sequenceNumber: string) => {
    checkpoints[shardId] = sequenceNumber;
    if (checkpointFile) writeFileSync(checkpointFile, JSON.stringify(checkpoints));
  };

  /** One pass over every shard; returns how many records it handed on. */
  const poll = async () => {
    const stream = await client.send(new DescribeStreamCommand({ StreamArn: streamArn }));
    let handed = 0;
    for (const shard of stream.StreamDescription?.Shards ?? []) {
      const shardId = shard.ShardId!;
      if (!iterators.has(shardId)) iterators.set(shardId, await iteratorFor(shardId));
      const iterator = iterators.get(shardId);
      if (!iterator) continue; // a closed shard, read to its end
      const page = await client.send(new GetRecordsCommand({ ShardIterator: iterator, Limit: 100 }));
      const records = page.Records ?? [];
      const outbox = records.filter(isOutboxInsert);
      if (outbox.length) {
        handed += outbox.length;
        const result = await relay({ Records: outbox as DynamoDBStreamEvent['Records'] });
        const failed = result.batchItemFailures.map((f) => f.itemIdentifier).sort();
        if (failed.length) {
          // Retry from the first failure, as Lambda does: rewind by re-reading after the last success.
          const firstFailed = failed[0]!;
          const done = records.filter((r) => r.dynamodb!.SequenceNumber! < firstFailed);
          const last = done.at(-1)?.dynamodb?.SequenceNumber;
          if (last) save(shardId, last);
          iterators.delete(shardId);
          continue;
        }
      }
      const last = records.at(-1)?.dynamodb?.SequenceNumber;
      if (last) save(shardId, last);
      iterators.set(shardId, page.NextShardIterator);
    }
    return handed;
  };

  const loop = async () => {
    while (!stopped) {
      let handed = 0;
      try {
        handed = await poll();
      } catch (error) {
        // A failed pass saw nothing, so it must not count as an empty one for drained().
        options.onError?.(error);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
        continue;
      }
      passes++;
      if (handed === 0) {
        for (const waiter of waiters.filter((w) => w.afterPass < passes)) waiter.resolve();
        waiters = waiters.filter((w) => w.afterPass >= passes);
        await new Promise((resolve) => setTimeout(resolve, pollMs));
      }
    }
  };
  const running = loop();

  return {
    /**
     * Resolves after an empty pass that began after the call (the pass under way may have started
     * before the caller's write): everything written before the call has been relayed.
     */
    drained: () => new Promise<void>((resolve) => waiters.push({ afterPass: passes + 1, resolve })),
    stop: async () => {
      stopped = true;
      await running;
    },
  };
};
