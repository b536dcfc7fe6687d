// Sign-in locally as Cognito does it in AWS, in front of cognito-local.
//
// In AWS the console signs in with the USER_AUTH flow and asks for an authentication level
// (TARGET_ACR_VALUES); Cognito then writes the methods the person completed into the token's `amr`
// claim (["pwd"] after a password, ["pwd", "otp", "mfa"] after a password and an authenticator code:
// Amazon Cognito Developer Guide, "Authentication levels with ACR and AMR claims"), and the authorizer
// grants the scopes that change the firm's rules only when `amr` holds `mfa`.
//
// cognito-local (5.3) knows neither USER_AUTH nor `amr`. This front takes the console's USER_AUTH
// request with PREFERRED_CHALLENGE=PASSWORD, passes it on as USER_PASSWORD_AUTH, follows the person
// through cognito-local's own challenges (a new password, the TOTP code, which cognito-local checks),
// and signs the tokens it hands back again with the data folder's own key (the one cognito-local signs
// with and the authorizer trusts), adding `amr` as Cognito would: only when the sign-in asked for a
// level, with `mfa` only when a TOTP challenge was answered. A refreshed token keeps the `amr` of its
// sign-in. It does not compute an `acr` level (nothing here reads one). Every other request, and the
// JWKS, passes through unchanged. Browsers call the pool here, so this is where CORS is answered, and
// only for the console's origins.
import { createHash, createPrivateKey, createSign, type KeyObject, randomUUID } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { join } from 'node:path';

export interface CognitoFront {
  server: Server;
  /** What tokens from here carry as `iss`, given the pool: this front's address and the pool id. */
  issuer: (userPoolId: string) => string;
  close: () => Promise<void>;
}

/** A sign-in by its refresh token: what it proved, and the claims of its first tokens. */
interface SignInRecord {
  amr?: string[];
  access: Json;
  id: Json;
}

interface SignInState {
  /** The sign-in asked for a level: its tokens carry `amr`. */
  asked: boolean;
  /** The methods completed so far. */
  amr: string[];
}

type Json = Record<string, unknown>;
type Tokens = { AccessToken?: string; IdToken?: string; RefreshToken?: string };

const b64 = (value: object) => Buffer.from(JSON.stringify(value)).toString('base64url');
const payloadOf = (token: string) =>
  JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Json;

const sign = (claims: Json, key: KeyObject) => {
  const unsigned = `${b64({ alg: 'RS256', typ: 'JWT', kid: 'CognitoLocal' })}.${b64(claims)}`;
  return `${unsigned}.${createSign('RSA-SHA256').update(unsigned).sign(key).toString('base64url')}`;
};

const readBody = async (request: IncomingMessage) => {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
};

const refused = (type: string, message: string) => ({ status: 400, body: { __type: type, message } });

/**
 * Listens on `port` and forwards to cognito-local at `upstream`; `home` keeps the `amr` of each
 * sign-in by its refresh token (hashed), so refreshing after a restart keeps what the sign-in proved.
 */
export interface CognitoFrontOptions {
  port: number;
  upstream: string;
  home: string;
  /** The PEM of the key the peer signs with (the data folder's): tokens are signed again with it. Without
   * it (another peer behind the front, which knows its tokens by their text) tokens pass unchanged, with
   * no `amr`. */
  signingKey?: string;
  /** Origins whose pages may call the pool (the console's); no other page gets a CORS answer. */
  origins?: string[];
}

