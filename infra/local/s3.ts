// A local S3-compatible endpoint (s3rver) with the run-files bucket created at start: letter runs store
// their PDF parts there through the real S3 client, as they do in AWS. Its files live in the data folder,
// or in a temporary folder removed when it stops.
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import S3rver from 's3rver';
import S3rverAccount from 's3rver/lib/models/account.js';
import { localCredentials } from './dynamodb.js';

export const RUN_FILES_BUCKET = 'pusula-run-files';

/** Starts the endpoint on `port` (0: any free port) and answers its URL. */
export const startS3StandIn = async (options: { port: number; dataDir?: string }) => {
  const directory = options.dataDir ?? mkdtempSync(join(tmpdir(), 'pusula-s3-'));
  mkdirSync(directory, { recursive: true });
  // It checks signatures against its own account's keys: the stack's local keys are let in too.
  S3rverAccount.DUMMY_ACCOUNT.createKeyPair(localCredentials.accessKeyId, localCredentials.secretAccessKey);
  const server = new S3rver({
    port: options.port,
    address: '127.0.0.1',
    silent: true,
    directory,
    configureBuckets: [{ name: RUN_FILES_BUCKET }],
  });
  const { port } = await server.run();
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await server.close();
      if (!options.dataDir) rmSync(directory, { recursive: true, force: true });
    },
  };
};
