// Where `npm start` keeps its data and which ports it uses; the CLIs find the running stack here.
import { join, resolve } from 'node:path';
import { localCredentials, localRegion } from './dynamodb.js';
import { repoRoot } from './functions.js';
import { localPorts, TABLE_NAME } from './runtime.js';

/** `.data` in the repository; PUSULA_DATA_DIR moves it (a second copy of the stack, or a test). */
export const dataDir = resolve(process.env.PUSULA_DATA_DIR ?? join(repoRoot, '.data'));
export const portBase = Number(process.env.PUSULA_PORT ?? 3000);
export const demoKeyFile = join(dataDir, 'demo-api-key');

/** CLIs work on the running local stack unless the environment names a table (a deployed one). */
export const useLocalTableUnlessConfigured = () => {
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (process.env.TABLE_NAME) return;
  Object.assign(process.env, {
    TABLE_NAME,
    AWS_REGION: localRegion,
    AWS_ACCESS_KEY_ID: localCredentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: localCredentials.secretAccessKey,
    AWS_ENDPOINT_URL_DYNAMODB: `http://127.0.0.1:${localPorts(portBase).dynamodb}`,
  });
};
