// The local sign-in, as the console does it: USER_AUTH asking for a level, through the front before
// cognito-local. What comes back carries `amr` as Cognito's tokens do in AWS, and the authorizer's own
// verifier and scope rule decide on it: an admin gets the scopes that change the firm's rules only
// after answering an authenticator code.
import { createPublicKey, createVerify, type JsonWebKey } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { type AddressInfo, createServer } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  answerChallenge,
  associateTotp,
  type Challenge,
  enableTotp,
  type Pool,
  passwordSignIn,
  type Step,
} from '../../console/src/cognito.js';
import { cognitoCall } from '../../functions/authorizer/cognito.js';
import { personScopes } from '../../functions/authorizer/person.js';
import { tokenVerifier } from '../../functions/authorizer/person-token.js';
import { createPoolUser } from '../../functions/people/user-pool.js';
import { startCognito } from '../../infra/local/cognito.js';
import { repoRoot } from '../../infra/local/functions.js';
import { createLocalPool } from '../../infra/local/user-pool-admin.js';
import { currentCode, wrongCode } from '../support/totp.js';

const password = 'Yerel-Parola-2026!x';
const consoleOrigin = 'http://localhost:3160';
let stop: () => Promise<void>;
let pool: Pool;
let verify: NonNullable<ReturnType<typeof tokenVerifier>>;
let issuer: string;

beforeAll(async () => {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, '127.0.0.1', () => {
      const { port: free } = probe.address() as AddressInfo;
      probe.close(() => resolve(free));
    });
  });
  const cognito = await startCognito(port, undefined, { origins: [consoleOrigin] });
  stop = cognito.stop;
  const { userPoolId, clientId } = await createLocalPool();
  pool = { endpoint: cognito.endpoint, clientId };
  issuer = `http://127.0.0.1:${port}/${userPoolId}`;
  verify = tokenVerifier({ userPoolId, clientId, issuer, jwksUri: `${issuer}/.well-known/jwks.json` })!;
  for (const email of ['yerel.admin@example.com', 'yerel.rep@example.com'])
    await createPoolUser(userPoolId, email, 'admin', password);
});

afterAll(async () => {
  await stop?.();
});

const tokensOf = (step: Step) => {
  if (!('tokens' in step)) throw new Error(`expected tokens, got the challenge ${step.challenge.name}`);
  return step.tokens as typeof step.tokens & { IdToken: string; RefreshToken: string };
};
const challengeOf = (step: Step): Challenge => {
  if (!('challenge' in step)) throw new Error('expected a challenge, got tokens');
  return step.challenge;
};

