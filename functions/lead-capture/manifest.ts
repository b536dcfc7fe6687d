import { sources } from '../../events/catalogue.js';
import type { UseCaseManifest } from '../../shared/manifest.js';

const dir = 'functions/lead-capture/handlers';

export const leadCapture: UseCaseManifest = {
  name: 'lead-capture',
  functions: {
    captureLead: { entry: `${dir}/capture-lead.ts`, description: 'Web form and JSON lead capture', uses: { table: 'write' } },
    leadForm: { entry: `${dir}/lead-form.ts`, description: 'Demo HTML lead form', uses: {} },
    confirmConsent: { entry: `${dir}/confirm-consent.ts`, description: 'Double opt-in confirmation link', uses: { table: 'write', signingSecret: true } },
    listLeads: { entry: `${dir}/list-leads.ts`, description: 'Staff: list leads', uses: { table: 'read' } },
    getLead: { entry: `${dir}/get-lead.ts`, description: 'Staff: one lead with its notes', uses: { table: 'read' } },
    changeLeadStatus: { entry: `${dir}/change-lead-status.ts`, description: 'Staff: move a lead along its lifecycle', uses: { table: 'write' } },
    addLeadNote: { entry: `${dir}/add-lead-note.ts`, description: 'Staff: add a note to a lead', uses: { table: 'write' } },
    assignLead: { entry: `${dir}/assign-lead.ts`, description: 'Assigns a captured lead by the rules', uses: { table: 'write' } },
    sendAutoResponse: { entry: `${dir}/send-auto-response.ts`, description: 'Mails the lead an acknowledgement', uses: { table: 'write', mail: true } },
    notifyOwner: { entry: `${dir}/notify-owner.ts`, description: 'Mails the new owner the lead', uses: { table: 'write', mail: true } },
    sendConsentConfirmation: {
      entry: `${dir}/send-consent-confirmation.ts`,
      description: 'Mails the double opt-in link',
      uses: { table: 'write', mail: true, signingSecret: true },
    },
  },
  routes: [
    { method: 'POST', path: '/leads', function: 'captureLead', auth: 'public' },
    { method: 'OPTIONS', path: '/leads', function: 'captureLead', auth: 'public' },
    { method: 'GET', path: '/forms/lead', function: 'leadForm', auth: 'public' },
    { method: 'GET', path: '/forms/thanks', function: 'leadForm', auth: 'public' },
    { method: 'GET', path: '/consents/confirm', function: 'confirmConsent', auth: 'public' },
    { method: 'POST', path: '/consents/confirm', function: 'confirmConsent', auth: 'public' },
    { method: 'GET', path: '/leads', function: 'listLeads', auth: { scopes: ['leads:read'] } },
    { method: 'GET', path: '/leads/{leadId}', function: 'getLead', auth: { scopes: ['leads:read'] } },
    { method: 'POST', path: '/leads/{leadId}/status', function: 'changeLeadStatus', auth: { scopes: ['leads:write'] } },
    { method: 'POST', path: '/leads/{leadId}/notes', function: 'addLeadNote', auth: { scopes: ['leads:write'] } },
  ],
  subscriptions: [
    { name: 'assign-captured-lead', function: 'assignLead', pattern: { source: [sources.leads], 'detail-type': ['LeadCaptured'] } },
    {
      name: 'acknowledge-captured-lead',
      function: 'sendAutoResponse',
      pattern: { source: [sources.leads], 'detail-type': ['LeadCaptured'] },
    },
    { name: 'notify-lead-owner', function: 'notifyOwner', pattern: { source: [sources.leads], 'detail-type': ['LeadAssigned'] } },
    {
      name: 'confirm-email-consent',
      function: 'sendConsentConfirmation',
      pattern: { source: [sources.consents], 'detail-type': ['ConsentRequested'], detail: { channel: ['email'] } },
    },
  ],
  schedules: [],
};
