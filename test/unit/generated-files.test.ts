// Files generated from the project's own declarations must be what `npm run generate` writes now:
// a stale route table leaves a route out of every policy (403 in AWS), stale console types let the
// console call a route as it no longer is, and stale docs mislead whoever reads them.
import { describe, expect, it } from 'vitest';
import { catalogue } from '../../events/catalogue.js';
import { useCases } from '../../functions/manifests.js';
import { apiReference, eventsTable, staleFiles } from '../../infra/generated-files.js';

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
});
