// `npm run reset`: wipes the local data (table, checkpoints, dead letters, demo key, signing secret).
import { rmSync } from 'node:fs';
import { dataDir } from './settings.js';

rmSync(dataDir, { recursive: true, force: true });
console.log(`Removed ${dataDir}. The next npm start begins empty, with fresh demo data.`);
