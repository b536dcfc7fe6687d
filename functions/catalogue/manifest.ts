import type { UseCaseManifest } from '../../shared/manifest.js';

const dir = 'functions/catalogue/handlers';

/** What quotes are built from: products, price lists and FX rates, imported and exported as files. */
export const catalogue: UseCaseManifest = {
  name: 'catalogue',
  functions: {
    importCatalogue: {
      entry: `${dir}/import-catalogue.ts`,
      description: 'Admin: import products, price lists or FX rates from CSV or JSON, all or nothing',
      timeoutSeconds: 29,
      uses: { table: 'write' },
    },
    exportCatalogue: {
      entry: `${dir}/export-catalogue.ts`,
      description: 'Admin: export products, price lists or FX rates as CSV or JSON',
      uses: { table: 'read' },
    },
  },
  routes: [
    { method: 'GET', path: '/catalogue/{kind}', function: 'exportCatalogue', auth: { scopes: ['catalogue:read'] } },
    { method: 'POST', path: '/catalogue/{kind}', function: 'importCatalogue', auth: { scopes: ['catalogue:write'] } },
  ],
  subscriptions: [],
  schedules: [],
};
