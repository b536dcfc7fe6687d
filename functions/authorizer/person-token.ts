// Verifies a person's Cognito access or ID token: signature against the pool's JWKS, expiry, issuer,
// the console's app client, and token use. In AWS, CognitoJwtVerifier for the pool; locally a
// JwtRsaVerifier for cognito-local's issuer and JWKS (plain http, fetched with Node's fetch).
import { CognitoJwtVerifier, JwtRsaVerifier } from 'aws-jwt-verify';
import { validateCognitoJwtFields } from 'aws-jwt-verify/cognito-verifier';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { config } from '../../shared/config.js';
import type { PersonClaims } from './person.js';

export interface PoolSettings {
  userPoolId?: string;
  clientId?: string;
  /** A local pool: the issuer cognito-local writes (`http://localhost:<port>/<poolId>`). */
  issuer?: string;
  jwksUri?: string;
  /** A local pool's JWKS (JSON): the only keys trusted, so a token signed with another key is refused. */
  jwks?: string;
}

export const poolSettings = (): PoolSettings => ({
  userPoolId: config.userPoolId() || undefined,
  clientId: config.userPoolClientId() || undefined,
  ...config.localPool(),
});

type Verify = (token: string) => Promise<PersonClaims>;

const httpJwks = new SimpleJwksCache({ fetcher: { fetch: async (uri: string) => (await fetch(uri)).arrayBuffer() } });

/** undefined when no pool is configured: then no person can sign in, and keys work as before. */
export const tokenVerifier = ({ userPoolId, clientId, issuer, jwksUri, jwks }: PoolSettings): Verify | undefined => {
  if (!userPoolId || !clientId) return undefined;
  if (issuer && jwksUri) {
    const local = JwtRsaVerifier.create(
      {
        issuer,
        jwksUri,
        // An access token has no `aud`: the client id is checked below, as CognitoJwtVerifier does.
        audience: null,
        customJwtCheck: ({ payload }) => validateCognitoJwtFields(payload, { tokenUse: null, clientId }),
      },
      { jwksCache: httpJwks },
    );
    if (jwks) local.cacheJwks(JSON.parse(jwks));
    return async (token) => (await local.verify(token)) as unknown as PersonClaims;
  }
  const cognito = CognitoJwtVerifier.create({ userPoolId, clientId, tokenUse: null });
  return async (token) => (await cognito.verify(token)) as unknown as PersonClaims;
};
