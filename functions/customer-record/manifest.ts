// The customer record: the whole record, one part of it, and the call center's lookup. It reads the
// parts every module contributes, so it sits above them all; only the privacy module imports it (its
// public.ts: the parts, and the read log each of these routes writes — hence `table: 'write'`).
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { customerRecordProblems } from './problems.js';

const dir = 'functions/customer-record/handlers';
const read = { scopes: ['customers:read'] } as const;

/** Each route once, by name: a handler binds to `customerRecordRoutes.x`, so a path is written only here. */
export const customerRecordRoutes = {
  lookupCustomer: {
    method: 'GET',
    path: '/customers/lookup',
    function: 'lookupCustomer',
    auth: read,
    // Two reads and their read log, no change to any record: a person's daily count goes beside them.
    readOnly: true,
    summary:
      "Call center: every customer with this phone (any common form) or e-mail, as theirs or a contact person's, each with open quotes and cases, recent orders and leads",
    request: { params: null, query: api.lookupQuery, body: null },
    responses: { 200: { description: 'The matches (one or several), each in one compact view', json: api.lookupView } },
  },
  getCustomer: {
    method: 'GET',
    path: '/customers/{customerId}',
    function: 'getCustomer',
    auth: read,
    summary:
      'The whole customer record: profile, consents, and the first page of each part (leads, quotes, orders, cases, contacts…) with its cursor',
    request: { params: api.customerParams, query: null, body: null },
    responses: { 200: { description: 'The customer', json: api.customerRecord } },
  },
  getCustomerPart: {
    method: 'GET',
    path: '/customers/{customerId}/{part}',
    function: 'getCustomerPart',
    auth: read,
    summary: 'One part of the record, newest first, paged with the cursor the record or the previous page gave',
    request: { params: api.partParams, query: api.partPageQuery, body: null },
    responses: { 200: { description: 'A page of the part', json: api.partPage } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const customerRecord: UseCaseManifest = {
  name: 'customer-record',
  problems: customerRecordProblems,
  functions: {
    lookupCustomer: {
      entry: `${dir}/lookup-customer.ts`,
      description: 'Call center: find the caller by phone or e-mail',
      uses: { table: 'write' },
    },
    getCustomer: {
      entry: `${dir}/get-customer.ts`,
      description: 'Staff: one customer with everything in their partition',
      uses: { table: 'write' },
    },
    getCustomerPart: {
      entry: `${dir}/get-customer-part.ts`,
      description: "Staff: one part of a customer's record, paged",
      uses: { table: 'write' },
    },
  },
  routes: routeList(customerRecordRoutes),
  subscriptions: [],
  schedules: [],
};
