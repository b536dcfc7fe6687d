// Every route of every manifest, at its real handler: the handler is bound to exactly the routes its
// function serves, and its prologue refuses a caller without the route's scopes (403) or with no
// authorizer context (401) before anything else runs. The same table over HTTP, through the real
// authorizer, is test/e2e/route-scopes.test.ts.
import { beforeAll, describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { lambdaContext, loadHandler } from '../../infra/local/functions.js';
import { json, route } from '../../shared/http.js';
import { functionId, type NamedRoute, type Scope } from '../../shared/manifest.js';
import * as z from '../../shared/schema.js';

const allScopes: Scope[] = [
  'leads:read',
  'leads:write',
  'quotes:read',
  'quotes:write',
  'quotes:approve',
  'catalogue:read',
  'catalogue:write',
];

beforeAll(() => {
  // Nothing here reaches a peer: the prologue answers first. Config is read lazily, but must exist.
  Object.assign(process.env, {
    TABLE_NAME: 'unit-none',
    EVENT_BUS_NAME: 'unit-none',
    MAIL_FROM: 'crm@example.com',
    PUBLIC_BASE_URL: 'http://localhost:1',
    POWERTOOLS_METRICS_DISABLED: 'true',
    POWERTOOLS_LOG_LEVEL: 'SILENT',
  });
});

const entries = useCases.flatMap((useCase) =>
  useCase.routes.map((route) => ({ useCase: useCase.name, route, entry: useCase.functions[route.function]!.entry })),
);

const eventFor = (route: NamedRoute, authorizer: Record<string, string> | null) => ({
  resource: route.path,
  path: route.path.replace(/\{(\w+)\}/g, 'x'),
  httpMethod: route.method,
  headers: { 'content-type': 'application/json' },
  queryStringParameters: null,
  pathParameters: Object.fromEntries([...route.path.matchAll(/\{(\w+)\}/g)].map((m) => [m[1], 'x'])),
  body: '{}',
  isBase64Encoded: false,
  requestContext: { requestId: 'unit', identity: { sourceIp: '192.0.2.1' }, authorizer },
});

describe('route bindings', () => {
  it('every route function names a handler file, and its handler serves exactly the routes the manifest gives it', async () => {
    const unbound: string[] = [];
    for (const useCase of useCases) {
      for (const [name, fn] of Object.entries(useCase.functions)) {
        const mine = useCase.routes.filter((r) => r.function === name);
        if (!mine.length) continue;
        const handler = (await loadHandler(fn.entry)) as { declarations?: NamedRoute[] };
        if (!handler.declarations) {
          unbound.push(functionId(useCase.name, name));
          continue;
        }
        const served = handler.declarations.map((d) => `${d.method} ${d.path}`).sort();
        expect(served, fn.entry).toEqual(mine.map((r) => `${r.method} ${r.path}`).sort());
      }
    }
    // Every routed function binds its handler to its routes.
    expect(unbound).toEqual([]);
  }, 60_000); // imports every handler module: seconds on a busy machine
});

describe('the staff prologue', () => {
  const staffRoutes = entries.filter(({ route }) => route.auth !== 'public');

  it.each(staffRoutes.map((e) => [`${e.route.method} ${e.route.path}`, e] as const))(
    '%s: 403 without its scope, 401 without a caller',
    async (_, { useCase, route, entry }) => {
      const needed = route.auth === 'public' ? [] : route.auth.scopes;
      const invoke = async (authorizer: Record<string, string> | null) =>
        (await loadHandler(entry))(eventFor(route, authorizer), lambdaContext(functionId(useCase, route.function)));
      const others = allScopes.filter((s) => !needed.includes(s)).join(' ');
      // A route that needs no scope (GET /me) refuses only the anonymous caller.
      if (needed.length) {
        const refused = await invoke({ keyId: 'k1', userId: 'mgr-unit', role: 'manager', scopes: others });
        expect(refused.statusCode).toBe(403);
        expect(refused.headers['content-type']).toBe('application/problem+json');
        expect(JSON.parse(refused.body)).toMatchObject({ status: 403, code: 'forbidden' });
      }
      const anonymous = await invoke(null);
      expect(anonymous.statusCode).toBe(401);
      expect(JSON.parse(anonymous.body)).toMatchObject({ status: 401, code: 'unauthorized' });
    },
  );
});

describe('idempotency a route declares', () => {
  const declared = (idempotency?: NamedRoute['idempotency']) =>
    ({
      name: 'probe',
      method: 'POST',
      path: '/probes',
      function: 'probe',
      auth: 'public',
      summary: 'A probe',
      request: { params: null, query: null, body: { schema: z.looseObject({}), maxBytes: 1000 } },
      responses: { 200: { description: 'Seen' } },
      ...(idempotency ? { idempotency } : {}),
    }) as const satisfies NamedRoute;
  const call = (declaration: NamedRoute, headers: Record<string, string>, body: Record<string, unknown> = {}) => {
    const event = { ...eventFor(declaration, null), headers: { 'content-type': 'application/json', ...headers } };
    const handler = route(declaration, async (input) => json(200, { idempotency: input.idempotency ?? null }));
    return handler({ ...event, body: JSON.stringify(body) } as never, lambdaContext('probe'));
  };

  it('hands the handler its scope: the route, the caller and the key from the header', async () => {
    const answer = await call(declared({ key: 'optional' }), { 'idempotency-key': 'k-1' });
    expect(JSON.parse(answer.body)).toEqual({ idempotency: { route: 'POST /probes', caller: 'public', key: 'k-1' } });
  });

  it('takes a public form’s key from the field it names, the header winning over it; none without a declaration', async () => {
    const form = declared({ key: 'optional', formField: 'idempotencyKey' });
    expect(JSON.parse((await call(form, {}, { idempotencyKey: 'from-form' })).body).idempotency.key).toBe('from-form');
    expect(
      JSON.parse((await call(form, { 'idempotency-key': 'h' }, { idempotencyKey: 'f' })).body).idempotency.key,
    ).toBe('h');
    expect(JSON.parse((await call(form, {}, { idempotencyKey: '' })).body).idempotency.key).toBeUndefined();
    expect(JSON.parse((await call(declared(), { 'idempotency-key': 'k' })).body)).toEqual({ idempotency: null });
  });

  it('refuses a route that requires a key when none came, naming the header; an optional one does the work', async () => {
    const refused = await call(declared({ key: 'required' }), {});
    expect(refused.statusCode).toBe(400);
    expect(JSON.parse(refused.body)).toMatchObject({
      code: 'validation-failed',
      errors: [{ path: 'Idempotency-Key' }],
    });
    expect((await call(declared({ key: 'required' }), { 'idempotency-key': 'k' })).statusCode).toBe(200);
    expect((await call(declared({ key: 'optional' }), {})).statusCode).toBe(200);
  });
});
