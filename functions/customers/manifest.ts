import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import type * as z from '../../shared/schema.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import * as mergeApi from './merge-schemas.js';
import { customersProblems } from './problems.js';

const dir = 'functions/customers/handlers';
const read = { scopes: ['customers:read'] } as const;
const write = { scopes: ['customers:write'] } as const;

/** A write's body: a profile or a contact person is a few hundred bytes. */
const body = <S extends z.core.$ZodType>(schema: S) => ({ schema, maxBytes: 16 * 1024 });

/** Each route once, by name: a handler binds to `customerRoutes.x`, so a path is written only here. */
export const customerRoutes = {
  listCustomers: {
    method: 'GET',
    path: '/customers',
    function: 'listCustomers',
    auth: read,
    summary:
      'Customers by name (q: a name prefix, Turkish case folded), filtered by sector, region, city, owner, group, tag and segment',
    request: { params: null, query: api.listCustomersQuery, body: null },
    responses: { 200: { description: 'A page of the directory, sorted by name', json: api.customerList } },
  },
  createCustomer: {
    method: 'POST',
    path: '/customers',
    function: 'createCustomer',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      'Create a customer: its e-mail and phone are claimed (409 contact-taken if another customer has one); once per Idempotency-Key',
    request: { params: null, query: null, body: body(api.createCustomerBody) },
    responses: { 201: { description: 'Created', json: api.customerAnswer, headers: ['location'] } },
  },
  editCustomer: {
    method: 'PATCH',
    path: '/customers/{customerId}',
    function: 'editCustomer',
    auth: write,
    summary: 'Edit the profile at the seq read (stale → 409 customer-changed); a new e-mail or phone moves its marker',
    request: { params: api.customerParams, query: null, body: body(api.editCustomerBody) },
    responses: { 200: { description: 'The profile as it is now', json: api.customerAnswer } },
  },
  addContact: {
    method: 'POST',
    path: '/customers/{customerId}/contacts',
    function: 'customerContacts',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      'Add a contact person; their e-mail and phone are unique within the customer (409 contact-taken) and may repeat across companies',
    request: { params: api.customerParams, query: null, body: body(api.addContactBody) },
    responses: { 201: { description: 'Added', json: api.contactAnswer, headers: ['location'] } },
  },
  editContact: {
    method: 'PATCH',
    path: '/customers/{customerId}/contacts/{contactId}',
    function: 'customerContacts',
    auth: write,
    summary: 'Edit a contact person at the seq read (stale → 409 contact-changed)',
    request: { params: api.contactParams, query: null, body: body(api.editContactBody) },
    responses: { 200: { description: 'The contact person as they are now', json: api.contactAnswer } },
  },
  removeContact: {
    method: 'DELETE',
    path: '/customers/{customerId}/contacts/{contactId}',
    function: 'customerContacts',
    auth: write,
    summary: 'Remove a contact person and release their e-mail and phone',
    request: { params: api.contactParams, query: null, body: null },
    responses: { 204: { description: 'Removed' } },
  },
  // ---- merge -------------------------------------------------------------------------------------
  mergeCustomers: {
    method: 'POST',
    path: '/customers/{customerId}/merge',
    function: 'mergeCustomers',
    idempotency: { key: 'optional' },
    auth: { scopes: ['customers:merge'] },
    summary:
      'Merge a duplicate into this customer: every item of theirs moves here, their markers and old id point here',
    request: { params: mergeApi.mergeParams, query: null, body: { schema: mergeApi.mergeBody, maxBytes: 1024 } },
    responses: {
      200: { description: 'Merged', json: mergeApi.mergeResult },
      202: {
        description: 'Started and partly moved; the finish-merges sweep (or the same POST again) finishes it',
        json: mergeApi.mergeResult,
      },
    },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const customersUseCase: UseCaseManifest = {
  name: 'customers',
  events,
  recordParts: { contacts: { place: 50 } },
  problems: customersProblems,
  scopes: {
    'customers:read': {
      en: 'Read customers and their records',
      tr: 'Müşterileri ve kayıtlarını okur',
      grantedTo: ['rep', 'manager', 'director', 'agent', 'admin', 'marketer'],
    },
    'customers:write': {
      en: 'Create and edit customers and their contact people',
      tr: 'Müşteri ve ilgili kişileri oluşturur, düzenler',
      grantedTo: ['rep', 'manager', 'director', 'agent'],
    },
    'customers:merge': {
      en: 'Merge duplicate customers',
      tr: 'Mükerrer müşterileri birleştirir',
      grantedTo: ['manager', 'director'],
    },
  },
  functions: {
    listCustomers: {
      entry: `${dir}/list-customers.ts`,
      description: 'Staff: the customer directory, sorted and filtered',
      uses: { table: 'read' },
    },
    createCustomer: {
      entry: `${dir}/create-customer.ts`,
      description: 'Staff: create a customer',
      uses: { table: 'write' },
    },
    editCustomer: {
      entry: `${dir}/edit-customer.ts`,
      description: "Staff: edit a customer's profile",
      uses: { table: 'write' },
    },
    customerContacts: {
      entry: `${dir}/customer-contacts.ts`,
      description: "Staff: a customer's contact people",
      uses: { table: 'write' },
    },
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
