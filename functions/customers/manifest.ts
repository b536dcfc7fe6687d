import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import * as mergeApi from './merge-schemas.js';

const dir = 'functions/customers/handlers';
const read = { scopes: ['customers:read'] } as const;

/** Each route once, by name: a handler binds to `customerRoutes.x`, so a path is written only here. */
export const customerRoutes = {
  // Before `/customers/{customerId}`: the local API takes the first route that matches (API Gateway
  // prefers the literal segment on its own).
  lookupCustomer: {
    method: 'GET',
    path: '/customers/lookup',
    function: 'lookupCustomer',
    auth: read,
    summary: 'Call center: the caller by phone (any common form) or e-mail, with their open quotes, recent orders and leads',
    request: { params: null, query: api.lookupQuery, body: null },
    responses: { 200: { description: 'The caller, in one compact view', json: api.lookupView } },
  },
  getCustomer: {
    method: 'GET',
    path: '/customers/{customerId}',
    function: 'getCustomer',
    auth: read,
    summary: 'The whole customer record: profile, consents, leads, quotes and orders (each capped, newest first)',
    request: { params: api.customerParams, query: null, body: null },
    responses: { 200: { description: 'The customer', json: api.customerRecord } },
  },
  // ---- merge -------------------------------------------------------------------------------------
  mergeCustomers: {
    method: 'POST',
    path: '/customers/{customerId}/merge',
    function: 'mergeCustomers',
    auth: { scopes: ['customers:merge'] },
    summary: 'Merge a duplicate into this customer: every item of theirs moves here, their markers and old id point here',
    request: { params: mergeApi.mergeParams, query: null, body: { schema: mergeApi.mergeBody, maxBytes: 1024 } },
    responses: {
      200: { description: 'Merged', json: mergeApi.mergeResult },
      202: { description: 'Started and partly moved; the finish-merges sweep (or the same POST again) finishes it', json: mergeApi.mergeResult },
    },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const customersUseCase: UseCaseManifest = {
  name: 'customers',
  functions: {
    lookupCustomer: { entry: `${dir}/lookup-customer.ts`, description: 'Call center: find the caller by phone or e-mail', uses: { table: 'read' } },
    getCustomer: { entry: `${dir}/get-customer.ts`, description: 'Staff: one customer with everything in their partition', uses: { table: 'read' } },
    // merge
    mergeCustomers: {
      entry: `${dir}/merge-customers.ts`,
      description: 'Staff: merge a duplicate customer into another',
      timeoutSeconds: 29,
      uses: { table: 'write' },
    },
    finishMerges: {
      entry: `${dir}/finish-merges.ts`,
      description: 'Finishes customer merges whose run stopped',
      timeoutSeconds: 300,
      uses: { table: 'write' },
    },
  },
  routes: routeList(customerRoutes),
  subscriptions: [],
  schedules: [
    // merge
    { name: 'finish-merges', function: 'finishMerges', expression: 'rate(5 minutes)', timezone: 'Europe/Istanbul' },
  ],
};
