import { sources } from '../../events/catalogue.js';
import type { UseCaseManifest } from '../../shared/manifest.js';
import { pdfFontAssets } from './pdf/fonts.js';

const dir = 'functions/quote-approval/handlers';
const write = { scopes: ['quotes:write' as const] };
const read = { scopes: ['quotes:read' as const] };
const approve = { scopes: ['quotes:approve' as const] };
/** PDFs are drawn with DejaVu (Turkish letters), read at run time; drawing wants more CPU, which comes with memory. */
const drawsPdf = { assets: pdfFontAssets, memoryMb: 1024, timeoutSeconds: 30 };

export const quoteApproval: UseCaseManifest = {
  name: 'quote-approval',
  functions: {
    createQuote: { entry: `${dir}/create-quote.ts`, description: 'Staff: a draft quote from the catalogue and a price list', uses: { table: 'write' } },
    editQuote: { entry: `${dir}/edit-quote.ts`, description: 'Staff: change a draft quote', uses: { table: 'write' } },
    getQuote: { entry: `${dir}/get-quote.ts`, description: 'Staff: a quote, an earlier version, or its PDF', ...drawsPdf, uses: { table: 'read' } },
    listQuotes: { entry: `${dir}/list-quotes.ts`, description: 'Staff: list quotes, or those awaiting my approval', uses: { table: 'read' } },
    quoteActions: {
      entry: `${dir}/quote-actions.ts`,
      description: 'Staff: submit, send, record the answer to, or revise a quote',
      ...drawsPdf,
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    decideQuote: { entry: `${dir}/decide-quote.ts`, description: 'Approvers: approve or reject the awaiting step', uses: { table: 'write' } },
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
    quoteReports: { entry: `${dir}/quote-reports.ts`, description: 'Staff: quote success, quoted vs won, discount, margin', uses: { table: 'read' } },
    getApprovalPolicy: { entry: `${dir}/get-approval-policy.ts`, description: 'Admin: the approval rules in force', uses: { table: 'read' } },
    replaceApprovalPolicy: { entry: `${dir}/replace-approval-policy.ts`, description: 'Admin: replace the approval rules', uses: { table: 'write' } },
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
    notifyRejection: { entry: `${dir}/notify-rejection.ts`, description: 'Tells the owner their quote was rejected', uses: { table: 'write', mail: true } },
    notifyFollowUp: { entry: `${dir}/notify-follow-up.ts`, description: 'Reminds the owner of an unanswered quote', uses: { table: 'write', mail: true } },
    expireQuotes: { entry: `${dir}/expire-quotes.ts`, description: 'Expires quotes past their validity', uses: { table: 'write' } },
    followUpQuotes: { entry: `${dir}/follow-up-quotes.ts`, description: 'Finds sent quotes left unanswered', uses: { table: 'write' } },
  },
  routes: [
    { method: 'POST', path: '/quotes', function: 'createQuote', auth: write },
    { method: 'GET', path: '/quotes', function: 'listQuotes', auth: read },
    { method: 'GET', path: '/quotes/{quoteId}', function: 'getQuote', auth: read },
    { method: 'GET', path: '/quotes/{quoteId}/versions/{version}', function: 'getQuote', auth: read },
    { method: 'GET', path: '/quotes/{quoteId}/pdf', function: 'getQuote', auth: read },
    { method: 'PATCH', path: '/quotes/{quoteId}', function: 'editQuote', auth: write },
    { method: 'POST', path: '/quotes/{quoteId}/submit', function: 'quoteActions', auth: write },
    { method: 'POST', path: '/quotes/{quoteId}/send', function: 'quoteActions', auth: write },
    { method: 'POST', path: '/quotes/{quoteId}/answer', function: 'quoteActions', auth: write },
    { method: 'POST', path: '/quotes/{quoteId}/revise', function: 'quoteActions', auth: write },
    { method: 'POST', path: '/quotes/{quoteId}/approve', function: 'decideQuote', auth: approve },
    { method: 'POST', path: '/quotes/{quoteId}/reject', function: 'decideQuote', auth: approve },
    { method: 'GET', path: '/quote-links/approval', function: 'approvalPage', auth: 'public' },
    { method: 'POST', path: '/quote-links/approval', function: 'approvalPage', auth: 'public' },
    { method: 'GET', path: '/quote-links/answer', function: 'answerPage', auth: 'public' },
    { method: 'POST', path: '/quote-links/answer', function: 'answerPage', auth: 'public' },
    { method: 'GET', path: '/reports/quotes', function: 'quoteReports', auth: read },
    { method: 'GET', path: '/approval-policy', function: 'getApprovalPolicy', auth: { scopes: ['catalogue:read'] } },
    { method: 'PUT', path: '/approval-policy', function: 'replaceApprovalPolicy', auth: { scopes: ['catalogue:write'] } },
  ],
  subscriptions: [
    {
      name: 'mail-approvers',
      function: 'mailApprovers',
      pattern: { source: [sources.quotes], 'detail-type': ['QuoteApprovalRequested'] },
    },
    {
      name: 'send-approved-quote',
      function: 'sendApprovedQuote',
      pattern: { source: [sources.quotes], 'detail-type': ['QuoteApproved'] },
    },
    { name: 'notify-rejection', function: 'notifyRejection', pattern: { source: [sources.quotes], 'detail-type': ['QuoteRejected'] } },
    {
      name: 'notify-follow-up',
      function: 'notifyFollowUp',
      pattern: { source: [sources.quotes], 'detail-type': ['QuoteFollowUpDue'] },
    },
  ],
  schedules: [
    // Hourly: a quote lapses within the hour after its last valid day ends in Istanbul.
    { name: 'expire-quotes', function: 'expireQuotes', expression: 'cron(5 * * * ? *)', timezone: 'Europe/Istanbul' },
    // Weekday mornings, when a rep can pick up the phone.
    { name: 'follow-up-quotes', function: 'followUpQuotes', expression: 'cron(0 9 ? * MON-FRI *)', timezone: 'Europe/Istanbul' },
  ],
};
