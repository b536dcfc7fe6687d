import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { erpProblems } from './problems.js';

const dir = 'functions/erp/handlers';
const erp = { scopes: ['erp:write'] } as const;

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
} as const satisfies Record<string, RouteDeclaration>;

/** The firm's ERP keeps the books: it posts invoices, e-invoice ids and payments back onto orders. */
export const erpUseCase: UseCaseManifest = {
  name: 'erp',
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
  },
  routes: routeList(erpRoutes),
  subscriptions: [],
  schedules: [],
};
