import { describe, expect, it } from 'vitest';
import { policyFor, routeAllowed, routeResource } from '../../functions/authorizer/policy.js';
import type { RouteBase } from '../../shared/manifest.js';

const routes: RouteBase[] = [
  { method: 'POST', path: '/leads', function: 'f', auth: 'public' },
  { method: 'GET', path: '/leads', function: 'f', auth: { scopes: ['leads:read'] } },
  { method: 'POST', path: '/leads/{leadId}/status', function: 'f', auth: { scopes: ['leads:write'] } },
];
const arn = 'arn:aws:execute-api:eu-central-1:123456789012:abc123/prod/GET/leads';

describe('authorizer policy', () => {
  it('turns path parameters into wildcards', () => {
    expect(routeResource(routes[2]!)).toBe('POST/leads/*/status');
  });

  it('allows exactly the routes the scopes cover, for any route of the API (so the cache is safe)', () => {
    expect(policyFor(arn, routes, ['leads:read']).Statement).toEqual([
      {
        Action: 'execute-api:Invoke',
        Effect: 'Allow',
        Resource: ['arn:aws:execute-api:eu-central-1:123456789012:abc123/prod/GET/leads'],
      },
    ]);
  });

  it('lets admin call every authenticated route but never lists public ones', () => {
    expect(routeAllowed(routes[2]!, ['admin'])).toBe(true);
    expect(routeAllowed(routes[0]!, ['admin'])).toBe(false);
  });

  it('denies everything to a key whose scopes cover nothing', () => {
    expect(policyFor(arn, routes, ['quotes:read']).Statement[0]).toMatchObject({ Effect: 'Deny' });
  });
});
