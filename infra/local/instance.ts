// One `npm start` per data folder: it records its pid in `<data>/runtime.json`, so a second start and
// `npm run reset` can see that the stack is running (reset would pull files from under DynamoDB Local).
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface RunningInstance {
  pid: number;
  api: string;
}

const instanceFile = (dataDir: string) => join(dataDir, 'runtime.json');

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/** The live stack using this data folder, if any (a file left by a crashed run does not count). */
export const runningInstance = (dataDir: string): RunningInstance | undefined => {
  try {
    const recorded = JSON.parse(readFileSync(instanceFile(dataDir), 'utf8')) as RunningInstance;
    return Number.isInteger(recorded.pid) && recorded.pid !== process.pid && isAlive(recorded.pid) ? recorded : undefined;
  } catch {
    return undefined;
  }
};

export class AlreadyRunningError extends Error {
  constructor(dataDir: string, running: RunningInstance) {
    super(
      `Pusula is already running on ${dataDir} (pid ${running.pid}, API ${running.api}).\n` +
        'Two stacks cannot share one data folder: stop that one first (Ctrl-C in its terminal).',
    );
  }
}

/** Records this process as the data folder's stack; returns the release to call on stop. */
export const claimDataDir = (dataDir: string, api: string) => {
  const running = runningInstance(dataDir);
  if (running) throw new AlreadyRunningError(dataDir, running);
  mkdirSync(dataDir, { recursive: true });
  rmSync(instanceFile(dataDir), { force: true }); // left by a run that crashed
  try {
    // 'wx': of two starts at the same moment, one writes the file and the other is refused.
    writeFileSync(instanceFile(dataDir), JSON.stringify({ pid: process.pid, api } satisfies RunningInstance), { flag: 'wx' });
  } catch {
    throw new AlreadyRunningError(dataDir, runningInstance(dataDir) ?? { pid: Number.NaN, api: 'starting' });
  }
  return () => rmSync(instanceFile(dataDir), { force: true });
};
