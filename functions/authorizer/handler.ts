// The REQUEST authorizer for every non-public route: an integration's bearer key (`pus_…`, looked up
// by its hash) or a person's Cognito token (`eyJ…`, verified, then mapped to the directory). Both
// give the same context, so every handler's actor and access rule are the same whichever way the
// caller came in. Throwing "Unauthorized" makes API Gateway answer 401; a route outside the policy 403.
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { findApiKey } from '../../shared/api-keys.js';
import { config } from '../../shared/config.js';
import type { Role } from '../../shared/http.js';
import type { Scope } from '../../shared/manifest.js';
import { logger } from '../../shared/observability.js';
import { isSignedOut, personOf } from './people.js';
import { personScopes, sessionKeyId } from './person.js';
import { poolSettings, tokenVerifier } from './person-token.js';
import { policyFor } from './policy.js';
import { routeTable } from './route-table.js';

const verifyPersonToken = tokenVerifier(poolSettings());

const bearer = (headers: APIGatewayRequestAuthorizerEvent['headers']) => {
  const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
};

interface Caller {
  keyId: string;
  userId: string;
  role: Role;
  scopes: Scope[];
  usagePlanKey?: string;
}

const refuse = (reason: string): never => {
  logger.info('caller refused', { reason });
  throw new Error('Unauthorized');
};

const keyCaller = async (key: string): Promise<Caller> => {
  const record = key.length <= 200 ? await findApiKey(key) : undefined;
  if (!record || record.revokedAt) return refuse(record ? 'key revoked' : 'key unknown');
  return record;
};

/** Role, team and unit come from the directory, never from the token; scopes from the role. */
const personCaller = async (token: string): Promise<Caller> => {
  if (!verifyPersonToken || token.length > 8192) return refuse('no pool, or an oversized token');
  const claims = await verifyPersonToken(token).catch(() => refuse('token invalid or expired'));
  const session = sessionKeyId(claims);
  const [user, signedOut] = await Promise.all([personOf(claims.sub), isSignedOut(session)]);
  if (signedOut) return refuse('session signed out');
  if (!user) return refuse('no directory user for this sign-in');
  if (user.disabledAt) return refuse('directory user disabled');
  return {
    keyId: session,
    userId: user.userId,
    role: user.role,
    scopes: personScopes(user.role, claims.amr),
    usagePlanKey: config.consoleUsageKey(),
  };
};

export const handler = async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const credential = bearer(event.headers) ?? refuse('no bearer credential');
  const caller = await (credential.startsWith('eyJ') ? personCaller(credential) : keyCaller(credential));
  return {
    principalId: caller.userId,
    policyDocument: policyFor(event.methodArn, routeTable, caller.scopes),
    context: {
      keyId: caller.keyId,
      userId: caller.userId,
      role: caller.role,
      scopes: caller.scopes.join(' '),
      // People are counted against their own daily quota by the handlers (shared/person-quota.ts).
      caller: credential.startsWith('eyJ') ? 'person' : 'integration',
    },
    ...(caller.usagePlanKey ? { usageIdentifierKey: caller.usagePlanKey } : {}),
  };
};
