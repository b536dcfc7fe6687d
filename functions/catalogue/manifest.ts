import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { catalogueProblems } from './problems.js';

const dir = 'functions/catalogue/handlers';

/** About ten thousand rows: parsed, checked and written well within the function's timeout. */
export const CATALOGUE_FILE_BYTES = 2 * 1024 * 1024;

/** Each route once, by name: a handler binds to `catalogueRoutes.x`. */
export const catalogueRoutes = {
  exportCatalogue: {
    method: 'GET',
    path: '/catalogue/{kind}',
    function: 'exportCatalogue',
    auth: { scopes: ['catalogue:read'] },
    summary: 'Export products, price lists or FX rates as JSON or CSV',
    request: { params: api.catalogueParams, query: api.catalogueExportQuery, body: null },
    responses: { 200: { description: 'The records (CSV with ?format=csv)', media: 'application/json' } },
  },
  importCatalogue: {
    method: 'POST',
    path: '/catalogue/{kind}',
    function: 'importCatalogue',
    auth: { scopes: ['catalogue:write'] },
    summary: 'Import products, price lists or FX rates, all or nothing',
    request: {
      params: api.catalogueParams,
      query: null,
      body: {
        schema: api.catalogueFile,
        maxBytes: CATALOGUE_FILE_BYTES,
        media: ['text/csv', 'application/json'],
        raw: true,
      },
    },
    responses: { 200: { description: 'Imported', json: api.catalogueImported } },
  },
} as const satisfies Record<string, RouteDeclaration>;

/** What quotes are built from: products, price lists and FX rates, imported and exported as files. */
export const catalogue: UseCaseManifest = {
  name: 'catalogue',
  problems: catalogueProblems,
  scopes: {
    'catalogue:read': {
      en: 'Read products and price lists',
      tr: 'Ürünleri ve fiyat listelerini okur',
      grantedTo: ['rep', 'manager', 'director', 'admin'],
    },
    'catalogue:write': {
      en: 'Change products, price lists and the approval policy',
      tr: 'Ürünleri, fiyat listelerini ve onay politikasını değiştirir',
      grantedTo: [],
      mfa: true,
    },
  },
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
  routes: routeList(catalogueRoutes),
  subscriptions: [],
  schedules: [],
};
