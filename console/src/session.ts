// Who is signed in: a person's Cognito tokens (USER_PASSWORD_AUTH against the pool's endpoint,
// cognito-local here, Cognito in AWS) or an integration's pasted API key. Kept in memory and in
// sessionStorage (gone when the tab closes); an access token near its expiry is refreshed first.

export interface ConsoleConfig {
  apiBaseUrl: string;
  cognitoEndpoint: string;
  region: string;
  clientId: string;
}

interface Tokens {
  accessToken: string;
  refreshToken?: string;
  /** Seconds since the epoch; absent for an API key. */
  expiresAt?: number;
}

const STORE = 'pusula.session';
let config: ConsoleConfig | undefined;
let tokens: Tokens | undefined = JSON.parse(sessionStorage.getItem(STORE) ?? 'null') ?? undefined;

export const loadConfig = async () => {
  config ??= (await (await fetch(new URL('config.json', document.baseURI))).json()) as ConsoleConfig;
  return config;
};

const keep = (next: Tokens | undefined) => {
  tokens = next;
  if (next) sessionStorage.setItem(STORE, JSON.stringify(next));
  else sessionStorage.removeItem(STORE);
};

export class SignInError extends Error {}

const cognito = async (target: string, body: unknown) => {
  const { cognitoEndpoint, region } = await loadConfig();
  const response = await fetch(cognitoEndpoint.endsWith('/') ? cognitoEndpoint : `${cognitoEndpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${target}`,
      'x-amz-user-agent': `pusula-console ${region}`,
    },
    body: JSON.stringify(body),
  });
  const answer = (await response.json()) as {
    AuthenticationResult?: { AccessToken: string; RefreshToken?: string; ExpiresIn: number };
  };
  if (!response.ok || !answer.AuthenticationResult) throw new SignInError(String(response.status));
  return answer.AuthenticationResult;
};

export const signIn = async (email: string, password: string) => {
  const { clientId } = await loadConfig();
  const result = await cognito('InitiateAuth', {
    AuthFlow: 'USER_PASSWORD_AUTH',
    ClientId: clientId,
    AuthParameters: { USERNAME: email, PASSWORD: password },
  });
  keep({ accessToken: result.AccessToken, refreshToken: result.RefreshToken, expiresAt: Date.now() / 1000 + result.ExpiresIn });
};

export const useApiKey = (key: string) => keep({ accessToken: key.trim() });

export const signedIn = () => tokens !== undefined;

/** A person's session, not a key: only those sign out through the API. */
export const refreshTokenOf = () => tokens?.refreshToken;

/** The bearer to send: a person's access token (refreshed when it has under a minute left) or the key. */
export const bearer = async () => {
  if (tokens?.refreshToken && tokens.expiresAt && tokens.expiresAt - 60 < Date.now() / 1000) {
    const { clientId } = await loadConfig();
    try {
      const result = await cognito('InitiateAuth', {
        AuthFlow: 'REFRESH_TOKEN_AUTH',
        ClientId: clientId,
        AuthParameters: { REFRESH_TOKEN: tokens.refreshToken },
      });
      keep({ ...tokens, accessToken: result.AccessToken, expiresAt: Date.now() / 1000 + result.ExpiresIn });
    } catch {
      keep(undefined);
    }
  }
  return tokens?.accessToken;
};

export const forget = () => keep(undefined);

/**
 * The signed-in person's role as the pool's groups carry it (a hint for which buttons to show; the
 * API decides), or undefined for an integration's key, whose scopes the console cannot read.
 */
export const roleHint = (): string | undefined => {
  const payload = tokens?.refreshToken ? tokens.accessToken.split('.')[1] : undefined;
  if (!payload) return undefined;
  const claims = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { 'cognito:groups'?: string[] };
  return claims['cognito:groups']?.[0];
};
