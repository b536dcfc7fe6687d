// Cognito's public user-pool operations the console's sign-in uses, one unsigned JSON POST each to
// the pool's endpoint (Cognito in AWS, cognito-local here). No browser state: session.ts keeps the
// tokens, and a test drives these against a real peer from Node.

export interface Pool {
  endpoint: string;
  clientId: string;
}

/** Cognito's refusal: `type` is its exception name (`InvalidPasswordException`…), `message` its own words. */
export class CognitoError extends Error {
  constructor(
    readonly type: string,
    message: string,
  ) {
    super(message);
    this.name = 'CognitoError';
  }
}

export const call = async <T = Record<string, unknown>>(
  pool: Pool,
  operation: string,
  input: Record<string, unknown>,
): Promise<T> => {
  const response = await fetch(pool.endpoint.endsWith('/') ? pool.endpoint : `${pool.endpoint}/`, {
    method: 'POST',
    headers: {
      'content-type': 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
    },
    body: JSON.stringify(input),
  });
  const text = await response.text();
  const answer = (text ? JSON.parse(text) : {}) as Record<string, unknown>;
  if (!response.ok) {
    // AWS may name the type with its namespace (`…#NotAuthorizedException`), in the body or a header;
    // `x-amzn-ErrorType` may carry a `:…` suffix.
    const named = String(answer.__type ?? response.headers.get('x-amzn-errortype') ?? response.status);
    const type = named.split('#').at(-1)!.split(':')[0]!;
    throw new CognitoError(type, String(answer.message ?? answer.Message ?? response.status));
  }
  return answer as T;
};

export interface AuthResult {
  AccessToken: string;
  RefreshToken?: string;
  ExpiresIn: number;
}

/** The challenges a person can meet after the password: the first sign-in of an invited person, and TOTP. */
export type ChallengeName = 'NEW_PASSWORD_REQUIRED' | 'SOFTWARE_TOKEN_MFA';
export interface Challenge {
  name: ChallengeName;
  /** Cognito's token for this sign-in attempt (valid a few minutes), sent back with the answer. */
  session: string;
  /** The pool's user name for the answer: with e-mail sign-in, Cognito's own id, not the address. */
  username: string;
}
export type Step = { tokens: AuthResult } | { challenge: Challenge };

interface AuthAnswer {
  AuthenticationResult?: AuthResult;
  ChallengeName?: string;
  Session?: string;
  ChallengeParameters?: Record<string, string>;
}

const answerKey: Record<ChallengeName, string> = {
  NEW_PASSWORD_REQUIRED: 'NEW_PASSWORD',
  SOFTWARE_TOKEN_MFA: 'SOFTWARE_TOKEN_MFA_CODE',
};

const stepOf = (answer: AuthAnswer, username: string): Step => {
  if (answer.AuthenticationResult) return { tokens: answer.AuthenticationResult };
  const name = answer.ChallengeName as ChallengeName | undefined;
  if (!name || !(name in answerKey) || !answer.Session)
    throw new CognitoError('UnsupportedChallenge', String(answer.ChallengeName));
  return {
    challenge: { name, session: answer.Session, username: answer.ChallengeParameters?.USER_ID_FOR_SRP ?? username },
  };
};

/**
 * The authentication level the console asks for. Cognito writes `acr` and `amr` (the methods the
 * person completed: `pwd`, and `otp` and `mfa` after an authenticator code) into its tokens only when
 * the sign-in asks for a level, with TARGET_ACR_VALUES in the USER_AUTH flow (Amazon Cognito Developer
 * Guide, "Authentication levels with ACR and AMR claims"). The lowest level refuses nobody; whether a
 * second factor is asked for follows the person's own TOTP setting, and the authorizer grants the
 * scopes that change the firm's rules only when `amr` holds `mfa`.
 */
export const signInLevel = 'urn:cognito:loa:1';

/**
 * The names a person may have in the pool, which tells letter cases apart: the address lower-cased
 * (everyone invited now), then as typed (people invited before addresses were lower-cased).
 */
export const signInNames = (email: string) => {
  const typed = email.trim();
  const lower = typed.toLowerCase();
  return lower === typed ? [lower] : [lower, typed];
};

/**
 * Tries the person's names in turn while the pool's answer may only mean "nobody by this name"
 * (with user-existence errors prevented, an unknown name is refused like a wrong password). If every
 * name is refused so, the first refusal is the one to show.
 */
