// The user pool, locally: cognito-local (npm) in a child process, its data in `<data>/cognito`, the
// pool and the console's app client made once (their ids kept there), and a sign-in for each demo
// person with one local password, printed by `npm start`.
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { loginItem } from '../../functions/authorizer/people.js';
import type { User } from '../../shared/directory.js';
import { adminCall, createPoolUser, findPoolUser, isCognitoError, setPassword } from '../../functions/people/user-pool.js';
import { createLocalPool } from './user-pool-admin.js';
import { repoRoot } from './functions.js';

export interface LocalPool {
  userPoolId: string;
  clientId: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Starts cognito-local on the port; without a directory its data goes to a temporary one (tests). */
export const startCognito = async (port: number, dir?: string) => {
  const home = dir ?? mkdtempSync(join(tmpdir(), 'pusula-cognito-'));
  mkdirSync(home, { recursive: true });
  const endpoint = `http://127.0.0.1:${port}/`;
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'node_modules/cognito-local/lib/bin/start.js')], {
    cwd: home,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'ignore',
  });
  const killOnExit = () => child.kill();
  process.once('exit', killOnExit);
  const stop = () =>
    new Promise<void>((resolve) => {
      process.off('exit', killOnExit);
      if (!dir) rmSync(home, { recursive: true, force: true });
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    });
  process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER = endpoint;
  const deadline = Date.now() + 30_000;
  for (;;) {
    try {
      await adminCall('ListUserPools', { MaxResults: 1 });
      break;
    } catch (error) {
      if (child.exitCode !== null || Date.now() > deadline) {
        await stop();
        throw new Error(`cognito-local did not start on port ${port}: ${(error as Error).message}`);
      }
      await sleep(200);
    }
  }
  return { endpoint, home, stop };
};

/** The pool and client made on a first start, or the ones kept in `home` from an earlier one. */
export const ensurePool = async (home: string): Promise<LocalPool> => {
  const file = join(home, 'pool.json');
  if (existsSync(file)) {
    const kept = JSON.parse(readFileSync(file, 'utf8')) as LocalPool;
    try {
      await adminCall('DescribeUserPool', { UserPoolId: kept.userPoolId });
      return kept;
    } catch (error) {
      if (!isCognitoError(error, 'ResourceNotFoundException')) throw error;
    }
  }
  const pool = await createLocalPool();
  writeFileSync(file, JSON.stringify(pool));
  return pool;
};

/** A password the pool's policy takes (≥ 12, upper, lower, digit, symbol), kept with the pool's data. */
export const demoPassword = (home: string) => {
  const file = join(home, 'demo-password');
  if (!existsSync(file)) writeFileSync(file, `Pusula-${randomBytes(6).toString('hex')}-Q7`, { mode: 0o600 });
  return readFileSync(file, 'utf8').trim();
};

/** Each person signs in with their directory e-mail and the password; their sign-in is linked to them. */
export const ensureDemoPeople = async (pool: LocalPool, people: User[], password: string, documents: DynamoDBDocumentClient, tableName: string) => {
  for (const person of people) {
    const existing = await findPoolUser(pool.userPoolId, person.email);
    if (existing) await setPassword(pool.userPoolId, existing.username, password);
    const { sub } = existing ?? (await createPoolUser(pool.userPoolId, person.email, person.role, password));
    await documents.send(new PutCommand({ TableName: tableName, Item: loginItem(sub, person.userId) }));
  }
};
