// Privacy (KVKK): a person's data on request, their erasure, and the record of both. It reads every
// module's part of the customer record and asks each what erasure does to its items, so it sits above
// them all and none imports it.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { privacyProblems } from './problems.js';

const dir = 'functions/privacy/handlers';

/** Each route once, by name: a handler binds to `privacyRoutes.x`, so a path is written only here. */
export const privacyRoutes = {
  accessRequest: {
    method: 'POST',
    path: '/privacy/access-requests',
    function: 'accessRequest',
    auth: { scopes: ['privacy:read'] },
    summary:
      "A person's access request (KVKK art. 11): everything the CRM holds about them, found by customer number, e-mail or phone, as data and as a document in their language; recorded",
    request: { params: null, query: null, body: { schema: api.subjectBody, maxBytes: 1024 } },
    responses: { 200: { description: 'Everything held about the person', json: api.accessAnswer } },
  },
  erasePerson: {
    method: 'POST',
    path: '/privacy/erasures',
    function: 'erasePerson',
    auth: { scopes: ['privacy:erase'] },
    summary:
      "Erases a person (KVKK art. 7): their items and every copy of their details; finished orders' amounts and consent evidence kept anonymised; a keyed hash of each detail left; recorded",
    request: { params: null, query: null, body: { schema: api.subjectBody, maxBytes: 1024 } },
    responses: { 200: { description: 'Erased: what was deleted and what was kept', json: api.erasureAnswer } },
  },
  listPrivacyRequests: {
    method: 'GET',
    path: '/privacy/requests',
    function: 'listPrivacyRequests',
    auth: { scopes: ['privacy:read'] },
    summary: 'Every access and erasure request: who asked about which customer, when, through which route',
    request: { params: null, query: api.requestsQuery, body: null },
    responses: { 200: { description: 'The requests, newest first', json: api.requestsPage } },
  },
  registerSubjectRequest: {
    method: 'POST',
    path: '/privacy/subject-requests',
    function: 'subjectRequests',
    auth: { scopes: ['privacy:read'] },
    summary:
      "Registers a person's request (to see their data, or to have it erased) as received now: due in 30 days (KVKK art. 13)",
    request: { params: null, query: null, body: { schema: api.subjectRequestBody, maxBytes: 1024 } },
    responses: { 201: { description: 'The request, open', json: api.subjectRequest } },
  },
  listSubjectRequests: {
    method: 'GET',
    path: '/privacy/subject-requests',
    function: 'subjectRequests',
    auth: { scopes: ['privacy:read'] },
    summary: 'Subject requests, newest received first, each with its status and due date; `status` keeps one status',
    request: { params: null, query: api.subjectRequestsQuery, body: null },
    responses: { 200: { description: 'A page of requests', json: api.subjectRequestsPage } },
  },
  getSubjectRequest: {
    method: 'GET',
    path: '/privacy/subject-requests/{requestId}',
    function: 'subjectRequests',
    auth: { scopes: ['privacy:read'] },
    summary:
      "A subject request, the moves the caller may make, and while it is open what answering gives: the export's contents or the erasure's plan",
    request: { params: api.subjectRequestParams, query: null, body: null },
    responses: { 200: { description: 'The request', json: api.subjectRequestDetail } },
  },
  completeSubjectRequest: {
    method: 'POST',
    path: '/privacy/subject-requests/{requestId}/complete',
    function: 'subjectRequests',
    auth: { scopes: ['privacy:read'] },
    summary:
      'Answers an open request at the seq read: the export (recorded as an access request), or the erasure (needs privacy:erase); once',
    request: { params: api.subjectRequestParams, query: null, body: { schema: api.completeBody, maxBytes: 256 } },
    responses: { 200: { description: 'Answered', json: api.completedSubjectRequest } },
  },
  refuseSubjectRequest: {
    method: 'POST',
    path: '/privacy/subject-requests/{requestId}/refuse',
    function: 'subjectRequests',
    auth: { scopes: ['privacy:read'] },
    summary: 'Refuses an open request at the seq read, with the reason the person is told',
    request: { params: api.subjectRequestParams, query: null, body: { schema: api.refuseBody, maxBytes: 2048 } },
    responses: { 200: { description: 'Refused', json: api.subjectRequest } },
  },
  listRecordReads: {
    method: 'GET',
    path: '/privacy/record-reads',
    function: 'listRecordReads',
    auth: { scopes: ['privacy:read'] },
    summary:
      "The read log: who read one customer's record (`customerId`), or whose records one staff member read (`userId`), when and through which route, newest first",
    request: { params: null, query: api.readsQuery, body: null },
    responses: { 200: { description: 'A page of the log', json: api.readsPage } },
  },
  getRetentionRules: {
    method: 'GET',
    path: '/privacy/retention-rules',
    function: 'retention',
    auth: { scopes: ['privacy:read'] },
    summary:
      'The retention rules in force: days without activity after which a lead, and a customer, are due for erasure',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The rules (the defaults at seq 0)', json: api.storedRetentionRules } },
  },
  setRetentionRules: {
    method: 'PUT',
    path: '/privacy/retention-rules',
    function: 'retention',
    auth: { scopes: ['privacy:erase'] },
    summary: 'Replaces the retention rules, guarded by the seq the caller read (a stale save is a 409)',
    request: { params: null, query: null, body: { schema: api.retentionRulesChange, maxBytes: 1024 } },
    responses: { 200: { description: 'The rules saved', json: api.storedRetentionRules } },
  },
  listRetention: {
    method: 'POST',
    path: '/privacy/retention-runs',
    function: 'retention',
    auth: { scopes: ['privacy:erase'] },
    summary:
      'A dry run of retention: lists every lead and customer due under the rules, for review, and records the list; erases nothing',
    request: { params: null, query: null, body: null },
    responses: { 201: { description: 'The list, recorded', json: api.retentionRun } },
  },
  eraseRetention: {
    method: 'POST',
    path: '/privacy/retention-runs/{runId}/erase',
    function: 'retention',
    auth: { scopes: ['privacy:erase'] },
    summary:
      "Erases a reviewed dry run's people who are still due, through the erasure (each recorded); a run is erased once",
    request: { params: api.retentionRunParams, query: null, body: null },
    responses: { 200: { description: 'What was erased, and why the others were not', json: api.retentionRun } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const privacy: UseCaseManifest = {
  name: 'privacy',
  problems: privacyProblems,
  scopes: {
    // The firm's data protection contact answers people's KVKK requests: an admin, and never on a password alone.
    'privacy:read': {
      en: 'Everything the CRM holds about one person (KVKK access)',
      tr: 'Bir kişi hakkında tutulan her şey (KVKK erişim)',
      grantedTo: ['admin'],
      mfa: true,
    },
    'privacy:erase': {
      en: 'Erase a person (KVKK erasure)',
      tr: 'Bir kişiyi siler (KVKK silme)',
      grantedTo: ['admin'],
      mfa: true,
    },
  },
  functions: {
    accessRequest: {
      entry: `${dir}/access-request.ts`,
      description: "Privacy staff: a person's access request",
      uses: { table: 'write' },
    },
    erasePerson: {
      entry: `${dir}/erase-person.ts`,
      description: 'Privacy staff: erase a person',
      timeoutSeconds: 29,
      memoryMb: 1024,
      uses: { table: 'write', signingSecret: true },
    },
    retention: {
      entry: `${dir}/retention.ts`,
      description: 'Privacy staff: retention rules, dry runs and their erasure',
      timeoutSeconds: 29,
      memoryMb: 1024,
      uses: { table: 'write', signingSecret: true },
    },
    retentionJob: {
      entry: `${dir}/retention-job.ts`,
      description: 'Erases whoever the retention rules make due, weekly; with input dryRun only lists them',
      timeoutSeconds: 900,
      memoryMb: 1024,
      uses: { table: 'write', signingSecret: true },
    },
    subjectRequests: {
      entry: `${dir}/subject-requests.ts`,
      description: "Privacy staff: people's requests registered, listed, answered (export or erasure) or refused",
      timeoutSeconds: 29,
      memoryMb: 1024,
      uses: { table: 'write', signingSecret: true },
    },
    listPrivacyRequests: {
      entry: `${dir}/list-requests.ts`,
      description: 'Privacy staff: the record of access and erasure requests',
      uses: { table: 'read' },
    },
    listRecordReads: {
      entry: `${dir}/list-record-reads.ts`,
      description: "Privacy staff: who read a customer's record, or what a staff member read",
      uses: { table: 'read' },
    },
  },
  routes: routeList(privacyRoutes),
  subscriptions: [],
  schedules: [
    {
      name: 'retention-job',
      function: 'retentionJob',
      // Mondays before the working day: whoever a run erases is gone before staff look them up.
      expression: 'cron(0 4 ? * MON *)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
