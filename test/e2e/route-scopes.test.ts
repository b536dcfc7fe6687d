// The route × role × scope table, generated from the manifests, so a new route is covered by
// adding it: over real HTTP through the real authorizer and the handler's prologue, a caller
// without the route's scopes gets 403, one without a key 401, and one holding exactly the route's
// scopes — as a rep and as a manager — gets past both (whatever the route then says about `x`).
import { beforeAll, describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { createApiKey } from '../../shared/api-keys.js';
import type { Role } from '../../shared/http.js';
import { scopes as everyScope, type NamedRoute, type Scope } from '../../shared/manifest.js';
import { api, readProblem, send } from '../support/e2e.js';

/** Every scope but `admin`, which covers them all. */
const allScopes = everyScope.filter((scope) => scope !== 'admin');
const roles: Role[] = ['rep', 'manager'];
const routes = useCases.flatMap((useCase) => useCase.routes);

const keyCache = new Map<string, Promise<string>>();
const keyWith = (role: Role, scopes: readonly Scope[]) => {
  const id = `${role} ${[...scopes].sort().join(',')}`;
  let key = keyCache.get(id);
  if (!key) {
    key = createApiKey({ label: `route table ${id}`, userId: `${role}-route-table`, role, scopes: [...scopes] }).then(
      (k) => k.key,
    );
    keyCache.set(id, key);
  }
  return key;
};

const call = (route: NamedRoute, key?: string) =>
  send(route.path.replace(/\{(\w+)\}/g, 'x'), {
    method: route.method,
    headers: {
      // The local API's own origin is on the allow-list: a preflight and a form post from it are allowed.
      origin: api(),
      ...(route.request.body ? { 'content-type': 'application/json' } : {}),
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    ...(route.request.body ? { body: '{}' } : {}),
  });

const label = (route: NamedRoute) => `${route.method} ${route.path}`;

describe('route × role × scope', () => {
  beforeAll(async () => {
    // Created up front, so each row below is only requests.
    for (const route of routes) {
      if (route.auth === 'public') continue;
      const scopes = route.auth.scopes;
      for (const role of roles) {
        await keyWith(role, scopes);
        await keyWith(
          role,
          allScopes.filter((s) => !scopes.includes(s)),
        );
      }
    }
  });

  it('covers every route of every manifest', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(new Set(routes.map(label)).size).toBe(routes.length);
  });

  // A public route's own answers may be 403 (a signed link's page for a tampered token), so what
  // must not come is the edge's refusal: a 401, or a 403 `forbidden` problem.
  it.each(routes.filter((r) => r.auth === 'public').map((r) => [label(r), r] as const))(
    '%s is public: no key is needed',
    async (_, route) => {
      const response = await call(route);
      expect(response.status, label(route)).not.toBe(401);
      expect(response.status, label(route)).toBeLessThan(500);
      if (response.status === 403) expect(response.headers.get('content-type'), label(route)).toMatch(/^text\/html/);
    },
  );

  const staff = routes.filter((r) => r.auth !== 'public');
  it.each(staff.flatMap((r) => roles.map((role) => [label(r), role, r] as const)))(
    '%s as %s: 401 without a key, 403 without its scopes, through with them',
    async (_, role, route) => {
      const scopes = route.auth === 'public' ? [] : route.auth.scopes;
      const anonymous = await call(route);
      expect(anonymous.status).toBe(401);
      expect(await readProblem(anonymous)).toMatchObject({ code: 'unauthorized' });

      // A route that needs no scope (GET /me) refuses only the anonymous caller.
      if (scopes.length) {
        const without = await call(
          route,
          await keyWith(
            role,
            allScopes.filter((s) => !scopes.includes(s)),
          ),
        );
        expect(without.status).toBe(403);
        expect(await readProblem(without)).toMatchObject({ code: 'forbidden' });
      }

      const withIt = await call(route, await keyWith(role, scopes));
      expect(withIt.status).not.toBe(401);
      expect(withIt.status).not.toBe(403);
      expect(withIt.status, `${label(route)} as ${role}: ${await withIt.clone().text()}`).toBeLessThan(500);
    },
  );
});
