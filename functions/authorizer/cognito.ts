// Cognito's two public user-pool operations sign-in needs (InitiateAuth, RevokeToken), one unsigned
// JSON POST each: the sign-out Lambda does not carry the SDK's Cognito client for them (its admin
// operations, in infra/local/user-pool-admin.ts, use the client). Locally
// AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER points at cognito-local, as it does the SDK.
import { config } from '../../shared/config.js';

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

export const cognitoEndpoint = () => config.cognitoEndpoint();

export const cognitoCall = async <T = Record<string, unknown>>(
  operation: string,
  input: Record<string, unknown>,
): Promise<T> => {
  const headers = {
    'content-type': 'application/x-amz-json-1.1',
    'x-amz-target': `AWSCognitoIdentityProviderService.${operation}`,
  };
  const response = await fetch(cognitoEndpoint(), { method: 'POST', headers, body: JSON.stringify(input) });
  const text = await response.text();
  const parsed = text ? (JSON.parse(text) as Record<string, unknown>) : {};
  if (!response.ok) {
    const type = String(parsed.__type ?? parsed.code ?? `HTTP ${response.status}`)
      .split('#')
      .at(-1)!;
    throw new CognitoError(type, String(parsed.message ?? parsed.Message ?? text.slice(0, 200)));
  }
  return parsed as T;
};

/** Revokes a refresh token and every access token minted from it (the app client has no secret). */
export const revokeRefreshToken = (clientId: string, token: string) =>
  cognitoCall('RevokeToken', { ClientId: clientId, Token: token });

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
