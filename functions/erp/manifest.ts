import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { erpProblems } from './problems.js';

const dir = 'functions/erp/handlers';
const erp = { scopes: ['erp:write'] } as const;
const quotesRead = { scopes: ['quotes:read'] } as const;
const ordersRead = { scopes: ['orders:read'] } as const;
const ordersWrite = { scopes: ['orders:write'] } as const;
const stockGet = <P, Q>(path: string, summary: string, params: P, query: Q) =>
  ({ method: 'GET', path, function: 'stockReads', summary, request: { params, query, body: null } }) as const;

/** Each route once, by name: a handler binds to `erpRoutes.x`. */
export const erpRoutes = {
  postInvoice: {
    method: 'POST',
    path: '/erp/invoices',
    function: 'erpPostings',
    auth: erp,
    summary:
      "The ERP posts an order's invoice number and e-Fatura / e-Arşiv id; the same invoice posted again is recorded once",
    request: { params: null, query: null, body: { schema: api.invoiceBody, maxBytes: 8 * 1024 } },
    responses: {
      200: { description: 'Posted before: nothing changed', json: api.invoicePosted },
      201: { description: 'Recorded', json: api.invoicePosted },
    },
  },
  postPayment: {
    method: 'POST',
    path: '/erp/payments',
    function: 'erpPostings',
    auth: erp,
    summary: 'The ERP posts a payment received against an order; the same payment posted again is recorded once',
    request: { params: null, query: null, body: { schema: api.paymentBody, maxBytes: 8 * 1024 } },
    responses: {
      200: { description: 'Posted before: nothing changed', json: api.paymentPosted },
      201: { description: 'Recorded', json: api.paymentPosted },
    },
  },
  stockLevels: {
    ...stockGet(
      '/stock',
      "The quote builder: each product's stock at the ERP (on hand, reserved, available); erp `off` without an ERP",
      null,
      api.stockQuery,
    ),
    auth: quotesRead,
    responses: { 200: { description: 'The stock, or why there is none', json: api.stockLevels } },
  },
  quoteStock: {
    ...stockGet(
      '/quotes/{quoteId}/stock',
      "A quote's lines against the ERP's stock: what it could reserve now and what would have to be bought in",
      api.quoteParams,
      null,
    ),
    auth: quotesRead,
    responses: { 200: { description: "The quote's lines with their stock", json: api.quoteStock } },
  },
  orderStock: {
    ...stockGet(
      '/orders/{orderId}/stock',
      "An order's stock check: pending while the ERP does not answer, then checked once, with its purchase requests",
      api.orderParams,
      null,
    ),
    auth: ordersRead,
    responses: { 200: { description: "The order's stock check", json: api.orderStock } },
  },
  purchaseRequests: {
    ...stockGet(
      '/purchase-requests',
      "A unit's open purchase requests, oldest first (a unit's people: their own; by default the purchasing unit's)",
      null,
      api.purchaseRequestsQuery,
    ),
    auth: ordersRead,
    responses: { 200: { description: 'The open purchase requests', json: api.purchaseRequestList } },
  },
  actOnPurchaseRequest: {
    method: 'POST',
    path: '/purchase-requests/{purchaseRequestId}/{action}',
    function: 'actOnPurchaseRequest',
    idempotency: { key: 'optional' },
    auth: ordersWrite,
    summary:
      'Purchasing: order (`supplierRef`, `expectedOn`), receive or cancel (`reason`) a purchase request; ' +
      'a 409 carries where it is now (status, seq, allowed moves)',
    request: {
      params: api.purchaseActionParams,
      query: null,
      body: { schema: api.purchaseActionBody, maxBytes: 4096, optional: true },
    },
    responses: { 200: { description: 'Moved', json: api.movedPurchaseRequest } },
  },
} as const satisfies Record<string, RouteDeclaration>;

/**
 * The firm's ERP keeps the books: it posts invoices, e-invoice ids and payments back onto orders, and it
 * answers for stock: shown in the quote builder, checked once per order, shortfalls bought in.
 */
export const erpUseCase: UseCaseManifest = {
  name: 'erp',
  events,
  recordParts: { invoices: { place: 100 }, payments: { place: 110 } },
  problems: erpProblems,
  scopes: {
    // The firm's ERP posting invoices and payments back: an integration key, never a person's sign-in.
    'erp:write': {
      en: 'Post invoices, e-invoice ids and payments back from the ERP',
      tr: "ERP'den fatura, e-fatura numarası ve ödeme bildirir",
      grantedTo: [],
    },
  },
  functions: {
    erpPostings: {
      entry: `${dir}/erp-postings.ts`,
      description: "The ERP: post an order's invoices and payments, each once",
      uses: { table: 'write' },
    },
    stockReads: {
      entry: `${dir}/stock-reads.ts`,
      description: "Staff: products' and quotes' stock at the ERP, an order's stock check, purchase requests",
      uses: { table: 'read', erp: true },
    },
    checkOrderStock: {
      entry: `${dir}/check-order-stock.ts`,
      description: "Checks a new order's lines against the ERP's stock once; shortfalls become purchase requests",
      uses: { table: 'write', erp: true },
    },
    retryStockChecks: {
      entry: `${dir}/retry-stock-checks.ts`,
      description: 'Asks the ERP again about stock checks it did not answer',
      uses: { table: 'write', erp: true },
    },
    actOnPurchaseRequest: {
      entry: `${dir}/act-on-purchase-request.ts`,
      description: 'The purchasing unit: move a purchase request (ordered, received, cancelled)',
      uses: { table: 'write' },
    },
    mailPurchasing: {
      entry: `${dir}/mail-purchasing.ts`,
      description: 'Mails the purchasing unit a new purchase request, once',
      uses: { table: 'write', mail: true },
    },
    purchaseSla: {
      entry: `${dir}/purchase-sla.ts`,
      description: 'Marks purchase requests still open past their SLA overdue, once',
      uses: { table: 'write' },
    },
  },
  routes: routeList(erpRoutes),
  subscriptions: [
    {
      name: 'check-order-stock',
      function: 'checkOrderStock',
      pattern: { source: [catalogue.OrderCreated.source], 'detail-type': ['OrderCreated'] },
    },
    {
      name: 'mail-purchasing',
      function: 'mailPurchasing',
      pattern: { source: [events.PurchaseRequested.source], 'detail-type': ['PurchaseRequested'] },
    },
  ],
  schedules: [
    // A check the ERP did not answer is asked again five minutes on; the run keeps to that pace.
    {
      name: 'retry-stock-checks',
      function: 'retryStockChecks',
      expression: 'rate(5 minutes)',
      timezone: 'Europe/Istanbul',
    },
    // A purchase request's SLA is hours: a quarter of an hour late at most.
    { name: 'purchase-sla', function: 'purchaseSla', expression: 'rate(15 minutes)', timezone: 'Europe/Istanbul' },
  ],
};
