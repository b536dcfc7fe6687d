// Data access shared by every use case: one document client, transactions, and their failure modes.
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  BatchGetCommand,
  BatchWriteCommand,
  DynamoDBDocumentClient,
  QueryCommand,
  ScanCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { config } from './config.js';
import { byId, indexKeys, type Key, tableSchema } from './table.js';

let documentClient: DynamoDBDocumentClient | undefined;

/** Created on first use so that importing a module costs nothing until it touches the table. */
export const db = (): DynamoDBDocumentClient => {
  documentClient ??= DynamoDBDocumentClient.from(new DynamoDBClient({}), {
    marshallOptions: { removeUndefinedValues: true },
  });
  return documentClient;
};

export const tableName = () => config.tableName();

export type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

/**
 * Writes all items or none. Returns the cancellation reasons' codes when a condition failed
 * (index-aligned with `items`), so callers can tell which guard stopped them.
 */
export const transact = async (
  items: TransactItem[],
): Promise<{ ok: true } | { ok: false; reasons: (string | undefined)[] }> => {
  try {
    await db().send(new TransactWriteCommand({ TransactItems: items }));
    return { ok: true };
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = (error.CancellationReasons ?? []).map((r) => (r.Code === 'None' ? undefined : r.Code));
      // TransactionConflict: another transaction had one of these items; like a failed condition, the
      // caller re-reads and decides (DynamoDB Local serializes transactions, so only AWS shows it).
      if (reasons.some((code) => code === 'ConditionalCheckFailed' || code === 'TransactionConflict')) {
        return { ok: false, reasons };
      }
    }
    throw error;
  }
};

/** Conditions on whether the item is there, for writes outside the data-access modules. */
export const itemExists = `attribute_exists(${tableSchema.partitionKey})`;
export const itemAbsent = `attribute_not_exists(${tableSchema.partitionKey})`;

/** Put that fails when the key exists: new entities, markers, ledger entries. */
export const putNew = (item: Record<string, unknown>): TransactItem => ({
  Put: { TableName: tableName(), Item: item, ConditionExpression: itemAbsent },
});

/** The item an id points at through gsi3 (ids are unique, so at most one). */
export const findById = async (key: { gsi3pk: string; gsi3sk: string }, projection?: string) => {
  const found = await db().send(
    new QueryCommand({
      TableName: tableName(),
      IndexName: byId,
      KeyConditionExpression: '#pk = :pk AND #sk = :sk',
      ExpressionAttributeNames: { '#pk': indexKeys(byId).partitionKey, '#sk': indexKeys(byId).sortKey },
      ExpressionAttributeValues: { ':pk': key.gsi3pk, ':sk': key.gsi3sk },
      ProjectionExpression: projection,
    }),
  );
  return found.Items?.[0];
};

type Item = Record<string, unknown>;

/** A short wait before asking DynamoDB again for what it left unprocessed: 50 ms doubling, at most 1 s. */
export const backoff = (attempt: number) =>
  new Promise((resolve) => setTimeout(resolve, Math.min(1000, 25 * 2 ** attempt)));

/**
 * The items at these keys that exist (duplicates read once), 100 keys per BatchGetItem, the keys
 * DynamoDB leaves unprocessed asked again after a short backoff. `attributes`: only those are read.
 */
export const getMany = async (
  wanted: readonly Key[],
  options: { consistent?: boolean; attributes?: readonly string[] } = {},
): Promise<Item[]> => {
  const unique = [...new Map(wanted.map((key) => [`${key.pk}\n${key.sk}`, key])).values()];
  const names = options.attributes && Object.fromEntries(options.attributes.map((name, i) => [`#a${i}`, name]));
  const found: Item[] = [];
  for (let i = 0; i < unique.length; i += 100) {
    let request: Item[] = unique.slice(i, i + 100).map((key) => ({ ...key }));
    for (let attempt = 0; request.length > 0; attempt++) {
      if (attempt > 0) await backoff(attempt);
      const page = await db().send(
        new BatchGetCommand({
          RequestItems: {
            [tableName()]: {
              Keys: request,
              ConsistentRead: options.consistent,
              ...(names
                ? { ProjectionExpression: Object.keys(names).join(', '), ExpressionAttributeNames: names }
                : {}),
            },
          },
        }),
      );
      found.push(...(page.Responses?.[tableName()] ?? []));
      request = (page.UnprocessedKeys?.[tableName()]?.Keys as Item[] | undefined) ?? [];
    }
  }
  return found;
};

export type WriteRequest = { PutRequest: { Item: Item } } | { DeleteRequest: { Key: Key } };

/** BatchWriteItem in chunks of 25, resending what DynamoDB left unprocessed: unguarded puts and deletes. */
export const batchWrite = async (requests: readonly WriteRequest[]) => {
  for (let i = 0; i < requests.length; i += 25) {
    let chunk = requests.slice(i, i + 25);
    for (let attempt = 0; chunk.length > 0; attempt++) {
      const result = await db().send(new BatchWriteCommand({ RequestItems: { [tableName()]: chunk } }));
      chunk = (result.UnprocessedItems?.[tableName()] ?? []) as WriteRequest[];
      if (chunk.length > 0) await backoff(attempt);
    }
  }
};

/**
 * Every item of a type (or of any of several types), a Scan page at a time: for operators' one-off
 * jobs over a whole table (`npm run reindex`) and rare whole-table work (an erasure, a retention
 * run), never for a request's path.
 */
export async function* scanType(
  type: string | readonly string[],
  filter?: { expression: string; names?: Record<string, string>; values?: Item },
) {
  const types = typeof type === 'string' ? [type] : type;
  const values = Object.fromEntries(types.map((t, i) => [`:type${i}`, t]));
  let start: Item | undefined;
  do {
    const page = await db().send(
      new ScanCommand({
        TableName: tableName(),
        FilterExpression: `#type IN (${Object.keys(values).join(', ')})${filter ? ` AND ${filter.expression}` : ''}`,
        ExpressionAttributeNames: { '#type': 'type', ...filter?.names },
        ExpressionAttributeValues: { ...values, ...filter?.values },
        ExclusiveStartKey: start,
      }),
    );
    yield* page.Items ?? [];
    start = page.LastEvaluatedKey;
  } while (start);
}
