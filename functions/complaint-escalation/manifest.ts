import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { caseIntakeSchema } from './domain/case-input.js';
import { webCaseSchema } from './domain/web-case.js';
import { events } from './events.js';
import { complaintEscalationProblems } from './problems.js';

const dir = 'functions/complaint-escalation/handlers';

const page = (description: string) => ({ description, media: 'text/html' }) as const;
const surveyPages = {
  200: page('The survey, or the thank-you page'),
  410: page('The link is invalid, expired or used'),
} as const;
const read = { scopes: ['cases:read'] } as const;
const write = { scopes: ['cases:write'] } as const;

/** Each route once, by name: a handler binds to `caseRoutes.x`, so a path is written only here. */
export const caseRoutes = {
  openCase: {
    method: 'POST',
    path: '/cases',
    function: 'openCase',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      'Open a case (staff, call center): routed by category, SLA clock started (Idempotency-Key: a retry opens one case)',
    request: { params: null, query: null, body: { schema: caseIntakeSchema, maxBytes: 16 * 1024 } },
    responses: { 201: { description: 'Opened', json: api.openedCase, headers: ['location'] } },
  },
  openWebCase: {
    method: 'POST',
    path: '/cases/web',
    function: 'webIntake',
    idempotency: { key: 'optional', formField: 'idempotencyKey' },
    auth: 'public',
    summary:
      'Open a case from a web form (JSON or a plain HTML form post): honeypot, size limit, origin check, Idempotency-Key',
    request: {
      params: null,
      query: null,
      body: {
        schema: webCaseSchema,
        maxBytes: 16 * 1024,
        media: ['application/json', 'application/x-www-form-urlencoded'],
      },
    },
    responses: {
      201: { description: 'Opened', json: api.openedWebCase },
      202: { description: 'Received (the honeypot was filled: nothing is stored)', json: api.receivedWebCase },
      303: { description: 'A form with `redirect`: on to the thank-you page', headers: ['location'] },
    },
  },
  webCasePreflight: {
    method: 'OPTIONS',
    path: '/cases/web',
    function: 'webIntake',
    auth: 'public',
    summary: 'CORS preflight for case posts from the allowed origins',
    request: { params: null, query: null, body: null },
    responses: { 204: { description: 'Allowed; the CORS headers name the origin' } },
  },
  caseForm: {
    method: 'GET',
    path: '/forms/case',
    function: 'webIntake',
    auth: 'public',
    summary: 'A demo HTML complaint and request form that posts to /cases/web without JavaScript',
    request: { params: null, query: api.languageQuery, body: null },
    responses: { 200: page('The form') },
  },
  listCases: {
    method: 'GET',
    path: '/cases',
    function: 'listCases',
    auth: read,
    summary:
      "List cases, newest first (active ones unless a status is named), by unit, opener, age or today's SLA breaches; a department's people see its cases",
    request: { params: null, query: api.listCasesQuery, body: null },
    responses: { 200: { description: 'A page of cases', json: api.casePage } },
  },
  exportCases: {
    method: 'GET',
    path: '/cases/export',
    function: 'listCases',
    auth: read,
    summary:
      'Every case the list filter finds (not one page), as CSV (BOM, formula-safe cells) unless ?format=json; at most 10,000',
    request: { params: null, query: api.exportCasesQuery, body: null },
    responses: { 200: { description: 'The cases', json: api.caseExport, csv: true } },
  },
  getCase: {
    method: 'GET',
    path: '/cases/{caseId}',
    function: 'getCase',
    auth: read,
    summary: 'One case with its history (a case the caller may not see is not found)',
    request: { params: api.caseParams, query: null, body: null },
    responses: { 200: { description: 'The case', json: api.caseWithHistory } },
  },
  changeCaseStatus: {
    method: 'POST',
    path: '/cases/{caseId}/status',
    function: 'changeCaseStatus',
    auth: write,
    summary:
      'Move a case along its lifecycle (waiting_customer pauses the SLA clock), guarded by the seq the caller saw',
    request: { params: api.caseParams, query: null, body: { schema: api.changeCaseStatusBody, maxBytes: 2048 } },
    responses: { 200: { description: 'Moved', json: api.caseStatusChanged } },
  },
  caseReport: {
    method: 'GET',
    path: '/reports/cases',
    function: 'caseReport',
    auth: read,
    summary:
      'Case figures by unit and month opened: volume, open/closed, overdue, SLA attainment, mean times in business minutes, satisfaction',
    request: { params: null, query: api.caseReportQuery, body: null },
    responses: { 200: { description: 'The report', json: api.caseReport } },
  },
  valuableComplainants: {
    method: 'GET',
    path: '/reports/cases/valuable-complainants',
    function: 'caseReport',
    auth: read,
    summary:
      'A customers (segment when the complaint was opened) who complained in the last 12 months, most complaints first',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The customers', json: api.valuableComplainants } },
  },
  surveyPage: {
    method: 'GET',
    path: '/case-links/survey',
    function: 'surveyPage',
    auth: 'public',
    summary: "The customer's signed survey link: a 1–5 score and a comment (a GET changes nothing)",
    request: { params: null, query: api.tokenQuery, body: null },
    responses: surveyPages,
  },
  answerSurvey: {
    method: 'POST',
    path: '/case-links/survey',
    function: 'surveyPage',
    auth: 'public',
    summary: 'Records the survey answer on the case, once per link',
    request: {
      params: null,
      query: null,
      body: { schema: api.surveyForm, maxBytes: 8192, media: ['application/x-www-form-urlencoded'] },
    },
    responses: { ...surveyPages, 400: page('The form again, saying what to fix') },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const complaintEscalation: UseCaseManifest = {
  name: 'complaint-escalation',
  events,
  recordParts: { cases: { place: 40 } },
  problems: complaintEscalationProblems,
  scopes: {
    'cases:read': {
      en: 'Read cases',
      tr: 'Talep ve şikâyetleri okur',
      grantedTo: ['rep', 'manager', 'director', 'agent', 'dealer', 'admin'],
    },
    'cases:write': {
      en: 'Open, move and resolve cases',
      tr: 'Talep ve şikâyet açar, ilerletir, çözer',
      grantedTo: ['rep', 'manager', 'director', 'agent', 'dealer'],
    },
  },
  functions: {
    openCase: { entry: `${dir}/open-case.ts`, description: 'Staff: open a case', uses: { table: 'write' } },
    webIntake: {
      entry: `${dir}/web-intake.ts`,
      description: 'Public web form and JSON case intake, and the demo form',
      uses: { table: 'write' },
    },
    listCases: { entry: `${dir}/list-cases.ts`, description: 'Staff: list cases', uses: { table: 'read' } },
    getCase: { entry: `${dir}/get-case.ts`, description: 'Staff: one case with its history', uses: { table: 'read' } },
    changeCaseStatus: {
      entry: `${dir}/change-case-status.ts`,
      description: 'Staff: move a case along its lifecycle',
      uses: { table: 'write' },
    },
    notifyUnit: {
      entry: `${dir}/notify-unit.ts`,
      description: 'Mails the department or dealer a new case',
      uses: { table: 'write', mail: true },
    },
    acknowledgeCustomer: {
      entry: `${dir}/acknowledge-customer.ts`,
      description: 'Mails the customer the case number, in their language',
      uses: { table: 'write', mail: true },
    },
    sweepCaseSla: {
      entry: `${dir}/sweep-case-sla.ts`,
      description: 'Warns and escalates cases on the SLA ladder',
      uses: { table: 'write' },
    },
    notifyEscalation: {
      entry: `${dir}/notify-escalation.ts`,
      description: 'Mails the supervisor or manager a case escalated to them',
      uses: { table: 'write', mail: true },
    },
    caseReport: {
      entry: `${dir}/case-reports.ts`,
      description: 'Case figures by unit and month, and valuable complainants',
      uses: { table: 'read' },
    },
    surveyPage: {
      entry: `${dir}/survey-page.ts`,
      description: 'Satisfaction survey link page',
      uses: { table: 'write', signingSecret: true },
    },
    sendSurvey: {
      entry: `${dir}/send-survey.ts`,
      description: 'Mails the customer the survey link on resolution',
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    alertLowScore: {
      entry: `${dir}/alert-low-score.ts`,
      description: "Mails a low survey score to the department's manager",
      uses: { table: 'write', mail: true },
    },
    warnUnit: {
      entry: `${dir}/warn-unit.ts`,
      description: 'Mails the unit an SLA warning',
      uses: { table: 'write', mail: true },
    },
  },
  routes: routeList(caseRoutes),
  subscriptions: [
    {
      name: 'notify-case-unit',
      function: 'notifyUnit',
      pattern: { source: [events.CaseOpened.source], 'detail-type': ['CaseOpened'] },
    },
    {
      name: 'acknowledge-case',
      function: 'acknowledgeCustomer',
      pattern: { source: [events.CaseOpened.source], 'detail-type': ['CaseOpened'] },
    },
    {
      name: 'notify-case-escalation',
      function: 'notifyEscalation',
      pattern: { source: [events.CaseEscalated.source], 'detail-type': ['CaseEscalated'] },
    },
    {
      name: 'send-case-survey',
      function: 'sendSurvey',
      pattern: {
        source: [events.CaseStatusChanged.source],
        'detail-type': ['CaseStatusChanged'],
        detail: { to: ['resolved'] },
      },
    },
    {
      name: 'alert-low-case-score',
      function: 'alertLowScore',
      pattern: {
        source: [events.CaseSurveyAnswered.source],
        'detail-type': ['CaseSurveyAnswered'],
        detail: { lowScore: [true] },
      },
    },
    {
      name: 'warn-case-unit',
      function: 'warnUnit',
      pattern: { source: [events.CaseSlaWarning.source], 'detail-type': ['CaseSlaWarning'] },
    },
  ],
  schedules: [
    // Every minute: a step of the SLA ladder is taken within a minute of falling due.
    { name: 'sweep-case-sla', function: 'sweepCaseSla', expression: 'rate(1 minute)', timezone: 'Europe/Istanbul' },
  ],
};
