// A signed-in person, from the claims of their verified Cognito token: which sign-in session it
// belongs to, and the scopes their directory role gives them. Pure: no AWS, no table.
import type { Role } from '../../shared/http.js';
import type { Scope } from '../../shared/manifest.js';
import { mfaScopes, roleScopes } from '../../shared/scope-table.js';

/** The claims the authorizer reads; Cognito's access and ID tokens both carry them. */
export interface PersonClaims {
  sub: string;
  auth_time: number;
  /** Authentication methods (OIDC): Cognito lists `mfa` when a second factor was given. */
  amr?: string[];
}

/**
 * A sign-in session: every token minted from one sign-in, refreshed ones too, shares `sub` and
 * `auth_time`. It stands where a key's id stands (`actor.keyId`), so Idempotency-Key answers are
 * per session, and signing out refuses every token of the session.
 */
export const sessionKeyId = (claims: PersonClaims) => `session:${claims.sub}:${claims.auth_time}`;

export const isSessionKeyId = (keyId: string) => keyId.startsWith('session:');

/** The role's scopes; without `mfa` in `amr`, none of the scopes that change the firm's rules. */
export const personScopes = (role: Role, amr: readonly string[] = []): Scope[] =>
  roleScopes[role].filter((scope) => amr.includes('mfa') || !mfaScopes.includes(scope));
