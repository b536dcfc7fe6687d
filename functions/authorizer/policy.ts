// Which routes a key may call, as an IAM policy API Gateway can cache: one policy per key, covering
// every route its scopes allow, so a cached answer is right for any route the key calls next.
import type { APIGatewayAuthorizerResult } from 'aws-lambda';
import type { RouteAccess, Scope } from '../../shared/manifest.js';

export const routeAllowed = (route: RouteAccess, scopes: readonly Scope[]) =>
  route.auth !== 'public' && (scopes.includes('admin') || route.auth.scopes.every((s) => scopes.includes(s)));

/** `arn:aws:execute-api:region:account:api/stage/GET/leads/x` → the prefix up to the stage. */
export const apiArnPrefix = (methodArn: string) => methodArn.split('/').slice(0, 2).join('/');

/** `/leads/{leadId}` → `leads/*`, the resource form an execute-api policy matches. */
export const routeResource = (route: RouteAccess) =>
  `${route.method}/${route.path.replace(/^\//, '').replace(/\{[^}]+\}/g, '*')}`;

export const policyFor = (
  methodArn: string,
  routes: readonly RouteAccess[],
  scopes: readonly Scope[],
): APIGatewayAuthorizerResult['policyDocument'] => {
  const prefix = apiArnPrefix(methodArn);
  const allowed = routes.filter((route) => routeAllowed(route, scopes)).map((r) => `${prefix}/${routeResource(r)}`);
  return {
    Version: '2012-10-17',
    Statement: [
      allowed.length
        ? { Action: 'execute-api:Invoke', Effect: 'Allow', Resource: allowed }
        : { Action: 'execute-api:Invoke', Effect: 'Deny', Resource: `${prefix}/*` },
    ],
  };
};
