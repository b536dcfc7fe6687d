import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { leadSubmissionSchema } from './domain/lead-submission.js';
import { events } from './events.js';
import { leadCaptureProblems } from './problems.js';

const dir = 'functions/lead-capture/handlers';

const page = (description: string) => ({ description, media: 'text/html' }) as const;
const read = { scopes: ['leads:read'] } as const;
const write = { scopes: ['leads:write'] } as const;

/** Each route once, by name: a handler binds to `leadRoutes.x`, so a path is written only here. */
export const leadRoutes = {
  captureLead: {
    method: 'POST',
    path: '/leads',
    function: 'captureLead',
    idempotency: { key: 'optional', formField: 'idempotencyKey' },
    auth: 'public',
    summary: 'Capture a lead from a web form (JSON or a plain HTML form post)',
    request: {
      params: null,
      query: null,
      // A lead form is a few hundred bytes; 16 KiB leaves room for a long message and refuses junk.
      body: {
        schema: leadSubmissionSchema,
        maxBytes: 16 * 1024,
        media: ['application/json', 'application/x-www-form-urlencoded'],
      },
    },
    responses: {
      201: { description: 'Captured', json: api.capturedLead, headers: ['location'] },
      202: { description: 'Received (the honeypot was filled: nothing is stored)', json: api.receivedLead },
      303: { description: 'A form with `redirect`: on to the thank-you page', headers: ['location'] },
    },
  },
  capturePreflight: {
    method: 'OPTIONS',
    path: '/leads',
    function: 'captureLead',
    auth: 'public',
    summary: 'CORS preflight for lead posts from the allowed origins',
    request: { params: null, query: null, body: null },
    responses: { 204: { description: 'Allowed; the CORS headers name the origin' } },
  },
  leadForm: {
    method: 'GET',
    path: '/forms/lead',
    function: 'leadForm',
    auth: 'public',
    summary: 'A demo HTML lead form that posts to /leads without JavaScript',
    request: { params: null, query: api.languageQuery, body: null },
    responses: { 200: page('The form') },
  },
  thanksPage: {
    method: 'GET',
    path: '/forms/thanks',
    function: 'leadForm',
    auth: 'public',
    summary: 'The thank-you page the demo form redirects to',
    request: { params: null, query: api.languageQuery, body: null },
    responses: { 200: page('Thank you') },
  },
  consentPage: {
    method: 'GET',
    path: '/consents/confirm',
    function: 'confirmConsent',
    auth: 'public',
    summary: 'Double opt-in link: shows a confirm button, changes nothing',
    request: { params: null, query: api.tokenQuery, body: null },
    responses: { 200: page('The confirm button'), 410: page('The link is invalid, expired or used') },
  },
  confirmConsent: {
    method: 'POST',
    path: '/consents/confirm',
    function: 'confirmConsent',
    auth: 'public',
    summary: 'Double opt-in: records the e-mail consent',
    request: {
      params: null,
      query: null,
      body: { schema: api.tokenForm, maxBytes: 4096, media: ['application/x-www-form-urlencoded'] },
    },
    responses: { 200: page('Consent recorded'), 410: page('The link is invalid, expired or used') },
  },
  listLeads: {
    method: 'GET',
    path: '/leads',
    function: 'listLeads',
    auth: read,
    summary: 'List leads, newest first; reps and dealers see their own',
    request: { params: null, query: api.listLeadsQuery, body: null },
    responses: { 200: { description: 'A page of leads', json: api.leadPage } },
  },
  exportLeads: {
    method: 'GET',
    path: '/leads/export',
    function: 'listLeads',
    auth: read,
    summary: 'Every lead the list filter finds (not one page), as CSV unless ?format=json; at most 10,000',
    request: { params: null, query: api.exportLeadsQuery, body: null },
    responses: { 200: { description: 'The leads', json: api.leadExport, csv: true } },
  },
  getLead: {
    method: 'GET',
    path: '/leads/{leadId}',
    function: 'getLead',
    auth: read,
    summary: "One lead with its notes (someone else's lead is not found to a rep)",
    request: { params: api.leadParams, query: null, body: null },
    responses: { 200: { description: 'The lead', json: api.leadWithNotes } },
  },
  changeLeadStatus: {
    method: 'POST',
    path: '/leads/{leadId}/status',
    function: 'changeLeadStatus',
    auth: write,
    summary: 'Move a lead along its lifecycle, guarded by the version the caller saw',
    request: { params: api.leadParams, query: null, body: { schema: api.changeLeadStatusBody, maxBytes: 1024 } },
    responses: { 200: { description: 'Moved', json: api.leadStatusChanged } },
  },
  addLeadNote: {
    method: 'POST',
    path: '/leads/{leadId}/notes',
    function: 'addLeadNote',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Add a note to a lead (Idempotency-Key: a retry adds one note)',
    request: { params: api.leadParams, query: null, body: { schema: api.addLeadNoteBody, maxBytes: 8192 } },
    responses: { 201: { description: 'The note', json: api.leadNote } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const leadCapture: UseCaseManifest = {
  name: 'lead-capture',
  events,
  recordParts: { leads: { place: 10 } },
  problems: leadCaptureProblems,
  scopes: {
    'leads:read': {
      en: 'Read leads',
      tr: 'Potansiyel müşterileri okur',
      grantedTo: ['rep', 'manager', 'director', 'agent', 'admin'],
    },
    'leads:write': {
      en: 'Create, assign and move leads',
      tr: 'Potansiyel müşteri oluşturur, atar ve durumunu değiştirir',
      grantedTo: ['rep', 'manager', 'director', 'agent'],
    },
  },
  functions: {
    captureLead: {
      entry: `${dir}/capture-lead.ts`,
      description: 'Web form and JSON lead capture',
      uses: { table: 'write' },
    },
    leadForm: {
      entry: `${dir}/lead-form.ts`,
      description: 'Demo HTML lead form (the dealers of the directory to choose from)',
      uses: { table: 'read' },
    },
    confirmConsent: {
      entry: `${dir}/confirm-consent.ts`,
      description: 'Double opt-in confirmation link',
      uses: { table: 'write', signingSecret: true },
    },
    listLeads: {
      entry: `${dir}/list-leads.ts`,
      description: 'Staff: list leads, paged or exported',
      uses: { table: 'read' },
    },
    getLead: { entry: `${dir}/get-lead.ts`, description: 'Staff: one lead with its notes', uses: { table: 'read' } },
    changeLeadStatus: {
      entry: `${dir}/change-lead-status.ts`,
      description: 'Staff: move a lead along its lifecycle',
      uses: { table: 'write' },
    },
    addLeadNote: {
      entry: `${dir}/add-lead-note.ts`,
      description: 'Staff: add a note to a lead',
      uses: { table: 'write' },
    },
    assignLead: {
      entry: `${dir}/assign-lead.ts`,
      description: 'Assigns a captured lead by the rules',
      uses: { table: 'write' },
    },
    sendAutoResponse: {
      entry: `${dir}/send-auto-response.ts`,
      description: 'Mails the lead an acknowledgement',
      uses: { table: 'write', mail: true },
    },
    notifyOwner: {
      entry: `${dir}/notify-owner.ts`,
      description: 'Mails the new owner the lead',
      uses: { table: 'write', mail: true },
    },
    sendConsentConfirmation: {
      entry: `${dir}/send-consent-confirmation.ts`,
      description: 'Mails the double opt-in link',
      uses: { table: 'write', mail: true, signingSecret: true },
    },
  },
  routes: routeList(leadRoutes),
  subscriptions: [
    {
      name: 'assign-captured-lead',
      function: 'assignLead',
      pattern: { source: [events.LeadCaptured.source], 'detail-type': ['LeadCaptured'] },
    },
    {
      name: 'acknowledge-captured-lead',
      function: 'sendAutoResponse',
      pattern: { source: [events.LeadCaptured.source], 'detail-type': ['LeadCaptured'] },
    },
    {
      name: 'notify-lead-owner',
      function: 'notifyOwner',
      pattern: { source: [events.LeadAssigned.source], 'detail-type': ['LeadAssigned'] },
    },
    {
      name: 'confirm-email-consent',
      function: 'sendConsentConfirmation',
      pattern: {
        source: [catalogue.ConsentRequested.source],
        'detail-type': ['ConsentRequested'],
        detail: { channel: ['email'] },
      },
    },
  ],
  schedules: [],
};
