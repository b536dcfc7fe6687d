import { importEvents } from '../../events/platform.js';
import * as jobs from '../../shared/import-job-schemas.js';
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { catalogueProblems } from './problems.js';

const dir = 'functions/catalogue/handlers';

/** About ten thousand rows: parsed and checked within the request; written in the background. */
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
    idempotency: { key: 'optional' },
    summary:
      'Import products, price lists or FX rates, all or nothing: the file is checked whole, then imported by a ' +
      'background job (202, its Location); a retry with the same Idempotency-Key answers the same job',
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
    responses: {
      202: { description: 'The import job, queued', json: jobs.importJob, headers: ['location'] },
    },
  },
  listCatalogueImports: {
    method: 'GET',
    path: '/catalogue-imports',
    function: 'catalogueImports',
    auth: { scopes: ['catalogue:write'] },
    readOnly: true,
    summary: "The caller's catalogue imports, newest first, with their progress",
    request: { params: null, query: jobs.importJobsQuery, body: null },
    responses: { 200: { description: 'A page of import jobs', json: jobs.importJobPage } },
  },
  getCatalogueImport: {
    method: 'GET',
    path: '/catalogue-imports/{jobId}',
    function: 'catalogueImports',
    auth: { scopes: ['catalogue:write'] },
    readOnly: true,
    summary: 'A catalogue import job: queued, running, done or failed (why), rows done of rows',
    request: { params: jobs.importJobParams, query: null, body: null },
    responses: { 200: { description: 'The import job', json: jobs.importJob } },
  },
  resumeCatalogueImport: {
    method: 'POST',
    path: '/catalogue-imports/{jobId}/resume',
    function: 'catalogueImports',
    auth: { scopes: ['catalogue:write'] },
    summary:
      'Resumes an import an outage stopped: its next part is queued again (a part applied already is not applied twice)',
    request: { params: jobs.importJobParams, query: null, body: null },
    responses: { 202: { description: 'The import job; its next part queued', json: jobs.importJob } },
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
      description: 'Admin: check a CSV or JSON file of products, price lists or FX rates, stage it as an import job',
      timeoutSeconds: 29,
      uses: { table: 'write', runFiles: true },
    },
    catalogueImports: {
      entry: `${dir}/catalogue-imports.ts`,
      description: "Admin: a catalogue import job's progress, the caller's recent ones, resuming a stopped one",
      uses: { table: 'write' },
    },
    applyCatalogueImport: {
      entry: `${dir}/apply-catalogue-import.ts`,
      description: "A catalogue import job's chunk staged, the next enqueued; the last makes the import live",
      uses: { table: 'write', runFiles: true },
      memoryMb: 1024,
      timeoutSeconds: 900,
    },
    exportCatalogue: {
      entry: `${dir}/export-catalogue.ts`,
      description: 'Admin: export products, price lists or FX rates as CSV or JSON',
      uses: { table: 'read' },
    },
  },
  routes: routeList(catalogueRoutes),
  subscriptions: [
    {
      name: 'apply-catalogue-import',
      function: 'applyCatalogueImport',
      pattern: {
        source: [importEvents.ImportChunkDue.source],
        'detail-type': ['ImportChunkDue'],
        detail: { importer: ['catalogue'] },
      },
    },
  ],
  schedules: [],
};
