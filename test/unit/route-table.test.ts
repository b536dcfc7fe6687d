// The authorizer's route table is the manifests' routes: a route added without `npm run routes`
// would be missing from every caller's policy (403) in AWS, so a stale table fails here.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeTable } from '../../functions/authorizer/route-table.js';
import { routeAccess, routeTableFile, routeTableSource } from '../../infra/route-table.js';

describe("the authorizer's route table", () => {
  it('is what `npm run routes` writes from the manifests now', () => {
    expect(readFileSync(routeTableFile, 'utf8')).toBe(routeTableSource(routeAccess()));
  });

  it('holds every route with its scopes and nothing else', () => {
    expect(routeTable).toEqual(routeAccess());
    expect(routeTable.length).toBeGreaterThan(100);
    expect(routeTable.find((r) => r.method === 'POST' && r.path === '/quotes/{quoteId}/approve')?.auth).toEqual({ scopes: ['quotes:approve'] });
    expect(Object.keys(routeTable[0]!).sort()).toEqual(['auth', 'method', 'path']);
  });
});
