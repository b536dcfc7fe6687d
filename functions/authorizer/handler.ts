// The REQUEST authorizer for every non-public route: a bearer key, looked up by its hash.
// Throwing "Unauthorized" makes API Gateway answer 401; a route outside the policy gets 403.
import type { APIGatewayAuthorizerResult, APIGatewayRequestAuthorizerEvent } from 'aws-lambda';
import { findApiKey } from '../../shared/api-keys.js';
import { logger } from '../../shared/observability.js';
import { useCases } from '../manifests.js';
import { policyFor } from './policy.js';

const routes = useCases.flatMap((useCase) => useCase.routes);

const bearer = (headers: APIGatewayRequestAuthorizerEvent['headers']) => {
  const value = Object.entries(headers ?? {}).find(([name]) => name.toLowerCase() === 'authorization')?.[1];
  const match = value?.match(/^Bearer\s+(\S+)$/i);
  return match?.[1];
};

export const handler = async (event: APIGatewayRequestAuthorizerEvent): Promise<APIGatewayAuthorizerResult> => {
  const key = bearer(event.headers);
  const record = key && key.length <= 200 ? await findApiKey(key) : undefined;
  if (!record || record.revokedAt) {
    logger.info('key refused', { reason: record ? 'revoked' : 'unknown' });
    throw new Error('Unauthorized');
  }
  return {
    principalId: record.userId,
    policyDocument: policyFor(event.methodArn, routes, record.scopes),
    context: { keyId: record.keyId, userId: record.userId, role: record.role, scopes: record.scopes.join(' ') },
    ...(record.usagePlanKey ? { usageIdentifierKey: record.usagePlanKey } : {}),
  };
};
