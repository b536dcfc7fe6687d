// `npm run reset`: wipes the local data (table, checkpoints, dead letters, demo key, signing secret),
// but never under a running stack: DynamoDB Local would keep serving from files that are gone. What a
// stack that died left running (DynamoDB Local, cognito-local) is stopped first, and named.
import { rmSync } from 'node:fs';
import { clearStaleRun, runningInstance } from './instance.js';
import { dataDir } from './settings.js';

const running = runningInstance(dataDir);
if (running) {
  console.error(
    `Pusula is running on ${dataDir} (pid ${running.pid}, API ${running.api}); nothing was removed.\n` +
      'Stop it first (Ctrl-C in its terminal), then run npm run reset again.',
  );
  process.exit(1);
}
for (const sentence of await clearStaleRun(dataDir)) console.log(sentence);
rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}. The next npm start begins empty, with fresh demo data.`);
