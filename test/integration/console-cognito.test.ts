// The console's Cognito calls (console/src/cognito.ts) against a real peer that has what cognito-local
// lacks: moto's server (Python, offline) enforces the pool's password policy, asks for the TOTP code
// and checks it, and resets a forgotten password. The pool is made as the CDK makes it (12+
// characters of all four kinds, TOTP optional). The console signs in with USER_AUTH, which moto lacks:
// the local sign-in front passes it on (its amr claims are tested against cognito-local, in
// cognito-front.test.ts).
import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CognitoIdentityProvider } from '@aws-sdk/client-cognito-identity-provider';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerChallenge,
  associateTotp,
  CognitoError,
  confirmForgotPassword,
  enableTotp,
  forgotPassword,
  otpauthUri,
  type Pool,
  passwordSignIn,
  type Step,
} from '../../console/src/cognito.js';
import { type CognitoFront, startCognitoFront } from '../../infra/local/cognito-front.js';
import { currentCode, wrongCode } from '../support/totp.js';

const freePort = () =>
  new Promise<number>((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });

let moto: ChildProcess;
let front: CognitoFront;
let home: string;
let admin: CognitoIdentityProvider;
let pool: Pool;
let userPoolId: string;

const temporary = 'Gecici-Parola-2026!';
const strong = 'Yeni-Parola-2026!x';

beforeAll(async () => {
  const port = await freePort();
  moto = spawn('python3', ['-m', 'moto.server', '-H', '127.0.0.1', '-p', String(port)], {
    env: { ...process.env, MOTO_COGNITO_IDP_USER_POOL_ENABLE_TOTP: 'true' },
    stdio: 'ignore',
  });
  const endpoint = `http://127.0.0.1:${port}/`;
  admin = new CognitoIdentityProvider({
    endpoint,
    region: 'eu-central-1',
    credentials: { accessKeyId: 'test', secretAccessKey: 'test' },
  });
  for (let i = 0; ; i++) {
    try {
      await admin.listUserPools({ MaxResults: 1 });
      break;
    } catch (error) {
      if (i > 100) throw error;
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  const { UserPool } = await admin.createUserPool({
    PoolName: 'pusula-people',
    UsernameAttributes: ['email'],
    MfaConfiguration: 'OPTIONAL',
    Policies: {
      PasswordPolicy: {
        MinimumLength: 12,
        RequireLowercase: true,
        RequireUppercase: true,
        RequireNumbers: true,
        RequireSymbols: true,
      },
    },
  });
  userPoolId = UserPool!.Id!;
  const { UserPoolClient } = await admin.createUserPoolClient({
    UserPoolId: userPoolId,
    ClientName: 'console',
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  });
  // moto knows no USER_AUTH (the console's flow): the local front passes it on as USER_PASSWORD_AUTH.
  home = mkdtempSync(join(tmpdir(), 'pusula-front-'));
  front = await startCognitoFront({ port: await freePort(), upstream: endpoint, home });
  pool = {
    endpoint: `http://127.0.0.1:${(front.server.address() as AddressInfo).port}/`,
    clientId: UserPoolClient!.ClientId!,
  };
});

afterAll(async () => {
  await front?.close();
  moto?.kill();
  rmSync(home, { recursive: true, force: true });
});

/** An invited person: what an admin's invitation leaves in the pool (a temporary password to change). */
const invite = async (email: string) => {
  await admin.adminCreateUser({
    UserPoolId: userPoolId,
    Username: email,
    TemporaryPassword: temporary,
    MessageAction: 'SUPPRESS',
    UserAttributes: [
      { Name: 'email', Value: email },
      { Name: 'email_verified', Value: 'true' },
    ],
  });
};

const challengeOf = (step: Step) => {
  if (!('challenge' in step)) throw new Error('expected a challenge');
  return step.challenge;
};
const tokensOf = (step: Step) => {
  if (!('tokens' in step)) throw new Error(`expected tokens, got ${step.challenge.name}`);
  return step.tokens;
};

describe('the console signs in to a real pool', () => {
  it("an invited person's first sign-in asks for a new password; the pool refuses one off its policy, then takes a good one", async () => {
    await invite('ilk.giris@example.com');
    const challenge = challengeOf(await passwordSignIn(pool, 'ilk.giris@example.com', temporary));
    expect(challenge.name).toBe('NEW_PASSWORD_REQUIRED');
    await expect(answerChallenge(pool, challenge, 'kisaparola')).rejects.toMatchObject({
      type: 'InvalidPasswordException',
    });
    const tokens = tokensOf(await answerChallenge(pool, challenge, strong));
    expect(tokens.AccessToken).toBeTruthy();
    expect(tokens.RefreshToken).toBeTruthy();
    // The temporary password is spent: the new one signs in straight away, the old one not at all.
    expect(tokensOf(await passwordSignIn(pool, 'ilk.giris@example.com', strong)).AccessToken).toBeTruthy();
    await expect(passwordSignIn(pool, 'ilk.giris@example.com', temporary)).rejects.toMatchObject({
      type: 'NotAuthorizedException',
    });
  });

  it('a signed-in person sets up TOTP (a wrong first code is refused); the next sign-in asks for the code and checks it', async () => {
    await invite('totp.kurulum@example.com');
    const first = tokensOf(
      await answerChallenge(
        pool,
        challengeOf(await passwordSignIn(pool, 'totp.kurulum@example.com', temporary)),
        strong,
      ),
    );
    const secret = await associateTotp(pool, first.AccessToken);
    expect(otpauthUri(secret, 'totp.kurulum@example.com')).toBe(
      `otpauth://totp/Pusula:totp.kurulum%40example.com?secret=${secret}&issuer=Pusula&algorithm=SHA1&digits=6&period=30`,
    );
    await expect(enableTotp(pool, first.AccessToken, wrongCode(secret))).rejects.toBeInstanceOf(CognitoError);
    // Refused, it is not on: the password alone still signs in.
    expect('tokens' in (await passwordSignIn(pool, 'totp.kurulum@example.com', strong))).toBe(true);
    await enableTotp(pool, first.AccessToken, await currentCode(secret));

    const challenge = challengeOf(await passwordSignIn(pool, 'totp.kurulum@example.com', strong));
    expect(challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    await expect(answerChallenge(pool, challenge, wrongCode(secret))).rejects.toMatchObject({
      type: 'CodeMismatchException',
    });
    const again = challengeOf(await passwordSignIn(pool, 'totp.kurulum@example.com', strong));
    expect(tokensOf(await answerChallenge(pool, again, await currentCode(secret))).AccessToken).toBeTruthy();
  });

  it('a forgotten password: after the reset the new password signs in and the old one not', async () => {
    await invite('unutkan@example.com');
    await answerChallenge(pool, challengeOf(await passwordSignIn(pool, 'unutkan@example.com', temporary)), strong);
    await forgotPassword(pool, 'unutkan@example.com');
    // moto takes any code not starting with its own prefix, and checks no policy here: the code check is
    // cognito-local's (console e2e), the policy's refusal the first sign-in's above.
    await confirmForgotPassword(pool, 'unutkan@example.com', '123456', 'Baska-Parola-2026!');
    expect(tokensOf(await passwordSignIn(pool, 'unutkan@example.com', 'Baska-Parola-2026!')).AccessToken).toBeTruthy();
    await expect(passwordSignIn(pool, 'unutkan@example.com', strong)).rejects.toMatchObject({
      type: 'NotAuthorizedException',
    });
  });
});
