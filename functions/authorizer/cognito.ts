// Cognito's user-pool API (JSON 1.1 over HTTPS), the calls sign-in needs and nothing more. The
// project has no @aws-sdk/client-cognito-identity-provider; these few operations are one POST each.
// Locally AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points at cognito-local, as it would the SDK.

export class CognitoError extends Error {
  constructor(
    /** Cognito's exception name: `NotAuthorizedException`, `UsernameExistsException`… */
    readonly type: string,
    message: string,
  ) {
    super(`${type}: ${message}`);
    this.name = 'CognitoError';
  }
}

export const cognitoEndpoint = () =>
  process.env.AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER ?? `https://cognito-idp.${process.env.AWS_REGION}.amazonaws.com/`;

/** Adds AWS credentials to a request; the public operations (sign-in, revoke) need none. */
export type RequestSigner = (request: { url: string; headers: Record<string, string>; body: string }) => Promise<Record<string, string>>;

export const cognitoCall = async <T = Record<string, unknown>>(
  operation: string,
  input: Record<string, unknown>,
  sign?: RequestSigner,
): Promise<T> => {
  const url = cognitoEndpoint();
  const body = JSON.stringify(input);
  const base = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
  };
  const headers = sign ? await sign({ url, headers: base, body }) : base;
  const response = await fetch(url, { method: 'POST', headers, body });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    const type = String(parsed.__type ?? parsed.code ?? `HTTP ${response.status}`).split('#').at(-1)!;
    throw new CognitoError(type, String(parsed.message ?? parsed.Message ?? text.slice(0, 200)));
  }
  return parsed as T;
};

/** Revokes a refresh token and every access token minted from it (the app client has no secret). */
export const revokeRefreshToken = (clientId: string, token: string) => cognitoCall('RevokeToken', { ClientId: clientId, Token: token });

export interface Tokens {
  AccessToken: string;
  IdToken: string;
  RefreshToken: string;
  ExpiresIn: number;
}

/** USER_PASSWORD_AUTH: what the local console and tests sign in with (AWS clients use SRP). */
export const signInWithPassword = async (clientId: string, email: string, password: string) =>
  (
    await cognitoCall<{ AuthenticationResult: Tokens }>('InitiateAuth', {
      ClientId: clientId,
      AuthFlow: 'USER_PASSWORD_AUTH',
      AuthParameters: { USERNAME: email, PASSWORD: password },
    })
  ).AuthenticationResult;
