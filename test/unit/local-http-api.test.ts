// The local API Gateway stand-in: proxy events in, the authorizer's policy enforced, the WAF's
// per-IP rate rule on public routes, API Gateway's own answers as problems.
import type { APIGatewayProxyEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startHttpApi } from '../../infra/local/http-api.js';
import { localControlHeaders } from '../../infra/local/local-control.js';
import { safeHtml } from '../../shared/html.js';
import { page } from '../../shared/pages.js';

let api: Awaited<ReturnType<typeof startHttpApi>>;
const seen: APIGatewayProxyEvent[] = [];
const controlCalls: string[] = [];
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
      // Declared before the literal route it would shadow: the literal segment still wins, as in API Gateway.
      {
        method: 'GET',
        path: '/leads/{leadId}/{part}',
        function: 'part',
        auth: { scopes: ['leads:read'] },
        invoke: echo,
      },
      { method: 'GET', path: '/leads/{leadId}', function: 'f', auth: { scopes: ['leads:read'] }, invoke: echo },
      {
        method: 'GET',
        path: '/leads/{leadId}/notes',
        function: 'notes',
        auth: { scopes: ['leads:read'] },
        invoke: echo,
      },
      {
        method: 'POST',
        path: '/leads/{leadId}/status',
        function: 'f',
        auth: { scopes: ['leads:write'] },
        invoke: echo,
      },
    ],
    admin: async (req, url) => {
      controlCalls.push(`${req.method} ${url.pathname}`);
      return { status: 200, body: { settled: true } };
    },
    authorize: async (event) => {
      const { headers, methodArn } = event as { headers: Record<string, string>; methodArn: string };
      if (headers.authorization !== 'Bearer good') throw new Error('Unauthorized');
      const prefix = methodArn.split('/').slice(0, 2).join('/');
      return {
        principalId: 'u1',
        policyDocument: {
          Version: '2012-10-17',
          Statement: [
            {
              Action: 'execute-api:Invoke',
              Effect: 'Allow',
              Resource: [`${prefix}/GET/leads/*`, `${prefix}/GET/leads/*/*`],
            },
          ],
        },
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

  it('prefers a literal path segment to a parameter whatever the declaration order, as API Gateway does', async () => {
    expect((await fetch(`${api.url}/leads/L1/notes`, { headers: { authorization: 'Bearer good' } })).status).toBe(200);
    expect(seen.at(-1)).toMatchObject({ resource: '/leads/{leadId}/notes', pathParameters: { leadId: 'L1' } });
    expect((await fetch(`${api.url}/leads/L1/history`, { headers: { authorization: 'Bearer good' } })).status).toBe(
      200,
    );
    expect(seen.at(-1)).toMatchObject({
      resource: '/leads/{leadId}/{part}',
      pathParameters: { leadId: 'L1', part: 'history' },
    });
  });

  it('answers 401 when the authorizer refuses and 403 when its policy does not cover the route', async () => {
    expect(await problem(await fetch(`${api.url}/leads/L1`))).toMatchObject({ status: 401, code: 'unauthorized' });
    const denied = await fetch(`${api.url}/leads/L1/status`, {
      method: 'POST',
      headers: { authorization: 'Bearer good' },
    });
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

  it('answers /_local/* only with the x-pusula-local header, so a page on another site cannot drive it', async () => {
    // A cross-site form or fetch without a preflight can only send a simple request like this one.
    const simple = await fetch(`${api.url}/_local/settle`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: '',
    });
    expect(await problem(simple)).toMatchObject({ status: 403, code: 'local-control-refused' });
    expect((await fetch(`${api.url}/_local/dead-letters`)).status).toBe(403);
    expect(controlCalls).toEqual([]);

    const allowed = await fetch(`${api.url}/_local/settle`, { method: 'POST', headers: localControlHeaders });
    expect(allowed.status).toBe(200);
    expect(controlCalls).toEqual(['POST /_local/settle']);
  });

  it('serves pages with a strict CSP, nosniff and no referrer', async () => {
    const pages = await startHttpApi({
      port: 0,
      publicRateLimit: 10,
      routes: [
        {
          method: 'GET',
          path: '/forms/demo',
          function: 'f',
          auth: 'public',
          invoke: async () => page(200, 'en', 'Demo', safeHtml`<p>hi</p>`),
        },
      ],
      authorize: async () => {
        throw new Error('public only');
      },
    });
    const response = await fetch(`${pages.url}/forms/demo`).finally(() => pages.close());
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const csp = (response.headers.get('content-security-policy') ?? '').split(';').map((directive) => directive.trim());
    expect(csp).toEqual(
      expect.arrayContaining([
        "default-src 'none'",
        "style-src 'unsafe-inline'",
        "form-action 'self'",
        "frame-ancestors 'none'",
      ]),
    );
    expect(csp.join(' ')).not.toMatch(/script-src|unsafe-eval/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('same-origin');
  });
});