const underEachName = async <T>(
  email: string,
  attempt: (name: string) => Promise<T>,
  notThisName = ['NotAuthorizedException', 'UserNotFoundException'],
) => {
  const [first, ...others] = signInNames(email);
  try {
    return await attempt(first!);
  } catch (refusal) {
    if (!(refusal instanceof CognitoError) || !notThisName.includes(refusal.type)) throw refusal;
    for (const name of others) {
      try {
        return await attempt(name);
      } catch (error) {
        if (!(error instanceof CognitoError) || !notThisName.includes(error.type)) throw error;
      }
    }
    throw refusal;
  }
};

/** USER_AUTH with the password first (the pool allows only passwords as the first factor). */
export const passwordSignIn = (pool: Pool, email: string, password: string) =>
  underEachName(email, async (name) =>
    stepOf(
      await call<AuthAnswer>(pool, 'InitiateAuth', {
        AuthFlow: 'USER_AUTH',
        ClientId: pool.clientId,
        AuthParameters: {
          USERNAME: name,
          PASSWORD: password,
          PREFERRED_CHALLENGE: 'PASSWORD',
          TARGET_ACR_VALUES: signInLevel,
        },
      }),
      name,
    ),
  );

/** Answers a challenge: the new password, or the authenticator's code. May lead to the next challenge. */
export const answerChallenge = async (pool: Pool, challenge: Challenge, value: string) =>
  stepOf(
    await call<AuthAnswer>(pool, 'RespondToAuthChallenge', {
      ClientId: pool.clientId,
      ChallengeName: challenge.name,
      Session: challenge.session,
      ChallengeResponses: { USERNAME: challenge.username, [answerKey[challenge.name]]: value },
    }),
    challenge.username,
  );

export const refreshTokens = async (pool: Pool, refreshToken: string) =>
  (
    await call<{ AuthenticationResult: AuthResult }>(pool, 'InitiateAuth', {
      AuthFlow: 'REFRESH_TOKEN_AUTH',
      ClientId: pool.clientId,
      AuthParameters: { REFRESH_TOKEN: refreshToken },
    })
  ).AuthenticationResult;

/** TOTP for a signed-in person: a new secret for their authenticator app (not in use until verified). */
export const associateTotp = async (pool: Pool, accessToken: string) =>
  (await call<{ SecretCode: string }>(pool, 'AssociateSoftwareToken', { AccessToken: accessToken })).SecretCode;

/** The app's first code proves the secret arrived; then TOTP becomes the person's second factor. */
export const enableTotp = async (pool: Pool, accessToken: string, code: string) => {
  const verified = await call<{ Status?: string }>(pool, 'VerifySoftwareToken', {
    AccessToken: accessToken,
    UserCode: code,
    FriendlyDeviceName: 'Pusula',
  });
  if (verified.Status && verified.Status !== 'SUCCESS')
    throw new CognitoError('CodeMismatchException', verified.Status);
  await call(pool, 'SetUserMFAPreference', {
    AccessToken: accessToken,
    SoftwareTokenMfaSettings: { Enabled: true, PreferredMfa: true },
  });
};

/** The authenticator app's URI (Key URI Format): what a QR code would hold, shown as text to paste. */
export const otpauthUri = (secret: string, account: string, issuer = 'Pusula') =>
  `otpauth://totp/${encodeURIComponent(issuer)}:${encodeURIComponent(account)}?secret=${secret}&issuer=${encodeURIComponent(issuer)}&algorithm=SHA1&digits=6&period=30`;

/**
 * Sends a reset code to the person's address; says where (masked), when the pool tells. Asked under
 * each of their names: the pool answers alike for a name it does not know, and mails only the real one.
 */
export const forgotPassword = async (pool: Pool, email: string) => {
  let destination: string | undefined;
  for (const name of signInNames(email)) {
    const sent = await call<{ CodeDeliveryDetails?: { Destination?: string } }>(pool, 'ForgotPassword', {
      ClientId: pool.clientId,
      Username: name,
    });
    destination ??= sent.CodeDeliveryDetails?.Destination;
  }
  return destination;
};

export const confirmForgotPassword = (pool: Pool, email: string, code: string, password: string) =>
  underEachName(
    email,
    (name) =>
      call(pool, 'ConfirmForgotPassword', {
        ClientId: pool.clientId,
        Username: name,
        ConfirmationCode: code,
        Password: password,
      }),
    ['CodeMismatchException', 'ExpiredCodeException', 'UserNotFoundException'],
  );
