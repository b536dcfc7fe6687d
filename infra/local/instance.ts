// One `npm start` per data folder: it records its pid in `<data>/runtime.json`, so a second start and
// `npm run reset` can see that the stack is running (reset would pull files from under DynamoDB Local).
// The file also lists the stack's child processes: a run killed outright (SIGKILL, a closed terminal)
// leaves DynamoDB Local and cognito-local behind, and the next start or reset stops them and says so.
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHILD_GRACE_MS } from './processes.js';

export interface ChildRecord {
  name: string;
  pid: number;
}

export interface RunningInstance {
  pid: number;
  api: string;
  children?: ChildRecord[];
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

/** The process's command line (Linux's /proc, else ps), or undefined when it cannot be read. */
const commandLine = (pid: number): string | undefined => {
  try {
    return readFileSync(`/proc/${pid}/cmdline`, 'utf8').replaceAll('\0', ' ');
  } catch {
    try {
      return execFileSync('ps', ['-o', 'args=', '-p', String(pid)], { encoding: 'utf8' });
    } catch {
      return undefined;
    }
  }
};

/** What each recorded process's command line contains while it is still the process we started. */
const signatures: Record<string, RegExp> = {
  stack: /infra[\\/]local[\\/]start\.ts/,
  'DynamoDB Local': /DynamoDBLocal/,
  'cognito-local': /cognito-local/,
};

/** Alive and still the program recorded (a pid can be reused); an unreadable command line counts as ours. */
const isOurs = (pid: number, name: string) => {
  if (!isAlive(pid)) return false;
  const command = commandLine(pid);
  return command === undefined || (signatures[name]?.test(command) ?? false);
};

const readRecord = (dataDir: string): RunningInstance | undefined => {
  try {
    const recorded = JSON.parse(readFileSync(instanceFile(dataDir), 'utf8')) as RunningInstance;
    return Number.isInteger(recorded.pid) ? recorded : undefined;
  } catch {
    return undefined;
  }
};

/** The live stack using this data folder, if any (a file left by a crashed run does not count). */
export const runningInstance = (dataDir: string): RunningInstance | undefined => {
  const recorded = readRecord(dataDir);
  return recorded && recorded.pid !== process.pid && isOurs(recorded.pid, 'stack') ? recorded : undefined;
};

export class AlreadyRunningError extends Error {
  constructor(dataDir: string, running: RunningInstance) {
    super(
      `Pusula is already running on ${dataDir} (pid ${running.pid}, API ${running.api}).\n` +
        'Two stacks cannot share one data folder: stop that one first (Ctrl-C in its terminal).',
    );
  }
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** SIGTERM, then SIGKILL when the grace is over; resolves once the process is gone. */
const terminate = async (pid: number) => {
  const signal = (name: NodeJS.Signals) => {
    try {
      process.kill(pid, name);
    } catch {
      // already gone
    }
  };
  signal('SIGTERM');
  const deadline = Date.now() + CHILD_GRACE_MS;
  while (isAlive(pid) && Date.now() < deadline) await sleep(100);
  if (!isAlive(pid)) return;
  signal('SIGKILL');
  while (isAlive(pid)) await sleep(50);
};

/**
 * Clears what a stack that is gone left in the data folder: its lock, and the child processes that outlived it
 * (each checked to be the program recorded, so a reused pid is never killed). Returns one sentence per thing done.
 * Call it only when runningInstance found no live stack.
 */
export const clearStaleRun = async (dataDir: string): Promise<string[]> => {
  const recorded = readRecord(dataDir);
  if (!recorded) {
    rmSync(instanceFile(dataDir), { force: true }); // unreadable
    return [];
  }
  const said = [
    isAlive(recorded.pid)
      ? `The lock on ${dataDir} named pid ${recorded.pid}, which is not a Pusula stack; it was removed.`
      : `The stack that held ${dataDir} (pid ${recorded.pid}) is no longer running; its lock was removed.`,
  ];
  for (const child of recorded.children ?? []) {
    if (!isOurs(child.pid, child.name)) continue;
    await terminate(child.pid);
    said.push(`Stopped ${child.name} (pid ${child.pid}) left running by it.`);
  }
  rmSync(instanceFile(dataDir), { force: true });
  return said;
};

export interface DataDirClaim {
  /** What was cleared from an earlier run that did not stop (empty when nothing was). */
  cleared: string[];
  /** Adds a child process to the record, so a start after this one dies can stop it. */
  recordChild(name: string, pid: number): void;
  release(): void;
}

/** Records this process as the data folder's stack, after clearing what a run that died left behind. */
export const claimDataDir = async (dataDir: string, api: string): Promise<DataDirClaim> => {
  const running = runningInstance(dataDir);
  if (running) throw new AlreadyRunningError(dataDir, running);
  mkdirSync(dataDir, { recursive: true });
  const cleared = await clearStaleRun(dataDir);
  const record: RunningInstance = { pid: process.pid, api, children: [] };
  try {
    // 'wx': of two starts at the same moment, one writes the file and the other is refused.
    writeFileSync(instanceFile(dataDir), JSON.stringify(record), { flag: 'wx' });
  } catch {
    throw new AlreadyRunningError(dataDir, runningInstance(dataDir) ?? { pid: Number.NaN, api: 'starting' });
  }
  return {
    cleared,
    recordChild: (name, pid) => {
      record.children!.push({ name, pid });
      writeFileSync(instanceFile(dataDir), JSON.stringify(record));
    },
    release: () => rmSync(instanceFile(dataDir), { force: true }),
  };
};
