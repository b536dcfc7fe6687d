// `npm start`: the whole CRM on this machine. Ctrl-C stops every child process.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createApiKey } from '../../shared/api-keys.js';
import { startLocalStack } from './runtime.js';
import { dataDir, demoKeyFile, portBase } from './settings.js';

const stack = await startLocalStack({ portBase, dataDir });

// A manager's key for trying the staff endpoints; kept in .data so it is the same after a restart.
if (!existsSync(demoKeyFile)) {
  const { key } = await createApiKey({
    label: 'demo manager',
    userId: 'mgr-zeynep',
    role: 'manager',
    scopes: ['leads:read', 'leads:write', 'quotes:read', 'quotes:write', 'quotes:approve', 'catalogue:read', 'catalogue:write'],
  });
  writeFileSync(demoKeyFile, key, { mode: 0o600 });
}
const demoKey = readFileSync(demoKeyFile, 'utf8').trim();

console.log(`
Pusula CRM is running locally.

  API            ${stack.urls.api}
  Lead form      ${stack.urls.api}/forms/lead   (English: ?lang=en)
  Mail viewer    ${stack.urls.mail}
  EventBridge    ${stack.urls.events}   (dead letters: ${stack.urls.api}/_local/dead-letters)
  DynamoDB       ${stack.urls.dynamodb}   (table pusula)
  Data           ${dataDir}   (npm run reset wipes it)

  Demo manager key: ${demoKey}
    curl -H "Authorization: Bearer ${demoKey}" ${stack.urls.api}/leads

Ctrl-C to stop.`);

let stopping = false;
const stop = async () => {
  if (stopping) return;
  stopping = true;
  await stack.stop();
  process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
