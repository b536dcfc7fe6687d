// Files generated from the project's own declarations must be what `npm run generate` writes now:
// a stale route table leaves a route out of every policy (403 in AWS), stale console types let the
// console call a route as it no longer is, and stale docs mislead whoever reads them.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../events/catalogue.js';
import { useCases } from '../../functions/manifests.js';
import { apiReference, eventsTable, scopeTableSource, staleFiles } from '../../infra/generated-files.js';
import type { UseCaseManifest } from '../../shared/manifest.js';

describe('generated files', () => {
  it('are all as `npm run generate` writes them', async () => {
    expect((await staleFiles()).map(({ file }) => file.pathname.split('/').slice(-2).join('/'))).toEqual([]);
  }, 60_000);

  it('the API reference lists every route of every use case with its access', () => {
    const reference = apiReference(useCases);
    const routes = useCases.flatMap((useCase) => useCase.routes);
    expect(routes.length).toBeGreaterThan(100);
    for (const route of routes) expect(reference).toContain(`| \`${route.method} ${route.path}\` |`);
    expect(reference).toContain('| `POST /quotes/{quoteId}/approve` | `quotes:approve` |');
    expect(reference).toMatch(/\| `POST \/leads` \| public \|/);
  });

  it('the events table has every detail-type, its fields, and who consumes it', () => {
    const table = eventsTable(useCases);
    for (const detailType of Object.keys(catalogue)) expect(table).toContain(`| \`${detailType}\` |`);
    const quoteAccepted = table.split('\n').find((line) => line.startsWith('| `QuoteAccepted` |'))!;
    expect(quoteAccepted).toContain('`crm.quotes`');
    expect(quoteAccepted).toContain('`grandTotal` integer');
    expect(quoteAccepted).toContain('opportunities: winOnAcceptance');
    expect(quoteAccepted).not.toContain('eventId');
  });

  it('the scope table holds what each module declares: its roles, MFA, and one owner per scope', () => {
    const module = (name: string, scopes: UseCaseManifest['scopes']): UseCaseManifest => ({
      name,
      scopes,
      functions: {},
      routes: [],
      subscriptions: [],
      schedules: [],
    });
    const table = scopeTableSource([
      module('a', { 'a:read': { en: 'Read', tr: 'Okur', grantedTo: ['rep', 'dealer'] } }),
      module('b', { 'b:admin': { en: 'Rules', tr: 'Kurallar', grantedTo: [], mfa: true } }),
    ]);
    expect(table).toContain("export const scopes = ['a:read', 'b:admin'] as const;");
    expect(table).toContain("  rep: ['a:read'],");
    expect(table).toContain("  dealer: ['a:read'],");
    expect(table).toContain('  manager: [],');
    expect(table).toContain("export const mfaScopes: readonly Scope[] = ['b:admin'];");
    expect(() =>
      scopeTableSource([
        module('a', { 'x:read': { en: 'Read', tr: 'Okur', grantedTo: [] } }),
        module('b', { 'x:read': { en: 'Read', tr: 'Okur', grantedTo: [] } }),
      ]),
    ).toThrow('Scope x:read is declared by two modules');
  });
});
