// Whether İYS answered the consent sync at its last contact. The İYS sync records each contact; the
// marketing gate reads it: while İYS cannot be reached, a refusal a person made there may not have been
// pulled yet, so commercial mail and texts wait (transactional messages never ask) and go once a contact
// succeeds. No contact recorded (İYS not configured, or never called yet) holds nothing back.
import { GetCommand, UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from './db.js';
import { type ItemType, keys } from './table.js';

export interface IysHealth {
  reachable: boolean;
  /** The last contact, answered or not. */
  at: string;
  /** Since when İYS has not answered (the first failed contact after a good one). */
  unreachableSince?: string;
  lastError?: string;
}

/** Records one contact; an older contact recorded late never overwrites a newer one. */
export const recordIysContact = async (reachable: boolean, now: Date, error?: string) => {
  const at = now.toISOString();
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.iysHealth(),
        UpdateExpression: reachable
          ? 'SET #type = :type, reachable = :yes, #at = :at REMOVE unreachableSince, lastError'
          : 'SET #type = :type, reachable = :no, #at = :at, lastError = :error, ' +
            'unreachableSince = if_not_exists(unreachableSince, :at)',
        ConditionExpression: 'attribute_not_exists(#at) OR #at <= :at',
        ExpressionAttributeNames: { '#type': 'type', '#at': 'at' },
        ExpressionAttributeValues: {
          ':type': 'iys-health' satisfies ItemType,
          ':at': at,
          ...(reachable ? { ':yes': true } : { ':no': false, ':error': error ?? '' }),
        },
      }),
    );
  } catch (failure) {
    if ((failure as Error).name !== 'ConditionalCheckFailedException') throw failure;
  }
};

export const iysHealth = async (): Promise<IysHealth | undefined> => {
  const item = (await db().send(new GetCommand({ TableName: tableName(), Key: keys.iysHealth() }))).Item;
  if (!item) return undefined;
  const { reachable, at, unreachableSince, lastError } = item as IysHealth;
  return { reachable, at, ...(unreachableSince ? { unreachableSince } : {}), ...(lastError ? { lastError } : {}) };
};

/** Whether commercial messages must wait for İYS: its last contact failed. */
export const waitingForIys = async () => (await iysHealth())?.reachable === false;
