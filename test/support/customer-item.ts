// A customer written straight into the table, for integration tests whose subject is not how customers arrive.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { db, tableName } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';

/** A Turkish-speaking customer named `name`, mailed at `<tag>-<id>@example.com`; returns its id. */
export const putCustomer = async (name: string, tag: string, extra: Record<string, unknown> = {}) => {
  const customerId = newId();
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...keys.customer(customerId),
        type: 'customer',
        customerId,
        name,
        email: `${tag}-${customerId.toLowerCase()}@example.com`,
        language: 'tr',
        version: 1,
        ...extra,
      },
    }),
  );
  return customerId;
};