describe('the local sign-in front', () => {
  it('a password sign-in that asks for a level gets amr ["pwd"], verified as the pool’s: no admin scopes', async () => {
    const tokens = tokensOf(await passwordSignIn(pool, 'yerel.rep@example.com', password));
    for (const token of [tokens.AccessToken, tokens.IdToken]) {
      const claims = await verify(token);
      expect(claims.amr).toEqual(['pwd']);
      expect((claims as unknown as { iss: string }).iss).toBe(issuer);
    }
    const scopes = personScopes('admin', (await verify(tokens.AccessToken)).amr);
    expect(scopes).not.toContain('admin');
    expect(scopes).toContain('leads:read');
  });

  it('after TOTP is set up, the sign-in asks for the code; answered, amr holds mfa and the admin gets `admin`', async () => {
    const first = tokensOf(await passwordSignIn(pool, 'yerel.admin@example.com', password));
    const secret = await associateTotp(pool, first.AccessToken);
    await enableTotp(pool, first.AccessToken, await currentCode(secret));

    const challenge = challengeOf(await passwordSignIn(pool, 'yerel.admin@example.com', password));
    expect(challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    await expect(answerChallenge(pool, challenge, wrongCode(secret))).rejects.toMatchObject({
      type: 'CodeMismatchException',
    });
    const again = challengeOf(await passwordSignIn(pool, 'yerel.admin@example.com', password));
    const tokens = tokensOf(await answerChallenge(pool, again, await currentCode(secret)));
    const claims = await verify(tokens.AccessToken);
    expect(claims.amr).toEqual(['pwd', 'otp', 'mfa']);
    expect(personScopes('admin', claims.amr)).toEqual(expect.arrayContaining(['admin', 'analytics:admin']));

    // A refreshed token keeps what its sign-in proved.
    const refreshed = await cognitoCall<{ AuthenticationResult: { AccessToken: string } }>('InitiateAuth', {
      ClientId: pool.clientId,
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
    });
    expect((await verify(refreshed.AuthenticationResult.AccessToken)).amr).toEqual(['pwd', 'otp', 'mfa']);
    // Revoked (signing out), it refreshes no more.
    await cognitoCall('RevokeToken', { ClientId: pool.clientId, Token: tokens.RefreshToken });
    await expect(
      cognitoCall('InitiateAuth', {
        ClientId: pool.clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
      }),
    ).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('a sign-in that asks for no level (USER_PASSWORD_AUTH) gets no amr even after the code: no admin scopes', async () => {
    const step = await cognitoCall<{
      Session: string;
      ChallengeName: string;
      ChallengeParameters: Record<string, string>;
    }>('InitiateAuth', {
      ClientId: pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'yerel.rep@example.com', PASSWORD: password },
    });
    const token = (step as unknown as { AuthenticationResult: { AccessToken: string } }).AuthenticationResult
      .AccessToken;
    const claims = await verify(token);
    expect(claims.amr).toBeUndefined();
    expect(personScopes('admin', claims.amr)).not.toContain('admin');
  });

  it('refuses USER_AUTH that does not start with the password, as the local front serves only that', async () => {
    await expect(
      cognitoCall('InitiateAuth', {
        ClientId: pool.clientId,
        AuthFlow: 'USER_AUTH',
        AuthParameters: { USERNAME: 'yerel.rep@example.com', PREFERRED_CHALLENGE: 'EMAIL_OTP' },
      }),
    ).rejects.toMatchObject({ type: 'InvalidParameterException' });
  });

  const preflight = (origin: string) =>
    fetch(pool.endpoint, {
      method: 'OPTIONS',
      headers: { origin, 'access-control-request-headers': 'content-type,x-amz-target' },
    });

  it('answers the console’s CORS preflight, and no other page’s', async () => {
    const response = await preflight(consoleOrigin);
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target');
    for (const stranger of ['https://attacker.example.net', 'http://localhost:1', 'null']) {
      const answer = await preflight(stranger);
      expect(answer.headers.get('access-control-allow-origin'), stranger).toBeNull();
    }
    // A sign-in answer a stranger's page asks for carries no allow-origin either, so its script cannot read it.
    const posted = await fetch(pool.endpoint, {
      method: 'POST',
      headers: {
        origin: 'https://attacker.example.net',
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': 'AWSCognitoIdentityProviderService.InitiateAuth',
      },
      body: JSON.stringify({
        ClientId: pool.clientId,
        AuthFlow: 'USER_PASSWORD_AUTH',
        AuthParameters: { USERNAME: 'yerel.rep@example.com', PASSWORD: password },
      }),
    });
    expect(posted.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('signs with this data folder’s key, which the JWKS serves, not the key cognito-local publishes', async () => {
    const tokens = tokensOf(await passwordSignIn(pool, 'yerel.rep@example.com', password));
    const jwks = (await (await fetch(`${issuer}/.well-known/jwks.json`)).json()) as { keys: JsonWebKey[] };
    expect(jwks.keys).toHaveLength(1);
    const published = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules/cognito-local/lib/keys/cognitoLocal.public.json'), 'utf8'),
    ) as { jwk: { n: string } };
    expect(jwks.keys[0]!.n).not.toBe(published.jwk.n);
    const [header, payload, signature] = tokens.AccessToken.split('.');
    const signed = `${header}.${payload}`;
    const own = createPublicKey({ key: jwks.keys[0]!, format: 'jwk' });
    expect(createVerify('RSA-SHA256').update(signed).verify(own, signature!, 'base64url')).toBe(true);
    const theirs = createPublicKey({ key: published.jwk as JsonWebKey, format: 'jwk' });
    expect(createVerify('RSA-SHA256').update(signed).verify(theirs, signature!, 'base64url')).toBe(false);
  });
});
