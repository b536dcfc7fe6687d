// Who is signed in: a person's Cognito tokens (USER_PASSWORD_AUTH against the pool's endpoint,
// cognito-local here, Cognito in AWS, then the challenges a real pool asks: an invited person's new
// password, the TOTP code) or an integration's pasted API key. Kept in memory and in sessionStorage
// (gone when the tab closes); an access token near its expiry is refreshed first.
import {
  answerChallenge as answer,
  associateTotp,
  type Challenge,
  CognitoError,
  confirmForgotPassword,
  enableTotp,
  forgotPassword,
  otpauthUri,
  passwordSignIn,
  refreshTokens,
  type Step,
} from './cognito.js';

export { CognitoError };

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
  /** The person's sign-in name, for their authenticator app's label; absent for an API key. */
  email?: string;
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

const pool = async () => {
  const { cognitoEndpoint, clientId } = await loadConfig();
  return { endpoint: cognitoEndpoint, clientId };
};

/** Where a sign-in stands: signed in, or a challenge the page asks the person to answer. */
export type SignInNext = 'signed-in' | 'new-password' | 'totp';

/** The challenge awaiting an answer: in memory only (its session lasts minutes; a reload starts over). */
let pending: (Challenge & { email: string }) | undefined;

const settle = (email: string, step: Step): SignInNext => {
  if ('challenge' in step) {
    pending = { ...step.challenge, email };
    return step.challenge.name === 'NEW_PASSWORD_REQUIRED' ? 'new-password' : 'totp';
  }
  pending = undefined;
  const { AccessToken, RefreshToken, ExpiresIn } = step.tokens;
  keep({ accessToken: AccessToken, refreshToken: RefreshToken, expiresAt: Date.now() / 1000 + ExpiresIn, email });
  return 'signed-in';
};

export const signIn = async (email: string, password: string) =>
  settle(email, await passwordSignIn(await pool(), email, password));

/** The answer to the pending challenge: an invited person's own new password, or the authenticator's code. */
export const answerChallenge = async (value: string) => {
  if (!pending) throw new CognitoError('NotAuthorizedException', 'No sign-in is waiting for an answer.');
  return settle(pending.email, await answer(await pool(), pending, value));
};

/** Starts TOTP for the signed-in person: the secret and the URI their authenticator app takes. */
export const startTotpSetup = async () => {
  const secret = await associateTotp(await pool(), (await bearer())!);
  return { secret, uri: otpauthUri(secret, tokens?.email ?? '') };
};

/** The app's first code: verified, then TOTP is the person's second factor from the next sign-in. */
export const finishTotpSetup = async (code: string) => enableTotp(await pool(), (await bearer())!, code);

export const requestPasswordReset = async (email: string) => forgotPassword(await pool(), email);

export const resetPassword = async (email: string, code: string, password: string) =>
  confirmForgotPassword(await pool(), email, code, password);

export const useApiKey = (key: string) => keep({ accessToken: key.trim() });

export const signedIn = () => tokens !== undefined;

/** A person's session, not a key: only those sign out through the API and set up MFA. */
export const refreshTokenOf = () => tokens?.refreshToken;

/** The bearer to send: a person's access token (refreshed when it has under a minute left) or the key. */
export const bearer = async () => {
  if (tokens?.refreshToken && tokens.expiresAt && tokens.expiresAt - 60 < Date.now() / 1000) {
    try {
      const result = await refreshTokens(await pool(), tokens.refreshToken);
      keep({ ...tokens, accessToken: result.AccessToken, expiresAt: Date.now() / 1000 + result.ExpiresIn });
    } catch {
      keep(undefined);
    }
  }
  return tokens?.accessToken;
};

export const forget = () => keep(undefined);
