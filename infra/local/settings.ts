// Where `npm start` keeps its data and which ports it uses; the CLIs find the running stack here.
import { join } from 'node:path';
import { repoRoot } from './functions.js';

export const dataDir = join(repoRoot, '.data');
export const portBase = Number(process.env.PUSULA_PORT ?? 3000);
export const demoKeyFile = join(dataDir, 'demo-api-key');
