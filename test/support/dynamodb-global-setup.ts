// Integration tests: a fresh in-memory DynamoDB Local with the CRM table, and the local S3 endpoint
// with the run-files bucket (on any free port). Its settings go to the
// integration workers only (test/support/integration-env.ts), never into this process: the e2e
// project's local stack runs in this same process, and a shared environment would point one
// project's code at the other's table.
import type { TestProject } from 'vitest/node';
import { localCredentials, localRegion, startDynamoDb } from '../../infra/local/dynamodb.js';
import { RUN_FILES_BUCKET, startS3StandIn } from '../../infra/local/s3.js';

const PORT = Number(process.env.PUSULA_TEST_DYNAMODB_PORT ?? 3201);

declare module 'vitest' {
  export interface ProvidedContext {
    integrationEnv: Record<string, string>;
  }
}

export default async function setup(project: TestProject) {
  const dynamo = await startDynamoDb(PORT);
  const s3 = await startS3StandIn({ port: 0 });
  project.provide('integrationEnv', {
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: dynamo.endpoint,
    AWS_ENDPOINT_URL_S3: s3.url,
    RUN_FILES_BUCKET,
    TABLE_NAME: 'pusula-integration',
    EVENT_BUS_NAME: 'crm',
    POWERTOOLS_LOG_LEVEL: 'ERROR',
    POWERTOOLS_METRICS_DISABLED: 'true',
    SIGNING_SECRET: 'integration-test-secret',
  });
  return async () => {
    await s3.close();
    await dynamo.stop();
  };
}
