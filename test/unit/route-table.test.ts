// The authorizer's route table is the manifests' routes: a route added without `npm run generate`
// would be missing from every caller's policy (403) in AWS (test/unit/generated-files.test.ts fails).
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../functions/authorizer/route-table.js';
import { routeAccess } from '../../infra/route-table.js';

describe("the authorizer's route table", () => {
  it('holds every route with its scopes and nothing else', () => {
    expect(routeTable).toEqual(routeAccess());
    expect(routeTable.length).toBeGreaterThan(100);
    expect(routeTable.find((r) => r.method === 'POST' && r.path === '/quotes/{quoteId}/approve')?.auth).toEqual({
      scopes: ['quotes:approve'],
    });
    expect(Object.keys(routeTable[0]!).sort()).toEqual(['auth', 'method', 'path']);
  });
});
