// The user pool, locally: cognito-local (npm) in a child process, its data in `<data>/cognito`, the
// pool and the console's app client made once (their ids kept there), and a sign-in for each demo
// person with one local password, printed by `npm start`.
import { type ChildProcess, spawn } from 'node:child_process';
import { generateKeyPairSync, type JsonWebKey, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { type AddressInfo, createServer as createNetServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DynamoDBDocumentClient, PutCommand } from '@aws-sdk/lib-dynamodb';
import { cognitoCall } from '../../functions/authorizer/cognito.js';
import { loginItem } from '../../functions/authorizer/people.js';
import {
  adminCall,
  createPoolUser,
  findPoolUser,
  isCognitoError,
  setPassword,
} from '../../functions/people/user-pool.js';
import type { User } from '../../shared/directory.js';
import { type CognitoFront, startCognitoFront } from './cognito-front.js';
import { repoRoot } from './functions.js';
import { superviseChild } from './processes.js';
import { totpCode } from './totp.js';
import { createLocalPool } from './user-pool-admin.js';

export interface LocalPool {
  userPoolId: string;
  clientId: string;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** The key id cognito-local writes into every token's header. */
const KEY_ID = 'CognitoLocal';

export interface SigningKey {
  privatePem: string;
  publicJwk: JsonWebKey & { kid: string; alg: string; use: string };
}

/**
 * This data folder's token-signing key, made on its first start and kept beside the pool (never in the
 * repository): cognito-local's own key is published in its package, so tokens it signs prove nothing.
 */
export const localSigningKey = (home: string): { file: string; key: SigningKey } => {
  const file = join(home, 'signing-key.json');
  if (!existsSync(file)) {
    const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
    const key: SigningKey = {
      privatePem: privateKey.export({ type: 'pkcs1', format: 'pem' }).toString(),
      publicJwk: { ...publicKey.export({ format: 'jwk' }), kid: KEY_ID, alg: 'RS256', use: 'sig' },
    };
    writeFileSync(file, JSON.stringify(key), { mode: 0o600 });
  }
  return { file, key: JSON.parse(readFileSync(file, 'utf8')) as SigningKey };
};

export interface CognitoOptions {
  /** Origins whose pages may call the pool (the console's); no other page gets a CORS answer. */
  origins?: string[];
  /** Learns its pid, so a later start can stop a cognito-local that outlived its stack. */
  onSpawn?: (pid: number) => void;
}

/** A port nobody listens on now, for cognito-local behind the front. */
const freePort = () =>
  new Promise<number>((resolve, reject) => {
    const probe = createNetServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });

/**
 * Starts cognito-local on a port of its own and the sign-in front (cognito-front.ts) on `port`, where
 * the console, the functions and the tools reach the pool; without a directory the data goes to a
 * temporary one (tests). The front signs the tokens it hands out with this folder's key, the one key the
 * authorizer trusts, and answers CORS for the console's origins only.
 */
export const startCognito = async (port: number, dir?: string, { origins = [], onSpawn }: CognitoOptions = {}) => {
  const home = dir ?? mkdtempSync(join(tmpdir(), 'pusula-cognito-'));
  mkdirSync(home, { recursive: true });
  const signing = localSigningKey(home);
  const endpoint = `http://127.0.0.1:${port}/`;
  const upstreamPort = await freePort();
  // Only the front calls cognito-local, never a page: it answers CORS to no origin.
  const child: ChildProcess = spawn(process.execPath, [join(repoRoot, 'infra/local/cognito-local-server.cjs')], {
    cwd: home,
    env: {
      ...process.env,
      PORT: String(upstreamPort),
      HOST: '127.0.0.1',
      PUSULA_COGNITO_SIGNING_KEY: signing.file,
      PUSULA_COGNITO_ORIGINS: '',
    },
    stdio: 'ignore',
  });
  if (child.pid !== undefined) onSpawn?.(child.pid);
  const stopChild = superviseChild(child);
  let front: CognitoFront | undefined;
  const stop = async () => {
    await front?.close();
    if (!dir) rmSync(home, { recursive: true, force: true });
    await stopChild();
  };
  try {
    const upstream = `http://127.0.0.1:${upstreamPort}/`;
    front = await startCognitoFront({ port, upstream, home, signingKey: signing.key.privatePem, origins });
  } catch (error) {
    await stop();
    throw error;
  }
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
  return { endpoint, home, stop, signingKeyFile: signing.file, jwks: { keys: [signing.key.publicJwk] } };
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

/** Where the demo admins' authenticator secrets are kept, by e-mail. */
const totpFile = (home: string) => join(home, 'demo-totp.json');

export const demoTotpSecrets = (home: string): Record<string, string> =>
  existsSync(totpFile(home)) ? JSON.parse(readFileSync(totpFile(home), 'utf8')) : {};

/**
 * An admin changes the firm's rules only after a second factor, locally as in AWS: the demo admin gets
 * TOTP set up once, as a person would in the console (associate, verify a code, prefer it), and signs
 * in with the password and the code of the secret kept here (`npm run users -- code <email>`).
 */
const ensureDemoTotp = async (pool: LocalPool, email: string, username: string, password: string, home: string) => {
  const secrets = demoTotpSecrets(home);
  if (secrets[email]) return;
  const { AuthenticationResult } = await cognitoCall<{ AuthenticationResult?: { AccessToken: string } }>(
    'InitiateAuth',
    {
      ClientId: pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: username, PASSWORD: password },
    },
  );
  // A challenge: this person has a second factor already, whose secret is not ours to know.
  if (!AuthenticationResult) return;
  const AccessToken = AuthenticationResult.AccessToken;
  const { SecretCode } = await cognitoCall<{ SecretCode: string }>('AssociateSoftwareToken', { AccessToken });
  await cognitoCall('VerifySoftwareToken', {
    AccessToken,
    UserCode: totpCode(SecretCode),
    FriendlyDeviceName: 'Pusula demo',
  });
  await cognitoCall('SetUserMFAPreference', {
    AccessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
  writeFileSync(totpFile(home), JSON.stringify({ ...secrets, [email]: SecretCode }), { mode: 0o600 });
};

/** Each person signs in with their directory e-mail and the password; their sign-in is linked to them. */
export const ensureDemoPeople = async (
  pool: LocalPool,
  people: User[],
  password: string,
  documents: DynamoDBDocumentClient,
  tableName: string,
  home: string,
) => {
  for (const person of people) {
    const existing = await findPoolUser(pool.userPoolId, person.email);
    if (existing) await setPassword(pool.userPoolId, existing.username, password);
    const { sub, username } = existing ?? (await createPoolUser(pool.userPoolId, person.email, person.role, password));
    await documents.send(new PutCommand({ TableName: tableName, Item: loginItem(sub, person.userId) }));
    if (person.role === 'admin') await ensureDemoTotp(pool, person.email, username, password, home);
  }
  return demoTotpSecrets(home);
};
