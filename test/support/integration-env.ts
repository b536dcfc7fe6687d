// Each integration worker talks to the integration project's DynamoDB Local (and CLI processes it
// starts inherit this), whatever else the main process runs. Workers run files side by side, so each
// has its own table: a file that scans the table sees only what its own worker wrote.

import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { inject } from 'vitest';
import { ensureTable, localCredentials, localRegion } from '../../infra/local/dynamodb.js';

const env = inject('integrationEnv');
const table = `${env.TABLE_NAME}-${process.env.VITEST_POOL_ID ?? '1'}`;
Object.assign(process.env, env, { TABLE_NAME: table });
const client = new DynamoDBClient({
  endpoint: env.AWS_ENDPOINT_URL_DYNAMODB,
  region: localRegion,
  credentials: localCredentials,
});
await ensureTable(client, table);
client.destroy();
