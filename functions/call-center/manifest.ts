import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { createRequestSchema, requestActionSchema } from './domain/request-input.js';
import { events } from './events.js';
import { callCenterProblems } from './problems.js';

const dir = 'functions/call-center/handlers';
const read = { scopes: ['requests:read'] } as const;
const write = { scopes: ['requests:write'] } as const;

/** Each route once, by name: a handler binds to `requestRoutes.x`, so a path is written only here. */
export const requestRoutes = {
  createRequest: {
    method: 'POST',
    path: '/customers/{customerId}/requests',
    function: 'createRequest',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      "Call center: a test drive, service, appraisal, information or quote request sent to the customer's dealer (Idempotency-Key: a retry records one)",
    request: { params: api.customerParams, query: null, body: { schema: createRequestSchema, maxBytes: 8 * 1024 } },
    responses: {
      201: { description: 'Recorded and sent to the dealer', json: api.recordedRequest, headers: ['location'] },
    },
  },
  listDealers: {
    method: 'GET',
    path: '/dealers',
    function: 'listDealers',
    auth: { scopes: ['customers:read'] },
    summary: "The directory's dealers by name: the ones a customer may prefer and a request goes to",
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The dealers', json: api.dealerList } },
  },
  listRequests: {
    method: 'GET',
    path: '/requests',
    function: 'listRequests',
    auth: read,
    summary: "Requests, newest first (active ones unless a status is named); a dealer's people see only their dealer's",
    request: { params: null, query: api.listRequestsQuery, body: null },
    responses: { 200: { description: 'A page of requests', json: api.requestPage } },
  },
  getRequest: {
    method: 'GET',
    path: '/requests/{requestId}',
    function: 'getRequest',
    auth: read,
    summary: 'One request with its history (a request the caller may not see is not found)',
    request: { params: api.requestParams, query: null, body: null },
    responses: { 200: { description: 'The request', json: api.requestWithHistory } },
  },
  actOnRequest: {
    method: 'POST',
    path: '/requests/{requestId}/{action}',
    function: 'actOnRequest',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      'accept, schedule (with `at`), done, decline (with `reason`) or cancel a request, guarded by the seq the caller saw',
    request: {
      params: api.actionParams,
      query: null,
      body: { schema: requestActionSchema, maxBytes: 4096, optional: true },
    },
    responses: { 200: { description: 'Moved', json: api.movedRequest } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const callCenter: UseCaseManifest = {
  name: 'call-center',
  events,
  recordParts: { requests: { place: 80 } },
  problems: callCenterProblems,
  scopes: {
    'requests:read': {
      en: 'Read requests routed to dealers',
      tr: 'Bayilere yönlendirilen istekleri okur',
      grantedTo: ['rep', 'manager', 'director', 'agent', 'dealer', 'admin'],
    },
    'requests:write': {
      en: 'Book requests for dealers and answer them',
      tr: 'Bayiler için istek kaydeder ve yanıtlar',
      grantedTo: ['manager', 'director', 'agent', 'dealer'],
    },
  },
  functions: {
    createRequest: {
      entry: `${dir}/create-request.ts`,
      description: "Call center: record a request for the customer's dealer",
      uses: { table: 'write' },
    },
    listDealers: {
      entry: `${dir}/list-dealers.ts`,
      description: "Staff: the directory's dealers",
      uses: { table: 'read' },
    },
    listRequests: {
      entry: `${dir}/list-requests.ts`,
      description: 'Dealers and staff: list requests',
      uses: { table: 'read' },
    },
    getRequest: {
      entry: `${dir}/get-request.ts`,
      description: 'Dealers and staff: one request with its history',
      uses: { table: 'read' },
    },
    actOnRequest: {
      entry: `${dir}/act-on-request.ts`,
      description: 'Dealers and staff: move a request along its lifecycle',
      uses: { table: 'write' },
    },
    mailDealer: {
      entry: `${dir}/mail-dealer.ts`,
      description: "Mails the dealer's people a new request",
      uses: { table: 'write', mail: true },
    },
    mailPassedOn: {
      entry: `${dir}/mail-passed-on.ts`,
      description: "Mails the next dealer's people a request another dealer declined",
      uses: { table: 'write', mail: true },
    },
    remindUnaccepted: {
      entry: `${dir}/remind-unaccepted.ts`,
      description: 'Flags open requests past their acceptance target',
      uses: { table: 'write' },
    },
    mailOverdue: {
      entry: `${dir}/mail-overdue.ts`,
      description: "Reminds the dealer's people of a request still waiting",
      uses: { table: 'write', mail: true },
    },
  },
  routes: routeList(requestRoutes),
  subscriptions: [
    {
      name: 'mail-request-dealer',
      function: 'mailDealer',
      pattern: { source: [events.RequestCreated.source], 'detail-type': ['RequestCreated'] },
    },
    {
      name: 'mail-request-passed-on',
      function: 'mailPassedOn',
      pattern: { source: [events.RequestPassedOn.source], 'detail-type': ['RequestPassedOn'] },
    },
    {
      name: 'mail-request-overdue',
      function: 'mailOverdue',
      pattern: { source: [events.RequestAcceptanceOverdue.source], 'detail-type': ['RequestAcceptanceOverdue'] },
    },
  ],
  // Every 15 minutes: a reminder goes out within a quarter of an hour of its business-hours target.
  schedules: [
    {
      name: 'remind-unaccepted-requests',
      function: 'remindUnaccepted',
      expression: 'rate(15 minutes)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
