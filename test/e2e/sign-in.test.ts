// People sign in to the local pool (cognito-local) and call the API with their Cognito token: the
// same authorizer, policy and access rule as keys, with role, team and unit from the directory.
import { createPrivateKey, createSign, generateKeyPairSync, type KeyObject, randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, inject, it } from 'vitest';
import { answerChallenge, passwordSignIn, type Step } from '../../console/src/cognito.js';
import { cognitoCall, signInWithPassword, type Tokens } from '../../functions/authorizer/cognito.js';
import { disable, invitePerson } from '../../functions/people/people.js';
import { findPoolUser } from '../../functions/people/user-pool.js';
import { repoRoot } from '../../infra/local/functions.js';
import { createApiKey } from '../../shared/api-keys.js';
import { cliOperator } from '../../shared/audit.js';
import { bearer, captureLead, get, getLead, post, readProblem, settle, uniquePerson } from '../support/e2e.js';
import { currentCode } from '../support/totp.js';

const signIn = () => inject('signIn');
const tokensOf = (email: string) => signInWithPassword(signIn().clientId, email, signIn().password);

const expectStatus = async (response: Response, status: number, code?: string) => {
  expect(response.status, await response.clone().text()).toBe(status);
  if (code) expect(await readProblem(response)).toMatchObject({ status, code });
};

// Each demo person: a route their role may use, and one it may not (routing rules need `admin`,
// which an admin only holds after MFA; the demo admin signs in below).
const people = [
  { email: 'ayse.rep@example.com', allowed: '/leads', refused: '/routing-rules' },
  { email: 'zeynep.manager@example.com', allowed: '/quotes', refused: '/routing-rules' },
  { email: 'kemal.director@example.com', allowed: '/reports/quotes', refused: '/routing-rules' },
  { email: 'deniz.agent@example.com', allowed: '/cases', refused: '/quotes' },
  { email: 'ali.ankara@example.com', allowed: '/orders', refused: '/leads' },
  { email: 'hakan.manager@example.com', allowed: '/cases', refused: '/routing-rules' },
];

describe('each demo role signs in', () => {
  it.each(people)(
    '$email: 200 on $allowed with the access and the ID token, 403 on $refused',
    async ({ email, allowed, refused }) => {
      const tokens = await tokensOf(email);
      await expectStatus(await get(allowed, tokens.AccessToken), 200);
      await expectStatus(await get(allowed, tokens.IdToken), 200);
      await expectStatus(await get(refused, tokens.AccessToken), 403, 'forbidden');
    },
  );
});

describe('the demo admin signs in as the console does, with a second factor', () => {
  const email = 'elif.admin@example.com';
  const secret = () => signIn().totpSecrets[email]!;
  const pool = () => ({
    endpoint: process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER!,
    clientId: signIn().clientId,
  });
  const withCode = async (step: Step) => {
    if (!('challenge' in step)) throw new Error('the demo admin has TOTP: expected the code to be asked for');
    expect(step.challenge.name).toBe('SOFTWARE_TOKEN_MFA');
    const answered = await answerChallenge(pool(), step.challenge, await currentCode(secret()));
    if (!('tokens' in answered)) throw new Error(`expected tokens, got ${answered.challenge.name}`);
    return answered.tokens.AccessToken;
  };

  it('password and code through USER_AUTH (amr holds mfa): routing rules, which need `admin`, answer her', async () => {
    expect(secret()).toMatch(/^[A-Z2-7]+=*$/);
    const token = await withCode(await passwordSignIn(pool(), email, signIn().password));
    await expectStatus(await get('/leads', token), 200);
    await expectStatus(await get('/routing-rules', token), 200);
  });

  it('a sign-in that asks for no level gets no amr, even with the code: she can read, not change the rules', async () => {
    const first = await cognitoCall<Record<string, unknown>>('InitiateAuth', {
      ClientId: signIn().clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: signIn().password },
    });
    const username = (first.ChallengeParameters as Record<string, string>).USER_ID_FOR_SRP ?? email;
    const challenge = { name: 'SOFTWARE_TOKEN_MFA', session: String(first.Session), username } as const;
    const token = await withCode({ challenge });
    await expectStatus(await get('/leads', token), 200);
    await expectStatus(await get('/routing-rules', token), 403, 'forbidden');
  });
});