export const startCognitoFront = async (options: CognitoFrontOptions) => {
  const key = options.signingKey ? createPrivateKey(options.signingKey) : undefined;
  const origins = new Set(options.origins ?? []);
  const signInsFile = join(options.home, 'sign-ins.json');
  const signIns: Record<string, SignInRecord> = existsSync(signInsFile)
    ? JSON.parse(readFileSync(signInsFile, 'utf8'))
    : {};
  const keep = () => writeFileSync(signInsFile, JSON.stringify(signIns), { mode: 0o600 });
  const challenges = new Map<string, SignInState>();
  const issuer = (userPoolId: string) => `http://127.0.0.1:${options.port}/${userPoolId}`;
  /** This front's issuer for the pool a cognito-local token names (its issuer ends in the pool id). */
  const ownIssuer = (claims: Json) =>
    issuer(
      String(claims.iss ?? '')
        .split('/')
        .at(-1) ?? '',
    );
  const hashed = (refreshToken: string) => createHash('sha256').update(refreshToken).digest('hex');

  const reissue = (tokens: Tokens, state: SignInState | undefined): Tokens => {
    const again = (token: string | undefined) => {
      if (!token || !key) return token;
      const claims = payloadOf(token);
      return sign({ ...claims, iss: ownIssuer(claims), ...(state?.asked ? { amr: state.amr } : {}) }, key);
    };
    if (tokens.RefreshToken && tokens.AccessToken && tokens.IdToken) {
      signIns[hashed(tokens.RefreshToken)] = {
        ...(state?.asked ? { amr: state.amr } : {}),
        access: payloadOf(tokens.AccessToken),
        id: payloadOf(tokens.IdToken),
      };
      keep();
    }
    return { ...tokens, AccessToken: again(tokens.AccessToken), IdToken: again(tokens.IdToken) };
  };

  // cognito-local keeps no refresh token of a sign-in that passed a challenge (a new password, a TOTP
  // code), so it refuses to refresh it; Cognito does. Such a sign-in is refreshed here, from the claims
  // of its first tokens, until the token is revoked.
  const refreshHere = (record: SignInRecord): Tokens | undefined => {
    if (!key) return undefined;
    const now = Math.floor(Date.now() / 1000);
    const fresh = (claims: Json) => {
      const lifetime = Number(claims.exp) - Number(claims.iat);
      const renewed = { ...claims, iss: ownIssuer(claims), iat: now, exp: now + lifetime, jti: randomUUID() };
      return sign(record.amr ? { ...renewed, amr: record.amr } : renewed, key);
    };
    return { AccessToken: fresh(record.access), IdToken: fresh(record.id) };
  };

  const forward = async (target: string, body: Json) => {
    const response = await fetch(options.upstream, {
      method: 'POST',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
      },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : {}) as Json };
  };

  /** A challenge or tokens from cognito-local, continuing the sign-in `state`. */
  const continued = (answer: { status: number; body: Json }, state: SignInState) => {
    if (answer.status !== 200) return answer;
    const { AuthenticationResult, Session } = answer.body as { AuthenticationResult?: Tokens; Session?: string };
    if (AuthenticationResult)
      return { status: 200, body: { ...answer.body, AuthenticationResult: reissue(AuthenticationResult, state) } };
    if (Session) challenges.set(Session, state);
    return answer;
  };

  const handle = async (target: string, body: Json) => {
    const parameters = (body.AuthParameters ?? {}) as Record<string, string>;
    if (target === 'InitiateAuth' && body.AuthFlow === 'USER_AUTH') {
      if (parameters.PREFERRED_CHALLENGE !== 'PASSWORD' || !parameters.PASSWORD) {
        return refused(
          'InvalidParameterException',
          'Locally USER_AUTH signs in with PREFERRED_CHALLENGE=PASSWORD and a PASSWORD only.',
        );
      }
      const { PREFERRED_CHALLENGE: _preferred, TARGET_ACR_VALUES: asked, MAX_AGE: _maxAge, ...rest } = parameters;
      const answer = await forward(target, { ...body, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: rest });
      return continued(answer, { asked: Boolean(asked), amr: ['pwd'] });
    }
    if (target === 'InitiateAuth' && (body.AuthFlow === 'REFRESH_TOKEN_AUTH' || body.AuthFlow === 'REFRESH_TOKEN')) {
      const record = signIns[hashed(parameters.REFRESH_TOKEN ?? '')];
      const answer = await forward(target, body);
      const state = { asked: record?.amr !== undefined, amr: record?.amr ?? [] };
      if (answer.status === 200 || !record) return continued(answer, state);
      const { AccessToken, IdToken } = refreshHere(record) ?? {};
      if (!AccessToken) return answer;
      return {
        status: 200,
        body: {
          AuthenticationResult: { AccessToken, IdToken, ExpiresIn: 3600, TokenType: 'Bearer' },
          ChallengeParameters: {},
        },
      };
    }
    if (target === 'RevokeToken') {
      const token = hashed(String(body.Token ?? ''));
      const known = signIns[token] !== undefined;
      delete signIns[token];
      keep();
      const answer = await forward(target, body);
      // cognito-local does not know the token of a challenged sign-in: revoked here, it is done.
      return answer.status !== 200 && known ? { status: 200, body: {} } : answer;
    }
    if (target === 'InitiateAuth') return continued(await forward(target, body), { asked: false, amr: [] });
    if (target === 'RespondToAuthChallenge') {
      const state = challenges.get(String(body.Session)) ?? { asked: false, amr: [] };
      challenges.delete(String(body.Session));
      const answer = await forward(target, body);
      const totp = body.ChallengeName === 'SOFTWARE_TOKEN_MFA';
      return continued(answer, totp && answer.status === 200 ? { ...state, amr: [...state.amr, 'otp', 'mfa'] } : state);
    }
    return forward(target, body);
  };

  // The console calls from its own origin, as it calls Cognito in AWS. Any other page gets no
  // allow-origin, so a site the person visits cannot sign in or read tokens through this pool.
  const cors = (request: IncomingMessage): Record<string, string> => {
    const origin = request.headers.origin;
    if (!origin || !origins.has(origin)) return { vary: 'Origin' };
    return {
      vary: 'Origin',
      'access-control-allow-origin': origin,
      'access-control-allow-methods': 'GET,POST,OPTIONS',
      'access-control-allow-headers': String(
        request.headers['access-control-request-headers'] ?? 'content-type,x-amz-target',
      ),
      'access-control-expose-headers': 'x-amzn-errortype,x-amzn-requestid',
    };
  };
  const server = createServer(async (request, response) => {
    if (request.method === 'OPTIONS') {
      response.writeHead(204, cors(request));
      response.end();
      return;
    }
    try {
      const raw = await readBody(request);
      const target =
        String(request.headers['x-amz-target'] ?? '')
          .split('.')
          .at(-1) ?? '';
      if (request.method !== 'POST' || !target) {
        // The JWKS and anything else: cognito-local's own answer (it serves the data folder's key).
        const passed = await fetch(new URL(request.url ?? '/', options.upstream), { method: request.method });
        response.writeHead(passed.status, {
          ...cors(request),
          'content-type': passed.headers.get('content-type') ?? 'application/json',
        });
        response.end(Buffer.from(await passed.arrayBuffer()));
        return;
      }
      const { status, body } = await handle(target, raw.length ? (JSON.parse(raw.toString('utf8')) as Json) : {});
      const errorType = status !== 200 ? { 'x-amzn-errortype': String(body.__type) } : {};
      response.writeHead(status, { ...cors(request), 'content-type': 'application/x-amz-json-1.1', ...errorType });
      response.end(JSON.stringify(body));
    } catch (error) {
      response.writeHead(500, { ...cors(request), 'content-type': 'application/x-amz-json-1.1' });
      response.end(JSON.stringify({ __type: 'InternalErrorException', message: (error as Error).message }));
    }
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => resolve());
  });
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { server, issuer, close } satisfies CognitoFront;
};
