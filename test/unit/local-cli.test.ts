// `npm start`, `npm run reset` and `npm run schedule` as a user runs them: real processes, real ports,
// DynamoDB Local's Java. A second start and a reset under a running stack are refused in a sentence,
// and a start that fails leaves nothing running behind it.
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { connect, createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { repoRoot } from '../../infra/local/functions.js';
import { localControlHeaders } from '../../infra/local/local-control.js';
import { startLocalStack } from '../../infra/local/runtime.js';

const base = Number(process.env.PUSULA_TEST_CLI_PORT ?? 3600);
const traceLine = /^\s+at .+[:(]/m;

let dataDir: string;
const started: ChildProcess[] = [];

beforeEach(async () => {
  dataDir = await mkdtemp(join(tmpdir(), 'pusula-cli-'));
});

afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) {
      child.kill('SIGINT');
      const exited = new Promise((resolve) => child.once('exit', resolve));
      // A stack that does not stop is a failure the test reports; it must not hang the suite as well.
      const late = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(late);
    }
  }
  await rm(dataDir, { recursive: true, force: true });
});

const launch = (script: string, args: string[] = [], env: Record<string, string> = {}) => {
  const child = spawn(process.execPath, ['--import', 'tsx', join('infra/local', script), ...args], {
    cwd: repoRoot,
    env: { ...process.env, PUSULA_PORT: String(base), PUSULA_DATA_DIR: dataDir, ...env },
  });
  started.push(child);
  const output = { stdout: '', stderr: '' };
  child.stdout!.on('data', (chunk) => (output.stdout += chunk));
  child.stderr!.on('data', (chunk) => (output.stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, output, exited };
};

const run = async (script: string, args: string[] = [], env: Record<string, string> = {}) => {
  const { output, exited } = launch(script, args, env);
  return { code: await exited, ...output };
};

const portFree = (port: number) =>
  new Promise<boolean>((resolve) => {
    const probe = createServer();
    probe.once('error', () => resolve(false));
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve(true)));
  });

const occupy = (port: number) =>
  new Promise<Server>((resolve) => {
    const server = createServer();
    server.listen(port, '127.0.0.1', () => resolve(server));
  });

describe('npm start when a port is taken (item 23)', () => {
  it('names the port and PUSULA_PORT, exits 1 without a stack trace, and starts nothing', async () => {
    const blocker = await occupy(base + 2);
    try {
      const result = await run('start.ts');
      expect(result.code).toBe(1);
      expect(result.stderr).toContain(`Port ${base + 2} (ses) is already in use`);
      expect(result.stderr).toContain(`PUSULA_PORT=${base + 100} npm start`);
      expect(result.stderr).not.toMatch(traceLine);
      expect(await portFree(base + 1)).toBe(true);
      expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
    } finally {
      await new Promise((resolve) => blocker.close(resolve));
    }
  }, 60_000);

  it('stops DynamoDB Local again when a later part fails to start', async () => {
    await writeFile(join(dataDir, 'dead-letters.jsonl'), 'not json\n');
    await expect(startLocalStack({ portBase: base, dataDir, quiet: true })).rejects.toThrow(
      /dead-letters.jsonl:1 is not a dead letter/,
    );
    expect(await portFree(base + 1)).toBe(true);
    expect(await portFree(base + 2)).toBe(true);
  }, 60_000);
});

describe('a running stack (items 22, 23, 12)', () => {
  it('refuses a reset and a second start, answers the schedule CLI, and allows the reset once stopped', async () => {
    const first = launch('start.ts');
    await expect
      .poll(() => first.output.stdout, { timeout: 90_000, interval: 200 })
      .toContain('Pusula CRM is running locally.');

    const reset = await run('reset.ts');
    expect(reset.code).toBe(1);
    expect(reset.stderr).toContain(`Pusula is running on ${dataDir} (pid ${first.child.pid}`);
    expect(existsSync(join(dataDir, 'dynamodb'))).toBe(true);

    const sameFolder = await run('start.ts');
    expect(sameFolder.code).toBe(1);
    expect(sameFolder.stderr).toContain('Pusula is already running');
    expect(sameFolder.stderr).not.toMatch(traceLine);

    const otherFolder = await run('start.ts', [], { PUSULA_DATA_DIR: join(dataDir, 'elsewhere') });
    expect(otherFolder.code).toBe(1);
    expect(otherFolder.stderr).toContain(`Port ${base} (api) is already in use`);
    expect(otherFolder.stderr).not.toMatch(traceLine);

    // The first stack is untouched, and its control endpoints answer the CLI (which sends the header).
    const rules = await fetch(`http://localhost:${base}/_local/rules`, { headers: localControlHeaders });
    expect(rules.status).toBe(200);
    const schedules = await run('fire-schedule.ts', ['list']);
    expect(schedules.code).toBe(0);
    expect(JSON.parse(schedules.stdout)).toEqual(
      expect.arrayContaining([expect.objectContaining({ name: expect.any(String) })]),
    );

    first.child.kill('SIGINT');
    expect(await first.exited).toBe(0);
    expect(await portFree(base + 1)).toBe(true);
    const resetAfter = await run('reset.ts');
    expect(resetAfter.code).toBe(0);
    expect(existsSync(dataDir)).toBe(false);
  }, 180_000);
});

