// Addresses the CRM must not mail: hard bounces and complaints. Every send checks here first, because
// SES counts both against the account and Law 6563 forbids mailing someone who complained. The
// campaigns use case fills this from SES bounce and complaint events.

import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from './clock.js';
import { normalizeEmail } from './contact.js';
import { db, tableName } from './db.js';
import { type ItemType, keys } from './table.js';

export type SuppressionReason = 'hard-bounce' | 'complaint';

export const suppress = async (address: string, reason: SuppressionReason, now = clockNow()) => {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.suppression(normalizeEmail(address)),
        type: 'suppression' satisfies ItemType,
        reason,
        at: now.toISOString(),
      },
    }),
  );
};

export const suppressionOf = async (address: string): Promise<SuppressionReason | undefined> =>
  (
    await db().send(
      new GetCommand({ TableName: tableName(), Key: keys.suppression(normalizeEmail(address)), ConsistentRead: true }),
    )
  ).Item?.reason as SuppressionReason | undefined;
