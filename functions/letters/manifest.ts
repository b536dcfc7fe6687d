// Letters: customers' postal addresses, and letter runs that print a segment's letters (merged,
// addressed for a DL window envelope) or address labels into print-ready PDFs, part by part; a quote as
// a letter for the post, and its posting recorded.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { pdfFontAssets } from '../../shared/pdf-fonts.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { lettersProblems } from './problems.js';

const dir = 'functions/letters/handlers';
const readCustomers = { scopes: ['customers:read'] } as const;
const writeCustomers = { scopes: ['customers:write'] } as const;
const read = { scopes: ['campaigns:read'] } as const;
const write = { scopes: ['campaigns:write'] } as const;
const readQuotes = { scopes: ['quotes:read'] } as const;
const writeQuotes = { scopes: ['quotes:write'] } as const;

/** Each route once, by name: a handler binds to `letterRoutes.x`, so a path is written only here. */
export const letterRoutes = {
  getAddress: {
    method: 'GET',
    path: '/customers/{customerId}/postal-address',
    function: 'addressesApi',
    auth: readCustomers,
    summary: "The customer's postal address (null before one is set) and its version",
    request: { params: api.customerParams, query: null, body: null },
    responses: { 200: { description: 'The address', json: api.storedAddress } },
  },
  setAddress: {
    method: 'PUT',
    path: '/customers/{customerId}/postal-address',
    function: 'addressesApi',
    auth: writeCustomers,
    summary: 'Sets the postal address (Turkish shape, checked field by field), guarded by the seq the caller saw',
    request: { params: api.customerParams, query: null, body: { schema: api.setAddressBody, maxBytes: 4096 } },
    responses: { 200: { description: 'The address as stored', json: api.storedAddress } },
  },
  createRun: {
    method: 'POST',
    path: '/letter-runs',
    function: 'letterRunsApi',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      "A segment's letters (template with merge fields) or labels (3x8, 3x7): answered at once, `counting`; " +
      'counted and printed part by part in the background (Idempotency-Key: a retry makes one run)',
    request: { params: null, query: null, body: { schema: api.createRunBody, maxBytes: 32 * 1024 } },
    responses: { 202: { description: 'The run, counting its recipients', json: api.run } },
  },
  listRuns: {
    method: 'GET',
    path: '/letter-runs',
    function: 'letterRunsApi',
    auth: read,
    summary: 'Letter runs, newest first, with their progress; `status` keeps those counting, printing or done',
    request: { params: null, query: api.runsQuery, body: null },
    responses: { 200: { description: 'A page of runs', json: api.runPage } },
  },
  getRun: {
    method: 'GET',
    path: '/letter-runs/{runId}',
    function: 'letterRunsApi',
    auth: read,
    summary: 'The run and its progress: parts stored of parts to print, letters printed, recipients skipped by reason',
    request: { params: api.runParams, query: null, body: null },
    responses: { 200: { description: 'The run', json: api.run } },
  },
  printPart: {
    method: 'POST',
    path: '/letter-runs/{runId}/parts',
    function: 'letterRunsApi',
    auth: write,
    summary:
      'Resumes a run a failure stopped: its count, or its next part (or the part a failure interrupted), is queued',
    request: { params: api.runParams, query: null, body: null },
    responses: { 202: { description: 'The run; its next part queued', json: api.run } },
  },
  getPart: {
    method: 'GET',
    path: '/letter-runs/{runId}/parts/{part}',
    function: 'letterRunsApi',
    auth: read,
    summary: "A part's print-ready PDF: one A4 page per letter, or sheets of labels",
    request: { params: api.partParams, query: null, body: null },
    responses: { 200: { description: 'The PDF', media: 'application/pdf' } },
  },
  getQuoteLetter: {
    method: 'GET',
    path: '/quotes/{quoteId}/letter',
    function: 'quoteLetter',
    auth: readQuotes,
    summary:
      "An approved or sent quote as a letter: an A4 covering page addressed for a DL window, then the quote's PDF",
    request: { params: api.quoteParams, query: null, body: null },
    responses: { 200: { description: 'The letter', media: 'application/pdf' } },
  },
  postQuote: {
    method: 'POST',
    path: '/quotes/{quoteId}/posted',
    function: 'quoteLetter',
    idempotency: { key: 'optional' },
    auth: writeQuotes,
    summary: "Records the quote's letter as posted (history, the customer's timeline); an approved quote is sent by it",
    request: { params: api.quoteParams, query: null, body: { schema: api.postedBody, maxBytes: 1024 } },
    responses: { 200: { description: 'Recorded', json: api.quotePosted } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const letters: UseCaseManifest = {
  name: 'letters',
  events,
  problems: lettersProblems,
  functions: {
    addressesApi: {
      entry: `${dir}/addresses-api.ts`,
      description: "Staff: read and set a customer's postal address",
      uses: { table: 'write' },
    },
    letterRunsApi: {
      entry: `${dir}/letter-runs-api.ts`,
      description: 'Letter runs: made, resumed and read, their parts answered from S3',
      uses: { table: 'write', runFiles: true },
      timeoutSeconds: 30,
    },
    letterRunCounter: {
      entry: `${dir}/count-letter-run.ts`,
      description: "A new letter run's segment counted, the run moved to printing and its first part enqueued",
      uses: { table: 'write' },
      timeoutSeconds: 900,
    },
    letterPartPrinter: {
      entry: `${dir}/print-letter-part.ts`,
      description: "A letter run's part (up to 5,000 letters or labels) printed into one PDF in S3, the next enqueued",
      uses: { table: 'write', runFiles: true },
      assets: pdfFontAssets,
      memoryMb: 2048,
      timeoutSeconds: 900,
    },
    quoteLetter: {
      entry: `${dir}/quote-letter.ts`,
      description: 'Staff: a quote as a letter for the post, and its posting recorded',
      uses: { table: 'write' },
      assets: pdfFontAssets,
      memoryMb: 1024,
      timeoutSeconds: 30,
    },
  },
  routes: routeList(letterRoutes),
  subscriptions: [
    {
      name: 'count-letter-run',
      function: 'letterRunCounter',
      pattern: { source: [events.LetterRunCountDue.source], 'detail-type': ['LetterRunCountDue'] },
    },
    {
      name: 'print-letter-part',
      function: 'letterPartPrinter',
      pattern: { source: [events.LetterRunPartDue.source], 'detail-type': ['LetterRunPartDue'] },
    },
  ],
  schedules: [],
};
