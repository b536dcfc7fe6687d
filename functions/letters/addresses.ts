// A customer's postal address: one item beside the profile, checked and normalized before it is
// stored, changed only by a write conditional on the version the caller read.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import { db, tableName } from '../../shared/db.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import type { ItemType } from '../../shared/table.js';
import { addressProblems, normalizeAddress, type PostalAddress } from './domain/postal-address.js';
import { lettersKeys } from './keys.js';

export interface StoredAddress extends PostalAddress {
  customerId: string;
  seq: number;
  updatedAt: string;
}

export const getPostalAddress = async (customerId: string, consistent = true) => {
  const item = (
    await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: lettersKeys.postalAddress(customerId),
        ConsistentRead: consistent,
      }),
    )
  ).Item;
  if (!item) return undefined;
  const { pk: _pk, sk: _sk, type: _type, ...address } = item;
  return address as StoredAddress;
};

/** 422 naming each field that cannot be printed. */
export const checkAddress = (address: PostalAddress) => {
  const problems = addressProblems(address);
  if (problems.length)
    throw new ProblemError(
      422,
      'invalid-postal-address',
      { en: 'The postal address cannot be printed.', tr: 'Posta adresi basılamaz.' },
      problems.map(({ path, message }) => ({ path, message })),
    );
};

/** Stores the address if it is still at `seq` (absent: 0); a stale write is a 409. */
export const setPostalAddress = async (customerId: string, address: PostalAddress, seq: number) => {
  checkAddress(address);
  const stored: StoredAddress = {
    ...normalizeAddress(address),
    customerId,
    seq: seq + 1,
    updatedAt: clockNow().toISOString(),
  };
  try {
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: { ...lettersKeys.postalAddress(customerId), type: 'postal-address' satisfies ItemType, ...stored },
        ConditionExpression: seq === 0 ? 'attribute_not_exists(seq)' : 'seq = :seq',
        ...(seq === 0 ? {} : { ExpressionAttributeValues: { ':seq': seq } }),
      }),
    );
  } catch (error) {
    if ((error as Error).name !== 'ConditionalCheckFailedException') throw error;
    throw new ConflictError('postal-address-changed', {
      en: 'The postal address changed meanwhile: reload it and try again.',
      tr: 'Posta adresi bu arada değişti: yeniden yükleyip tekrar deneyin.',
    });
  }
  return stored;
};