describe('one access rule, whichever way the caller came in', () => {
  let ayse: Tokens;
  let johnLead: string;
  let ayseLead: string;
  beforeAll(async () => {
    ayse = await tokensOf('ayse.rep@example.com');
    // The demo rules: export interest → rep-john, Kocaeli → rep-ayse.
    const john = uniquePerson('sign-in-john');
    johnLead = (await captureLead({ name: john.name, email: john.email, productInterest: 'export' })).leadId;
    const own = uniquePerson('sign-in-ayse');
    ayseLead = (await captureLead({ name: own.name, email: own.email, city: 'Kocaeli' })).leadId;
    await settle();
  });

  it("a rep finds another rep's lead not found and her own found; the manager sees both", async () => {
    expect((await getLead(johnLead)).owner?.id).toBe('rep-john');
    await expectStatus(await get(`/leads/${johnLead}`, ayse.AccessToken), 404, 'not-found');
    expect((await getLead(ayseLead, ayse.AccessToken)).owner?.id).toBe('rep-ayse');
    const zeynep = await tokensOf('zeynep.manager@example.com');
    expect((await getLead(johnLead, zeynep.IdToken)).leadId).toBe(johnLead);
  });
});

// Tokens made here with the local pool's signing key (made for this data folder), with the key
// cognito-local publishes in its package, or with a stranger's.
const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const jwt = (claims: Record<string, unknown>, key: KeyObject) => {
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })}.${b64(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
};
const poolKey = () => createPrivateKey(JSON.parse(readFileSync(signIn().signingKeyFile, 'utf8')).privatePem);
const publishedKey = () =>
  createPrivateKey(
    JSON.parse(readFileSync(join(repoRoot, 'node_modules/cognito-local/lib/keys/cognitoLocal.private.json'), 'utf8'))
      .pem,
  );

describe('tokens the authorizer refuses', () => {
  let claims: (overrides?: Record<string, unknown>) => Record<string, unknown>;
  beforeAll(async () => {
    const sub = (await findPoolUser(signIn().userPoolId, 'elif.admin@example.com'))!.sub;
    const now = Math.floor(Date.now() / 1000);
    claims = (overrides = {}) => ({
      sub,
      client_id: signIn().clientId,
      token_use: 'access',
      iss: signIn().issuer,
      auth_time: now,
      iat: now,
      exp: now + 600,
      jti: randomUUID(),
      ...overrides,
    });
  });

  it("accepts a token signed with the pool's key, and gives an admin `admin` only with MFA in amr", async () => {
    await expectStatus(await get('/routing-rules', jwt(claims({ amr: ['pwd'] }), poolKey())), 403, 'forbidden');
    await expectStatus(await get('/routing-rules', jwt(claims({ amr: ['pwd', 'mfa'] }), poolKey())), 200);
  });

  it("refuses an admin's token signed with the key cognito-local publishes, claims and all, with 401", async () => {
    const mfaAdmin = claims({ amr: ['pwd', 'mfa'] });
    await expectStatus(await get('/routing-rules', jwt(mfaAdmin, publishedKey())), 401, 'unauthorized');
    await expectStatus(await get('/leads', jwt(claims(), publishedKey())), 401, 'unauthorized');
    await expectStatus(await get('/routing-rules', jwt(mfaAdmin, poolKey())), 200);
  });

  it('refuses an expired token, a token signed with another key, another issuer or another client with 401', async () => {
    const now = Math.floor(Date.now() / 1000);
    const stranger = generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey;
    for (const token of [
      jwt(claims({ iat: now - 7200, auth_time: now - 7200, exp: now - 3600 }), poolKey()),
      jwt(claims(), stranger),
      jwt(claims({ iss: `${signIn().issuer}x` }), poolKey()),
      jwt(claims({ client_id: 'another-client' }), poolKey()),
      jwt(claims({ token_use: 'refresh' }), poolKey()),
    ]) {
      await expectStatus(await get('/leads', token), 401, 'unauthorized');
    }
  });
});

describe('the local pool answers CORS for the console only', () => {
  const preflight = (origin: string) =>
    fetch(`${new URL(signIn().issuer).origin}/`, {
      method: 'OPTIONS',
      headers: {
        Origin: origin,
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'content-type,x-amz-target',
      },
    });

  it("gives another site's page no allow-origin, and the console's origin its own", async () => {
    for (const stranger of ['https://attacker.example.net', 'http://localhost:1', 'null']) {
      const answer = await preflight(stranger);
      expect(answer.headers.get('access-control-allow-origin'), stranger).toBeNull();
    }
    const consoleOrigin = new URL(inject('api')).origin;
    const answer = await preflight(consoleOrigin);
    expect(answer.status).toBeLessThan(300);
    expect(answer.headers.get('access-control-allow-origin')).toBe(consoleOrigin);
    expect(answer.headers.get('access-control-allow-methods')).toContain('POST');
  });

  it("serves only this data folder's key as the JWKS", async () => {
    const jwks = (await (await fetch(`${signIn().issuer}/.well-known/jwks.json`)).json()) as { keys: { n: string }[] };
    const own = JSON.parse(readFileSync(signIn().signingKeyFile, 'utf8')).publicJwk as { n: string };
    const published = JSON.parse(
      readFileSync(join(repoRoot, 'node_modules/cognito-local/lib/keys/cognitoLocal.public.json'), 'utf8'),
    ).jwk as { n: string };
    expect(jwks.keys.map((key) => key.n)).toEqual([own.n]);
    expect(own.n).not.toBe(published.n);
  });
});

describe('disabling and signing out', () => {
  it('a disabled person is refused with 401, with a token that worked before', async () => {
    const email = `sign-in-${randomUUID().slice(0, 8)}@example.com`;
    const pool = { userPoolId: signIn().userPoolId, invitePassword: signIn().password };
    const user = await invitePerson(
      pool,
      { email, name: 'Sign-in Rep', role: 'rep', teamId: 'team-istanbul' },
      cliOperator,
    );
    const tokens = await tokensOf(email);
    await expectStatus(await get('/leads', tokens.AccessToken), 200);
    await disable(pool, user.userId, user.seq, cliOperator);
    await expectStatus(await get('/leads', tokens.AccessToken), 401, 'unauthorized');
    await expectStatus(await get('/leads', tokens.IdToken), 401, 'unauthorized');
  });

  it('sign-out revokes the refresh token and refuses every token of that sign-in', async () => {
    const tokens = await tokensOf('deniz.agent@example.com');
    const refresh = () =>
      cognitoCall('InitiateAuth', {
        ClientId: signIn().clientId,
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        AuthParameters: { REFRESH_TOKEN: tokens.RefreshToken },
      });
    await expect(refresh()).resolves.toHaveProperty('AuthenticationResult.AccessToken');
    await expectStatus(
      await post('/auth/sign-out', { refreshToken: 'not-a-token' }, bearer(tokens.AccessToken)),
      400,
      'validation-failed',
    );
    await expectStatus(await get('/cases', tokens.IdToken), 200);
    await expectStatus(
      await post('/auth/sign-out', { refreshToken: tokens.RefreshToken }, bearer(tokens.AccessToken)),
      204,
    );
    await expectStatus(await get('/cases', tokens.AccessToken), 401, 'unauthorized');
    await expectStatus(await get('/cases', tokens.IdToken), 401, 'unauthorized');
    await expect(refresh()).rejects.toMatchObject({ type: 'NotAuthorizedException' });
  });

  it('a key has no session to end: 422 not-signed-in', async () => {
    const { key } = await createApiKey({
      label: 'sign-out by key',
      userId: 'agent-deniz',
      role: 'agent',
      scopes: ['sessions:write'],
    });
    await expectStatus(await post('/auth/sign-out', { refreshToken: 'x' }, bearer(key)), 422, 'not-signed-in');
  });
});
