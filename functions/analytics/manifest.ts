import { importEvents } from '../../events/platform.js';
import * as jobs from '../../shared/import-job-schemas.js';
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { analyticsProblems } from './problems.js';

const dir = 'functions/analytics/handlers';
const read = { scopes: ['analytics:read' as const] };
const admin = { scopes: ['analytics:admin' as const] };
/** About ten thousand rows. */
export const ORDERS_FILE_BYTES = 1024 * 1024;

const list = (path: string, summary: string, query: typeof api.listQuery | typeof api.lapsedQuery = api.listQuery) =>
  ({
    method: 'GET',
    path,
    function: 'targetLists',
    auth: read,
    summary,
    request: { params: null, query, body: null },
    responses: {
      200: { description: 'The customers (CSV with ?format=csv or Accept: text/csv)', json: api.targetList, csv: true },
    },
  }) as const;

/** Each route once, by name: a handler binds to `analyticsRoutes.x`. */
export const analyticsRoutes = {
  importOrders: {
    method: 'POST',
    path: '/analytics/imports/orders',
    function: 'importOrders',
    auth: admin,
    idempotency: { key: 'optional' },
    summary:
      'Historical orders from CSV into customer figures: the file is checked whole, then counted by a background ' +
      'job (202, its Location); an order already counted is not counted again',
    request: {
      params: null,
      query: null,
      body: { schema: api.ordersFile, maxBytes: ORDERS_FILE_BYTES, media: ['text/csv'], raw: true },
    },
    responses: { 202: { description: 'The import job, queued', json: jobs.importJob, headers: ['location'] } },
  },
  listOrderImports: {
    method: 'GET',
    path: '/analytics/imports/orders',
    function: 'orderImports',
    auth: admin,
    readOnly: true,
    summary: "The caller's order-history imports, newest first, with their progress",
    request: { params: null, query: jobs.importJobsQuery, body: null },
    responses: { 200: { description: 'A page of import jobs', json: jobs.importJobPage } },
  },
  getOrderImport: {
    method: 'GET',
    path: '/analytics/imports/orders/{jobId}',
    function: 'orderImports',
    auth: admin,
    readOnly: true,
    summary: 'An order-history import job: queued, running, done or failed (why), rows done of rows',
    request: { params: jobs.importJobParams, query: null, body: null },
    responses: { 200: { description: 'The import job', json: jobs.importJob } },
  },
  resumeOrderImport: {
    method: 'POST',
    path: '/analytics/imports/orders/{jobId}/resume',
    function: 'orderImports',
    auth: admin,
    summary:
      'Resumes an import an outage stopped: its next part is queued again (an order counted already is not counted twice)',
    request: { params: jobs.importJobParams, query: null, body: null },
    responses: { 202: { description: 'The import job; its next part queued', json: jobs.importJob } },
  },
  topCustomers: list('/analytics/lists/top-customers', "The top 5 % of last calendar year's buyers by revenue in TRY"),
  lapsedCustomers: list(
    '/analytics/lists/lapsed-customers',
    'Buyers whose last order is 12 months old or older',
    api.lapsedQuery,
  ),
  decliningCustomers: list(
    '/analytics/lists/declining-customers',
    'Customers ordering less this year to date than in the same days last year',
  ),
  complainingACustomers: list(
    '/analytics/lists/valuable-complainants',
    'A customers who complained in the last 12 months',
  ),
  salesPerformance: {
    method: 'GET',
    path: '/analytics/performance',
    function: 'salesPerformance',
    auth: read,
    summary: 'Leads, first response, quotes, net revenue and margin won and commission (on its basis), by rep or team',
    request: { params: null, query: api.performanceQuery, body: null },
    responses: {
      200: {
        description: 'The figures (CSV with ?format=csv or Accept: text/csv)',
        json: api.performanceReport,
        csv: true,
      },
    },
  },
  dashboard: {
    method: 'GET',
    path: '/analytics/dashboard',
    function: 'dashboard',
    auth: read,
    summary: "Each use case's counters (leads, quotes, orders, cases) for a period",
    request: { params: null, query: api.dashboardQuery, body: null },
    responses: { 200: { description: 'The counters', json: api.dashboardReport } },
  },
  getAnalyticsRules: {
    method: 'GET',
    path: '/analytics/rules',
    function: 'analyticsRules',
    auth: read,
    summary: 'The commission rates and A/B/C shares in force, with their seq',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The rules', json: api.analyticsRules } },
  },
  setCommissionRules: {
    method: 'PUT',
    path: '/analytics/rules/commission',
    function: 'analyticsRules',
    auth: admin,
    summary: 'Replace the commission rates (a stale seq is a 409)',
    request: { params: null, query: null, body: { schema: api.commissionRulesBody, maxBytes: 64 * 1024 } },
    responses: { 200: { description: 'The rules now in force', json: api.analyticsRules } },
  },
  setSegmentRules: {
    method: 'PUT',
    path: '/analytics/rules/segments',
    function: 'analyticsRules',
    auth: admin,
    summary: 'Replace the A/B/C shares (a stale seq is a 409); the next nightly run uses them',
    request: { params: null, query: null, body: { schema: api.segmentRulesBody, maxBytes: 4096 } },
    responses: { 200: { description: 'The rules now in force', json: api.analyticsRules } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const analytics: UseCaseManifest = {
  name: 'analytics',
  events,
  problems: analyticsProblems,
  scopes: {
    'analytics:read': {
      en: 'Read reports and segments',
      tr: 'Raporları ve segmentleri okur',
      grantedTo: ['manager', 'director'],
    },
    'analytics:admin': {
      en: 'Import order history and change commission and segment rules',
      tr: 'Sipariş geçmişi yükler, prim ve segment kurallarını değiştirir',
      grantedTo: ['admin'],
      mfa: true,
    },
  },
  functions: {
    countOrderValue: {
      entry: `${dir}/count-order-value.ts`,
      description: "Adds a delivered order to its customer's figures, takes a returned one off",
      uses: { table: 'write' },
    },
    assignSegments: {
      entry: `${dir}/assign-segments.ts`,
      description: 'Nightly: A/B/C by the last 12 months of revenue',
      timeoutSeconds: 900,
      memoryMb: 1024,
      uses: { table: 'write' },
    },
    importOrders: {
      entry: `${dir}/import-orders.ts`,
      description: 'Admin: check a CSV of historical orders, stage it as an import job',
      timeoutSeconds: 29,
      uses: { table: 'write', runFiles: true },
    },
    orderImports: {
      entry: `${dir}/order-imports.ts`,
      description: "Admin: an order-history import job's progress, the caller's recent ones, resuming a stopped one",
      uses: { table: 'write' },
    },
    applyOrderImport: {
      entry: `${dir}/apply-order-import.ts`,
      description: "An order-history import job's chunk counted into customer figures, the next enqueued",
      uses: { table: 'write', runFiles: true },
      timeoutSeconds: 900,
    },
    targetLists: {
      entry: `${dir}/target-lists.ts`,
      description: 'Staff: target lists as JSON or CSV',
      timeoutSeconds: 29,
      uses: { table: 'read' },
    },
    salesPerformance: {
      entry: `${dir}/sales-performance.ts`,
      description: 'Staff: sales performance and commission',
      timeoutSeconds: 29,
      uses: { table: 'read' },
    },
    dashboard: {
      entry: `${dir}/dashboard.ts`,
      description: "Staff: each use case's counters for a period",
      timeoutSeconds: 29,
      uses: { table: 'read' },
    },
    analyticsRules: {
      entry: `${dir}/analytics-rules.ts`,
      description: 'Commission rates and A/B/C shares: read, and replace (admin)',
      uses: { table: 'write' },
    },
  },
  routes: routeList(analyticsRoutes),
  subscriptions: [
    {
      name: 'count-order-value',
      function: 'countOrderValue',
      pattern: {
        source: [catalogue.OrderStatusChanged.source],
        'detail-type': ['OrderStatusChanged'],
        detail: { to: ['delivered', 'returned'] },
      },
    },
    {
      name: 'apply-order-import',
      function: 'applyOrderImport',
      pattern: {
        source: [importEvents.ImportChunkDue.source],
        'detail-type': ['ImportChunkDue'],
        detail: { importer: ['orders'] },
      },
    },
  ],
  schedules: [
    // Nightly, after the day's deliveries: segments are read by campaigns and case SLAs the next day.
    {
      name: 'assign-segments',
      function: 'assignSegments',
      expression: 'cron(30 2 * * ? *)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
