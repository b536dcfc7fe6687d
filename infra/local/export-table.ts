// A full export of a local table written as DynamoDB's export to S3 writes it (DynamoDB JSON):
// <dir>/AWSDynamoDB/<exportId>/data/<file>.json.gz with one {"Item": …} per line, beside
// manifest-summary.json and manifest-files.json. The warehouse SQL reads it with DuckDB exactly as
// Athena reads the real export through the Glue table.
import { createHash, randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { type DynamoDBClient, ScanCommand } from '@aws-sdk/client-dynamodb';

/** Lines per data file: a real export splits its data into many files too, so readers must not assume one. */
const ITEMS_PER_FILE = 1_000;

/** An export id as AWS makes it: the export's time in milliseconds, a dash, 8 hex digits. */
const exportId = (at: Date) => `${String(at.getTime()).padStart(14, '0')}-${randomBytes(4).toString('hex')}`;

export const exportTable = async (client: DynamoDBClient, tableName: string, dir: string, at = new Date()) => {
  const id = exportId(at);
  const root = join(dir, 'AWSDynamoDB', id);
  mkdirSync(join(root, 'data'), { recursive: true });
  const files: { itemCount: number; md5Checksum: string; etag: string; dataFileS3Key: string }[] = [];
  let lines: string[] = [];
  let itemCount = 0;
  const flush = () => {
    if (!lines.length) return;
    const body = gzipSync(`${lines.join('\n')}\n`);
    const key = `AWSDynamoDB/${id}/data/${randomBytes(13).toString('base64url').toLowerCase()}.json.gz`;
    writeFileSync(join(dir, key), body);
    const md5 = createHash('md5').update(body);
    files.push({
      itemCount: lines.length,
      md5Checksum: md5.copy().digest('base64'),
      etag: md5.digest('hex'),
      dataFileS3Key: key,
    });
    lines = [];
  };
  let start: Record<string, never> | undefined;
  do {
    // The low-level client answers in DynamoDB JSON already: exactly what an export line holds.
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ExclusiveStartKey: start, ConsistentRead: true }),
    );
    for (const item of page.Items ?? []) {
      lines.push(JSON.stringify({ Item: item }));
      itemCount++;
      if (lines.length === ITEMS_PER_FILE) flush();
    }
    start = page.LastEvaluatedKey as typeof start;
  } while (start);
  flush();
  writeFileSync(join(root, 'manifest-files.json'), files.map((file) => JSON.stringify(file)).join('\n'));
  writeFileSync(
    join(root, 'manifest-summary.json'),
    JSON.stringify({
      version: '2020-06-30',
      exportArn: `arn:aws:dynamodb:local:000000000000:table/${tableName}/export/${id}`,
      startTime: at.toISOString(),
      endTime: new Date().toISOString(),
      tableArn: `arn:aws:dynamodb:local:000000000000:table/${tableName}`,
      exportTime: at.toISOString(),
      s3Prefix: null,
      manifestFilesS3Key: `AWSDynamoDB/${id}/manifest-files.json`,
      itemCount,
      outputFormat: 'DYNAMODB_JSON',
      exportType: 'FULL_EXPORT',
    }),
  );
  return { exportId: id, itemCount, dataFiles: files.map((file) => join(dir, file.dataFileS3Key)) };
};
