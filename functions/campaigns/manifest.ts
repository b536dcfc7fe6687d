// Campaigns: segments, templates, scheduled and recurring sends, paced resumable sending, progress
// and reports. (The subscriptions part — unsubscribe pages, topics, SES events, birthdays — appends
// its routes, functions, subscriptions and schedules below ours.)
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { campaignsProblems } from './problems.js';

const dir = 'functions/campaigns/handlers';
const read = { scopes: ['campaigns:read'] } as const;
const write = { scopes: ['campaigns:write'] } as const;
const ok = <S extends api.AnySchema>(description: string, json: S) => ({ 200: { description, json } }) as const;
const body = <S extends api.AnySchema>(schema: S, maxBytes = 16 * 1024) => ({ schema, maxBytes }) as const;
/** Templates carry HTML: 256 KiB holds a generous pair of languages and refuses junk. */
const TEMPLATE_BYTES = 256 * 1024;

/** Each route once, by name: a handler binds to `campaignRoutes.x`, so a path is written only here. */
export const campaignRoutes = {
  createSegment: {
    method: 'POST',
    path: '/segments',
    function: 'segmentsApi',
    auth: write,
    summary: 'Save a segment: a filter over customer attributes and the consent it needs',
    request: { params: null, query: null, body: body(api.createSegmentBody) },
    responses: { 201: { description: 'The segment', json: api.segment, headers: ['location'] } },
  },
  listSegments: {
    method: 'GET',
    path: '/segments',
    function: 'segmentsApi',
    auth: read,
    summary: 'Segments, newest first',
    request: { params: null, query: api.pageQuery, body: null },
    responses: ok('A page of segments', api.segmentPage),
  },
  getSegment: {
    method: 'GET',
    path: '/segments/{segmentId}',
    function: 'segmentsApi',
    auth: read,
    summary: 'One segment',
    request: { params: api.segmentParams, query: null, body: null },
    responses: ok('The segment', api.segment),
  },
  editSegment: {
    method: 'PATCH',
    path: '/segments/{segmentId}',
    function: 'segmentsApi',
    auth: write,
    summary: 'Change a segment, guarded by the seq the caller saw',
    request: { params: api.segmentParams, query: null, body: body(api.editSegmentBody) },
    responses: ok('The segment', api.segment),
  },
  previewSegment: {
    method: 'GET',
    path: '/segments/{segmentId}/preview',
    function: 'segmentsApi',
    auth: read,
    summary: 'How many customers match and ten of their names; says how many customers it read',
    request: { params: api.segmentParams, query: null, body: null },
    responses: ok('The count and a sample', api.segmentPreview),
  },
  createTemplate: {
    method: 'POST',
    path: '/templates',
    function: 'templatesApi',
    auth: write,
    summary: 'Save a template: subject, HTML and text in Turkish and English (Mustache variables)',
    request: { params: null, query: null, body: body(api.createTemplateBody, TEMPLATE_BYTES) },
    responses: { 201: { description: 'The template', json: api.template, headers: ['location'] } },
  },
  listTemplates: {
    method: 'GET',
    path: '/templates',
    function: 'templatesApi',
    auth: read,
    summary: 'Templates, newest first',
    request: { params: null, query: api.pageQuery, body: null },
    responses: ok('A page of templates', api.templatePage),
  },
  getTemplate: {
    method: 'GET',
    path: '/templates/{templateId}',
    function: 'templatesApi',
    auth: read,
    summary: 'One template',
    request: { params: api.templateParams, query: null, body: null },
    responses: ok('The template', api.template),
  },
  editTemplate: {
    method: 'PATCH',
    path: '/templates/{templateId}',
    function: 'templatesApi',
    auth: write,
    summary: 'Change a template, guarded by the seq the caller saw',
    request: { params: api.templateParams, query: null, body: body(api.editTemplateBody, TEMPLATE_BYTES) },
    responses: ok('The template', api.template),
  },
  previewTemplate: {
    method: 'POST',
    path: '/templates/{templateId}/preview',
    function: 'templatesApi',
    auth: read,
    summary: 'Render for a customer or sample data; a variable the data lacks is a 422 naming it',
    request: { params: api.templateParams, query: null, body: body(api.previewTemplateBody) },
    responses: ok('The rendered mail', api.renderedMail),
  },
  sendTemplateToMe: {
    method: 'POST',
    path: '/templates/{templateId}/send-to-me',
    function: 'templatesApi',
    auth: write,
    summary: "Mail the rendered template to the caller's own directory address",
    request: { params: api.templateParams, query: null, body: body(api.previewTemplateBody) },
    responses: ok('Sent (or skipped, with the reason)', api.sentToMe),
  },
  createCampaign: {
    method: 'POST',
    path: '/campaigns',
    function: 'campaignsApi',
    auth: write,
    summary: 'A draft campaign: segment, template, topic and schedule (once `at`, or `cron` in Istanbul time)',
    request: { params: null, query: null, body: body(api.createCampaignBody) },
    responses: { 201: { description: 'The draft', json: api.campaign, headers: ['location'] } },
  },
  previewSmsCampaign: {
    method: 'POST',
    path: '/campaigns/sms-preview',
    function: 'campaignsApi',
    auth: read,
    summary:
      "A text campaign's length and cost before sending: each language's segments and encoding, the segment's recipients, the estimated cost (422 over the segment limit)",
    request: { params: null, query: null, body: body(api.smsPreviewBody) },
    responses: ok('The estimate', api.smsPreview),
  },
  listCampaigns: {
    method: 'GET',
    path: '/campaigns',
    function: 'campaignsApi',
    auth: read,
    summary: 'Campaigns, newest first',
    request: { params: null, query: api.pageQuery, body: null },
    responses: ok('A page of campaigns', api.campaignPage),
  },
  reputationGate: {
    method: 'GET',
    path: '/campaigns/reputation',
    function: 'campaignsApi',
    auth: read,
    summary: "The account's reputation gate: its state and reason, the rates it judges, and its lifts",
    request: { params: null, query: null, body: null },
    responses: ok('The gate', api.reputationGate),
  },
  liftReputationGate: {
    method: 'POST',
    path: '/campaigns/reputation/lift',
    function: 'campaignsApi',
    auth: { scopes: ['admin'] },
    summary: 'Admin: lift a paused reputation gate with a reason kept in its audit trail (409 unless paused)',
    request: { params: null, query: null, body: body(api.liftGateBody) },
    responses: ok('The gate, lifted', api.reputationGate),
  },
  campaignReports: {
    method: 'GET',
    path: '/campaigns/reports',
    function: 'campaignsApi',
    auth: read,
    summary: "Funnels per segment and per template for campaigns created in a range, and the account's reputation",
    request: { params: null, query: api.reportsQuery, body: null },
    responses: ok('The report', api.reports),
  },
  getCampaign: {
    method: 'GET',
    path: '/campaigns/{campaignId}',
    function: 'campaignsApi',
    auth: read,
    summary: 'A campaign with its history',
    request: { params: api.campaignParams, query: null, body: null },
    responses: ok('The campaign', api.campaignWithHistory),
  },
  editCampaign: {
    method: 'PATCH',
    path: '/campaigns/{campaignId}',
    function: 'campaignsApi',
    auth: write,
    summary: 'Change a draft campaign',
    request: { params: api.campaignParams, query: null, body: body(api.editCampaignBody) },
    responses: ok('The campaign', api.campaign),
  },
  scheduleCampaign: {
    method: 'POST',
    path: '/campaigns/{campaignId}/schedule',
    function: 'campaignsApi',
    auth: write,
    summary: "Schedule a draft (refused while the account's bounce or complaint rate is at SES's threshold)",
    request: { params: api.campaignParams, query: null, body: { ...body(api.moveBody), optional: true } },
    responses: ok('The scheduled campaign', api.campaign),
  },
  cancelCampaign: {
    method: 'POST',
    path: '/campaigns/{campaignId}/cancel',
    function: 'campaignsApi',
    auth: write,
    summary: 'Cancel a campaign; a send in progress stops',
    request: { params: api.campaignParams, query: null, body: { ...body(api.moveBody), optional: true } },
    responses: ok('The cancelled campaign', api.campaign),
  },
  campaignProgress: {
    method: 'GET',
    path: '/campaigns/{campaignId}/progress',
    function: 'campaignsApi',
    auth: read,
    summary: 'The current run: recipients, sent, skipped by reason, failed, remaining, rate',
    request: { params: api.campaignParams, query: null, body: null },
    responses: ok('Progress', api.progress),
  },
  campaignReport: {
    method: 'GET',
    path: '/campaigns/{campaignId}/report',
    function: 'campaignsApi',
    auth: read,
    summary: 'The funnel (recipients → unsubscribed), its rates, by hour, and the account reputation',
    request: { params: api.campaignParams, query: null, body: null },
    responses: ok('The report', api.report),
  },
  // console-polish: a filter's count before it is saved
  previewFilter: {
    method: 'POST',
    path: '/segments/preview',
    function: 'segmentsApi',
    auth: read,
    summary: 'How many customers an unsaved filter matches and ten of their names, as the saved preview answers',
    request: { params: null, query: null, body: body(api.previewSegmentBody) },
    responses: ok('The count and a sample', api.segmentPreview),
  },
} as const satisfies Record<string, RouteDeclaration>;

