import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { createQuoteSchema, editQuoteSchema } from './domain/quote-input.js';
import { events } from './events.js';
import { pdfFontAssets } from './pdf/fonts.js';
import { quoteApprovalProblems } from './problems.js';

const dir = 'functions/quote-approval/handlers';
const write = { scopes: ['quotes:write'] } as const;
const read = { scopes: ['quotes:read'] } as const;
const approve = { scopes: ['quotes:approve'] } as const;
const catalogueRead = { scopes: ['catalogue:read'] } as const;
const catalogueWrite = { scopes: ['catalogue:write'] } as const;
/** PDFs are drawn with DejaVu (Turkish letters), read at run time; drawing wants more CPU, which comes with memory. */
const drawsPdf = { assets: pdfFontAssets, memoryMb: 1024, timeoutSeconds: 30 };

/** A quote request is small: 200 lines of JSON fit in well under 64 KiB. */
const QUOTE_BODY_BYTES = 64 * 1024;
/** The quote's moves: every field optional, so no body at all is fine. */
const moveBody = <S extends RouteDeclaration['request']['params'] & object>(schema: S) =>
  ({ schema, maxBytes: QUOTE_BODY_BYTES, optional: true }) as const;
const quote = (description: string) => ({ description, json: api.quoteResponse }) as const;
const page = (description: string) => ({ description, media: 'text/html' }) as const;
const linkPages = {
  200: page('The page for the link, or what it did'),
  403: page('The link is not valid, or not for this approver'),
  409: page('The quote was decided, answered or replaced meanwhile'),
  410: page('The link has expired'),
} as const;
/** A policy is a few rules; 256 KiB refuses junk. */
const POLICY_BODY_BYTES = 256 * 1024;

