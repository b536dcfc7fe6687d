// Files generated from the project's own declarations must be what `npm run generate` writes now:
// a stale route table leaves a route out of every policy (403 in AWS), stale console types let the
// console call a route as it no longer is, and stale docs mislead whoever reads them.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../functions/event-table.js';
import { useCases } from '../../functions/manifests.js';
import {
  apiReference,
  eventsTable,
  recordPartTableSource,
  scopeTableSource,
  staleFiles,
} from '../../infra/generated-files.js';
import type { UseCaseManifest } from '../../shared/manifest.js';

/** A manifest declaring only what a table is made of. */
const manifest = (name: string, declares: Partial<UseCaseManifest>): UseCaseManifest => ({
  name,
  functions: {},
  routes: [],
  subscriptions: [],
  schedules: [],
  ...declares,
});

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
    const module = (name: string, scopes: UseCaseManifest['scopes']) => manifest(name, { scopes });
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

  it('the record part table lists each declared part from its module, in place order, one owner and place each', () => {
    const module = (name: string, recordParts: UseCaseManifest['recordParts']) => manifest(name, { recordParts });
    const table = recordPartTableSource([
      module('late-module', { late: { place: 30 }, first: { place: 10 } }),
      module('other', { middle: { place: 20 } }),
    ]);
    expect(table).toContain("import { recordParts as lateModule } from './late-module/public.js';");
    expect(table).toContain('  first: lateModule.first,\n  middle: other.middle,\n  late: lateModule.late,\n};');
    expect(() => recordPartTableSource([module('a', { x: { place: 1 } }), module('b', { x: { place: 2 } })])).toThrow(
      'Record part x is declared by two modules',
    );
    expect(() => recordPartTableSource([module('a', { x: { place: 1 } }), module('b', { y: { place: 1 } })])).toThrow(
      'Two record parts are declared at place 1',
    );
    // The record's parts, names and order as the modules declare them today.
    const today = [...recordPartTableSource(useCases).matchAll(/^ {2}(\w+): \w+\.\1,$/gm)].map(([, name]) => name);
    expect(today).toEqual([
      'leads',
      'quotes',
      'orders',
      'cases',
      'contacts',
      'timeline',
      'opportunities',
      'requests',
      'points',
      'invoices',
      'payments',
      'instalments',
    ]);
  });
});