export const campaignsUseCase: UseCaseManifest = {
  name: 'campaigns',
  events,
  problems: campaignsProblems,
  scopes: {
    'campaigns:read': {
      en: 'Read campaigns, segments, templates and reports',
      tr: 'Kampanyaları, segmentleri, şablonları ve raporları okur',
      grantedTo: ['manager', 'director', 'marketer'],
    },
    'campaigns:write': {
      en: 'Build, schedule and cancel campaigns',
      tr: 'Kampanya hazırlar, zamanlar ve iptal eder',
      grantedTo: ['manager', 'director', 'marketer'],
    },
  },
  functions: {
    segmentsApi: {
      entry: `${dir}/segments-api.ts`,
      description: 'Marketing: segments and their previews',
      timeoutSeconds: 29,
      uses: { table: 'write' },
    },
    templatesApi: {
      entry: `${dir}/templates-api.ts`,
      description: 'Marketing: templates, previews and test mails',
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    campaignsApi: {
      entry: `${dir}/campaigns-api.ts`,
      description: 'Marketing: campaigns, progress and reports',
      uses: { table: 'write' },
    },
    sweepCampaigns: {
      entry: `${dir}/sweep-campaigns.ts`,
      description: 'Starts due campaign runs and resumes stalled ones',
      timeoutSeconds: 60,
      uses: { table: 'write' },
    },
    sendCampaignBatch: {
      entry: `${dir}/send-campaign-batch.ts`,
      description: 'Materialises a run or sends one paced batch of a shard',
      timeoutSeconds: 120,
      uses: { table: 'write', mail: true, sms: true, signingSecret: true },
    },
  },
  routes: routeList(campaignRoutes),
  subscriptions: [
    {
      name: 'work-campaign-batch',
      function: 'sendCampaignBatch',
      pattern: { source: [events.CampaignBatchReady.source], 'detail-type': ['CampaignBatchReady'] },
    },
  ],
  schedules: [
    // Every minute: a campaign starts within a minute of its time; a stalled run resumes.
    { name: 'sweep-campaigns', function: 'sweepCampaigns', expression: 'rate(1 minute)', timezone: 'Europe/Istanbul' },
  ],
};

// The subscription pages run as a use case of their own (public routes, their own functions).
export { permissionMarketing } from './subscriptions-manifest.js';
