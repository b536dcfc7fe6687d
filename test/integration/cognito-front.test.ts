// The local sign-in, as the console does it: USER_AUTH asking for a level, through the front before
// cognito-local. What comes back carries `amr` as Cognito's tokens do in AWS, and the authorizer's own
// verifier and scope rule decide on it: an admin gets the scopes that change the firm's rules only
// after answering an authenticator code.
import { type AddressInfo, createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { answerChallenge, associateTotp, type Challenge, enableTotp, passwordSignIn, type Pool, type Step } from '../../console/src/cognito.js';
import { cognitoCall } from '../../functions/authorizer/cognito.js';
import { personScopes } from '../../functions/authorizer/person.js';
import { tokenVerifier } from '../../functions/authorizer/person-token.js';
import { createPoolUser } from '../../functions/people/user-pool.js';
import { startCognito } from '../../infra/local/cognito.js';
import { createLocalPool } from '../../infra/local/user-pool-admin.js';
import { currentCode, wrongCode } from '../support/totp.js';

const password = 'Yerel-Parola-2026!x';
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
  const cognito = await startCognito(port);
  stop = cognito.stop;
  const { userPoolId, clientId } = await createLocalPool();
  pool = { endpoint: cognito.endpoint, clientId };
  issuer = `http://127.0.0.1:${port}/${userPoolId}`;
  verify = tokenVerifier({ userPoolId, clientId, issuer, jwksUri: `${issuer}/.well-known/jwks.json` })!;
  for (const email of ['yerel.admin@example.com', 'yerel.rep@example.com']) await createPoolUser(userPoolId, email, 'admin', password);
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
    await expect(answerChallenge(pool, challenge, wrongCode(secret))).rejects.toMatchObject({ type: 'CodeMismatchException' });
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
      cognitoCall('InitiateAuth', { ClientId: pool.clientId, AuthFlow: 'REFRESH_TOKEN_AUTH', AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken } }),
    ).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('a sign-in that asks for no level (USER_PASSWORD_AUTH) gets no amr even after the code: no admin scopes', async () => {
    const step = await cognitoCall<{ Session: string; ChallengeName: string; ChallengeParameters: Record<string, string> }>('InitiateAuth', {
      ClientId: pool.clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: 'yerel.rep@example.com', PASSWORD: password },
    });
    const token = (step as unknown as { AuthenticationResult: { AccessToken: string } }).AuthenticationResult.AccessToken;
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

  it('answers the console’s CORS preflight', async () => {
    const response = await fetch(pool.endpoint, {
      method: 'OPTIONS',
      headers: { origin: 'http://localhost:3160', 'access-control-request-headers': 'content-type,x-amz-target' },
    });
    expect(response.status).toBe(204);
    expect(response.headers.get('access-control-allow-origin')).toBe('*');
    expect(response.headers.get('access-control-allow-headers')).toBe('content-type,x-amz-target');
  });
});
