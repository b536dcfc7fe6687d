// Data access shared by every use case: one document client, transactions, and their failure modes.
import { DynamoDBClient, TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  DynamoDBDocumentClient,
  QueryCommand,
  TransactWriteCommand,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { config } from './config.js';
import { byId, indexKeys, tableSchema } from './table.js';

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