/** A SES request held open: the local SES endpoint never answers GetSendQuota (the AWS CLI waits for it). */
const unansweredSesRequest = (port: number) =>
  new Promise<Socket>((resolve, reject) => {
    const body = 'Action=GetSendQuota&Version=2010-12-01';
    const socket = connect(port, '127.0.0.1', () => {
      socket.write(
        `POST / HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: application/x-www-form-urlencoded\r\n` +
          // Any credentials will do, but some are needed: without them it answers 403 at once.
          'Authorization: AWS4-HMAC-SHA256 Credential=local/20260101/eu-central-1/ses/aws4_request, ' +
          'SignedHeaders=host, Signature=00\r\n' +
          `Content-Length: ${body.length}\r\n\r\n${body}`,
      );
      resolve(socket);
    });
    socket.once('error', reject);
  });

const startWait = { timeout: 90_000, interval: 200 };
const stackPorts = () => [base, base + 1, base + 2, base + 3, base + 4];
const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('stopping, and starting after a stack that did not stop', () => {
  it('starts over a stale lock, stops in seconds with SES unanswered, reset clears a killed run', async () => {
    // A lock naming a live process that is not a Pusula stack (its pid reused) does not block a start.
    const stranger = spawn('sleep', ['120']);
    try {
      const lockOf = { pid: stranger.pid, api: `http://localhost:${base}` };
      await writeFile(join(dataDir, 'runtime.json'), JSON.stringify(lockOf));
      const first = launch('start.ts');
      await expect.poll(() => first.output.stdout, startWait).toContain('Pusula CRM is running locally.');
      expect(first.output.stdout).toContain(
        `The lock on ${dataDir} named pid ${stranger.pid}, which is not a Pusula stack; it was removed.`,
      );
      expect(alive(stranger.pid!)).toBe(true);

      const held = await unansweredSesRequest(base + 2);
      let answered = false;
      held.on('data', () => (answered = true));
      held.on('error', () => undefined);
      await new Promise((resolve) => setTimeout(resolve, 500));
      expect(answered).toBe(false);

      const stopAsked = Date.now();
      first.child.kill('SIGINT');
      const stillRunning = new Promise((resolve) => setTimeout(() => resolve('still running'), 8_000));
      expect(await Promise.race([first.exited, stillRunning])).toBe(0);
      expect(Date.now() - stopAsked).toBeLessThan(5_000);
      for (const port of stackPorts()) expect(await portFree(port), `port ${port}`).toBe(true);
      expect(existsSync(join(dataDir, 'runtime.json'))).toBe(false);
    } finally {
      stranger.kill();
    }

    // A run killed outright leaves DynamoDB Local's Java and cognito-local holding their ports, and its lock.
    const killed = launch('start.ts');
    await expect.poll(() => killed.output.stdout, startWait).toContain('Pusula CRM is running locally.');
    const lock = JSON.parse(await readFile(join(dataDir, 'runtime.json'), 'utf8')) as { children: { pid: number }[] };
    expect(lock.children).toHaveLength(2);
    killed.child.kill('SIGKILL');
    await killed.exited;
    expect(lock.children.every((child) => alive(child.pid))).toBe(true);
    expect(await portFree(base + 1)).toBe(false);

    const reset = await run('reset.ts');
    expect(reset.code).toBe(0);
    expect(reset.stdout).toContain(
      `The stack that held ${dataDir} (pid ${killed.child.pid}) is no longer running; its lock was removed.`,
    );
    expect(reset.stdout).toMatch(/Stopped DynamoDB Local \(pid \d+\) left running by it\./);
    expect(reset.stdout).toMatch(/Stopped cognito-local \(pid \d+\) left running by it\./);
    expect(reset.stderr).not.toMatch(traceLine);
    expect(lock.children.some((child) => alive(child.pid))).toBe(false);
    for (const port of stackPorts()) expect(await portFree(port), `port ${port}`).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  }, 240_000);
});
