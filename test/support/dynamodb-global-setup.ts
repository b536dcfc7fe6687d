// Integration tests: a fresh in-memory DynamoDB Local with the CRM table. Its settings go to the
// integration workers only (test/support/integration-env.ts), never into this process: the e2e
// project's local stack runs in this same process, and a shared environment would point one
// project's code at the other's table.
import type { TestProject } from 'vitest/node';
import { localCredentials, localRegion, startDynamoDb } from '../../infra/local/dynamodb.js';

const PORT = Number(process.env.PUSULA_TEST_DYNAMODB_PORT ?? 3201);

declare module 'vitest' {
  export interface ProvidedContext {
    integrationEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDb(PORT);
  project.provide('integrationEnv', {
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
  return () => dynamo.stop();
}
