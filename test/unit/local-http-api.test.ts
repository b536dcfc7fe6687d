// The local API Gateway stand-in: proxy events in, the authorizer's policy enforced, the WAF's
// per-IP rate rule on public routes, API Gateway's own answers as problems.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpApi } from '../../infra/local/http-api.js';

let api: Awaited<ReturnType<typeof startHttpApi>>;
const seen: APIGatewayProxyEvent[] = [];
const echo = async (event: APIGatewayProxyEvent) => {
  seen.push(event);
  return { statusCode: 200, headers: { 'content-type': 'application/json' }, body: JSON.stringify({ ok: true }) };
};

beforeAll(async () => {
  api = await startHttpApi({
    port: 0,
    publicRateLimit: 3,
    routes: [
      { method: 'POST', path: '/leads', function: 'f', auth: 'public', invoke: echo },
      { method: 'GET', path: '/leads/{leadId}', function: 'f', auth: { scopes: ['leads:read'] }, invoke: echo },
      { method: 'POST', path: '/leads/{leadId}/status', function: 'f', auth: { scopes: ['leads:write'] }, invoke: echo },
    ],
    authorize: async (event) => {
      const { headers, methodArn } = event as { headers: Record<string, string>; methodArn: string };
      if (headers.authorization !== 'Bearer good') throw new Error('Unauthorized');
      const prefix = methodArn.split('/').slice(0, 2).join('/');
      return {
        principalId: 'u1',
        policyDocument: { Version: '2012-10-17', Statement: [{ Action: 'execute-api:Invoke', Effect: 'Allow', Resource: [`${prefix}/GET/leads/*`] }] },
        context: { userId: 'u1', role: 'rep' },
      };
    },
  });
});
afterAll(() => api.close());

const problem = async (response: Response) => {
  expect(response.headers.get('content-type')).toBe('application/problem+json');
  return (await response.json()) as { status: number; code: string };
};

describe('local HTTP API', () => {
  it('turns a request into an API Gateway proxy event with path parameters and the authorizer context', async () => {
    const response = await fetch(`${api.url}/leads/L1?x=1`, { headers: { authorization: 'Bearer good' } });
    expect(response.status).toBe(200);
    expect(seen.at(-1)).toMatchObject({
      httpMethod: 'GET',
      resource: '/leads/{leadId}',
      pathParameters: { leadId: 'L1' },
      queryStringParameters: { x: '1' },
      requestContext: { authorizer: { userId: 'u1', role: 'rep' } },
    });
  });

  it('answers 401 when the authorizer refuses and 403 when its policy does not cover the route', async () => {
    expect(await problem(await fetch(`${api.url}/leads/L1`))).toMatchObject({ status: 401, code: 'unauthorized' });
    const denied = await fetch(`${api.url}/leads/L1/status`, { method: 'POST', headers: { authorization: 'Bearer good' } });
    expect(await problem(denied)).toMatchObject({ status: 403, code: 'forbidden' });
  });

  it('answers unknown routes and methods like API Gateway, as problems', async () => {
    expect(await problem(await fetch(`${api.url}/nope`))).toMatchObject({ status: 404, code: 'no-such-route' });
    expect(await problem(await fetch(`${api.url}/leads`, { method: 'DELETE' }))).toMatchObject({ status: 405 });
  });

  it('rate-limits public routes per IP with 429 and Retry-After, as the WAF rule does', async () => {
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await fetch(`${api.url}/leads`, { method: 'POST', body: '{}' })).status);
    expect(statuses).toEqual([200, 200, 200, 429]);
    const limited = await fetch(`${api.url}/leads`, { method: 'POST', body: '{}' });
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(await problem(limited)).toMatchObject({ status: 429, code: 'too-many-requests' });
  });
});