/** Each route once, by name: a handler binds to `quoteRoutes.x`, so a path is written only here. */
export const quoteRoutes = {
  createQuote: {
    method: 'POST',
    path: '/quotes',
    function: 'createQuote',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'A draft quote from the catalogue and a price list (Idempotency-Key: a retry returns the first draft)',
    request: {
      params: null,
      query: null,
      body: { schema: createQuoteSchema, maxBytes: QUOTE_BODY_BYTES, optional: true },
    },
    responses: { 201: { description: 'The draft', json: api.quoteResponse, headers: ['location'] } },
  },
  previewQuote: {
    method: 'POST',
    path: '/quotes/preview',
    function: 'previewQuote',
    auth: write,
    summary: "A draft's figures and the totals rows its PDF prints, computed the same way and stored nowhere",
    request: { params: null, query: null, body: { schema: createQuoteSchema, maxBytes: QUOTE_BODY_BYTES } },
    responses: { 200: { description: 'The figures and rows', json: api.quotePreview } },
  },
  listQuotes: {
    method: 'GET',
    path: '/quotes',
    function: 'listQuotes',
    auth: read,
    summary: 'Quotes newest first (reps: their own, team managers: the team), or ?awaiting=me oldest first',
    request: { params: null, query: api.listQuotesQuery, body: null },
    responses: { 200: { description: 'A page of quote summaries', json: api.quotePage } },
  },
  exportQuotes: {
    method: 'GET',
    path: '/quotes/export',
    function: 'listQuotes',
    auth: read,
    summary: 'Every quote the list filter finds (not one page), as CSV unless ?format=json; at most 10,000',
    request: { params: null, query: api.exportQuotesQuery, body: null },
    responses: { 200: { description: 'The quotes', json: api.quoteExport, csv: true } },
  },
  getQuote: {
    method: 'GET',
    path: '/quotes/{quoteId}',
    function: 'getQuote',
    auth: read,
    summary: 'A quote with its earlier versions listed, and its order once there is one',
    request: { params: api.quoteParams, query: null, body: null },
    responses: { 200: { description: 'The quote', json: api.quoteWithVersions } },
  },
  getQuoteVersion: {
    method: 'GET',
    path: '/quotes/{quoteId}/versions/{version}',
    function: 'getQuote',
    auth: read,
    summary: 'An earlier version of a quote, as it was',
    request: { params: api.quoteVersionParams, query: null, body: null },
    responses: { 200: quote('That version') },
  },
  getQuotePdf: {
    method: 'GET',
    path: '/quotes/{quoteId}/pdf',
    function: 'getQuote',
    auth: read,
    summary: 'The quote (or ?version=n) as a PDF',
    request: { params: api.quoteParams, query: api.pdfQuery, body: null },
    responses: { 200: { description: 'The PDF', media: 'application/pdf' } },
  },
  editQuote: {
    method: 'PATCH',
    path: '/quotes/{quoteId}',
    function: 'editQuote',
    auth: write,
    summary: 'Change a draft; it is priced again from the catalogue as of today',
    request: { params: api.quoteParams, query: null, body: moveBody(editQuoteSchema) },
    responses: { 200: quote('The draft, repriced') },
  },
  submitQuote: {
    method: 'POST',
    path: '/quotes/{quoteId}/submit',
    function: 'quoteActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Submit a draft: approved at once, or sent for approval by the policy',
    request: { params: api.quoteParams, query: null, body: moveBody(api.quoteMoveBody) },
    responses: { 200: quote('The submitted quote') },
  },
  sendQuote: {
    method: 'POST',
    path: '/quotes/{quoteId}/send',
    function: 'quoteActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Mail an approved quote with its PDF to the customer',
    request: { params: api.quoteParams, query: null, body: moveBody(api.quoteMoveBody) },
    responses: { 200: quote('The sent quote') },
  },
  answerQuote: {
    method: 'POST',
    path: '/quotes/{quoteId}/answer',
    function: 'quoteActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: "Record the customer's answer given outside the link (phone, letter)",
    request: { params: api.quoteParams, query: null, body: moveBody(api.quoteAnswerBody) },
    responses: { 200: quote('The answered quote') },
  },
  reviseQuote: {
    method: 'POST',
    path: '/quotes/{quoteId}/revise',
    function: 'quoteActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Start the next version of a quote as a draft; the current one stays as it was',
    request: { params: api.quoteParams, query: null, body: moveBody(api.quoteMoveBody) },
    responses: { 201: quote('The new version, a draft') },
  },
  approveQuote: {
    method: 'POST',
    path: '/quotes/{quoteId}/approve',
    function: 'decideQuote',
    idempotency: { key: 'optional' },
    auth: approve,
    summary: "Approve the awaiting step (the key's role must be the one the step names)",
    request: { params: api.quoteParams, query: null, body: moveBody(api.approveBody) },
    responses: { 200: quote('The quote after the approval') },
  },
  rejectQuote: {
    method: 'POST',
    path: '/quotes/{quoteId}/reject',
    function: 'decideQuote',
    idempotency: { key: 'optional' },
    auth: approve,
    summary: 'Reject the awaiting step, saying why',
    request: { params: api.quoteParams, query: null, body: moveBody(api.rejectBody) },
    responses: { 200: quote('The rejected quote') },
  },
  approvalLinkPage: {
    method: 'GET',
    path: '/quote-links/approval',
    function: 'approvalPage',
    auth: 'public',
    summary: "An approver's signed link: the quote, the rules that asked for approval, and the button",
    request: { params: null, query: api.linkQuery, body: null },
    responses: linkPages,
  },
  approvalLinkAct: {
    method: 'POST',
    path: '/quote-links/approval',
    function: 'approvalPage',
    auth: 'public',
    summary: "An approver's button: approve, or reject with a reason",
    request: {
      params: null,
      query: null,
      body: { schema: api.linkForm, maxBytes: 8192, media: ['application/x-www-form-urlencoded'] },
    },
    responses: linkPages,
  },
  answerLinkPage: {
    method: 'GET',
    path: '/quote-links/answer',
    function: 'answerPage',
    auth: 'public',
    summary: "The customer's signed link: the quote and one button (accept, or decline)",
    request: { params: null, query: api.linkQuery, body: null },
    responses: linkPages,
  },
  answerLinkAct: {
    method: 'POST',
    path: '/quote-links/answer',
    function: 'answerPage',
    auth: 'public',
    summary: "The customer's button: records the answer",
    request: {
      params: null,
      query: null,
      body: { schema: api.linkForm, maxBytes: 4096, media: ['application/x-www-form-urlencoded'] },
    },
    responses: linkPages,
  },
  quoteReports: {
    method: 'GET',
    path: '/reports/quotes',
    function: 'quoteReports',
    auth: read,
    summary: 'Per rep and period: quotes sent, accepted, success rate, quoted and won, discount and margin',
    request: { params: null, query: api.quoteReportQuery, body: null },
    responses: { 200: { description: 'The report', json: api.quoteReport } },
  },
  getApprovalPolicy: {
    method: 'GET',
    path: '/approval-policy',
    function: 'getApprovalPolicy',
    auth: catalogueRead,
    summary: 'The approval policy in force',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The policy', json: api.approvalPolicy } },
  },
  replaceApprovalPolicy: {
    method: 'PUT',
    path: '/approval-policy',
    function: 'replaceApprovalPolicy',
    auth: catalogueWrite,
    summary: 'Replace the approval policy (every approving role must be held by someone)',
    request: { params: null, query: null, body: { schema: api.policyBody, maxBytes: POLICY_BODY_BYTES } },
    responses: { 200: { description: 'The policy now in force', json: api.approvalPolicy } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const quoteApproval: UseCaseManifest = {
  name: 'quote-approval',
  events,
  recordParts: { quotes: { place: 20 } },
  problems: quoteApprovalProblems,
  scopes: {
    'quotes:read': { en: 'Read quotes', tr: 'Teklifleri okur', grantedTo: ['rep', 'manager', 'director', 'admin'] },
    'quotes:write': {
      en: 'Build and send quotes',
      tr: 'Teklif hazırlar ve gönderir',
      grantedTo: ['rep', 'manager', 'director'],
    },
    'quotes:approve': {
      en: 'Approve or reject quotes the policy holds',
      tr: 'Politikanın beklettiği teklifleri onaylar veya reddeder',
      grantedTo: ['manager', 'director'],
    },
  },
  functions: {
    createQuote: {
      entry: `${dir}/create-quote.ts`,
      description: 'Staff: a draft quote from the catalogue and a price list',
      uses: { table: 'write' },
    },
    previewQuote: {
      entry: `${dir}/preview-quote.ts`,
      description: "Staff: a draft quote's figures and PDF rows, stored nowhere",
      uses: { table: 'read' },
    },
    editQuote: { entry: `${dir}/edit-quote.ts`, description: 'Staff: change a draft quote', uses: { table: 'write' } },
    getQuote: {
      entry: `${dir}/get-quote.ts`,
      description: 'Staff: a quote, an earlier version, or its PDF',
      ...drawsPdf,
      uses: { table: 'read' },
    },
    listQuotes: {
      entry: `${dir}/list-quotes.ts`,
      description: 'Staff: list or export quotes, or those awaiting my approval',
      uses: { table: 'read' },
    },
    quoteActions: {
      entry: `${dir}/quote-actions.ts`,
      description: 'Staff: submit, send, record the answer to, or revise a quote',
      ...drawsPdf,
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    decideQuote: {
      entry: `${dir}/decide-quote.ts`,
      description: 'Approvers: approve or reject the awaiting step',
      uses: { table: 'write' },
    },
    approvalPage: {
      entry: `${dir}/approval-page.ts`,
      description: 'Signed approve/reject link page for approvers',
      uses: { table: 'write', signingSecret: true },
    },
    answerPage: {
      entry: `${dir}/answer-page.ts`,
      description: 'Signed accept/decline link page for the customer',
      uses: { table: 'write', signingSecret: true },
    },
    quoteReports: {
      entry: `${dir}/quote-reports.ts`,
      description: 'Staff: quote success, quoted vs won, discount, margin',
      uses: { table: 'read' },
    },
    getApprovalPolicy: {
      entry: `${dir}/get-approval-policy.ts`,
      description: 'Admin: the approval rules in force',
      uses: { table: 'read' },
    },
    replaceApprovalPolicy: {
      entry: `${dir}/replace-approval-policy.ts`,
      description: 'Admin: replace the approval rules',
      uses: { table: 'write' },
    },
    mailApprovers: {
      entry: `${dir}/mail-approvers.ts`,
      description: 'Mails the approvers of the awaiting step their links',
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    sendApprovedQuote: {
      entry: `${dir}/send-approved-quote.ts`,
      description: 'Mails an approved quote with its PDF to the customer',
      ...drawsPdf,
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    notifyRejection: {
      entry: `${dir}/notify-rejection.ts`,
      description: 'Tells the owner their quote was rejected',
      uses: { table: 'write', mail: true },
    },
    notifyFollowUp: {
      entry: `${dir}/notify-follow-up.ts`,
      description: 'Reminds the owner of an unanswered quote',
      uses: { table: 'write', mail: true },
    },
    expireQuotes: {
      entry: `${dir}/expire-quotes.ts`,
      description: 'Expires quotes past their validity',
      uses: { table: 'write' },
    },
    followUpQuotes: {
      entry: `${dir}/follow-up-quotes.ts`,
      description: 'Finds sent quotes left unanswered',
      uses: { table: 'write' },
    },
  },
  routes: routeList(quoteRoutes),
  subscriptions: [
    {
      name: 'mail-approvers',
      function: 'mailApprovers',
      pattern: { source: [events.QuoteApprovalRequested.source], 'detail-type': ['QuoteApprovalRequested'] },
    },
    {
      name: 'send-approved-quote',
      function: 'sendApprovedQuote',
      pattern: { source: [events.QuoteApproved.source], 'detail-type': ['QuoteApproved'] },
    },
    {
      name: 'notify-rejection',
      function: 'notifyRejection',
      pattern: { source: [events.QuoteRejected.source], 'detail-type': ['QuoteRejected'] },
    },
    {
      name: 'notify-follow-up',
      function: 'notifyFollowUp',
      pattern: { source: [events.QuoteFollowUpDue.source], 'detail-type': ['QuoteFollowUpDue'] },
    },
  ],
  schedules: [
    // Hourly: a quote lapses within the hour after its last valid day ends in Istanbul.
    { name: 'expire-quotes', function: 'expireQuotes', expression: 'cron(5 * * * ? *)', timezone: 'Europe/Istanbul' },
    // Weekday mornings, when a rep can pick up the phone.
    {
      name: 'follow-up-quotes',
      function: 'followUpQuotes',
      expression: 'cron(0 9 ? * MON-FRI *)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
