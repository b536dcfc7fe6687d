// Integration tests: a fresh in-memory DynamoDB Local with the CRM table. Workers inherit the
// environment set here, so the code under test talks to it through the normal SDK configuration.
import { ensureTable, localCredentials, localRegion, startDynamoDb } from '../../infra/local/dynamodb.js';

const PORT = Number(process.env.PUSULA_TEST_DYNAMODB_PORT ?? 3201);

export default async function setup() {
  const dynamo = await startDynamoDb(PORT);
  Object.assign(process.env, {
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    TABLE_NAME: 'pusula-integration',
    EVENT_BUS_NAME: 'crm',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
    SIGNING_SECRET: 'integration-test-secret',
  });
  await ensureTable(dynamo.client, 'pusula-integration');
  return () => dynamo.stop();
}
