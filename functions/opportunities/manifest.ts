import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { opportunitiesProblems } from './problems.js';

const dir = 'functions/opportunities/handlers';
const read = { scopes: ['opportunities:read'] } as const;
const write = { scopes: ['opportunities:write'] } as const;
/** An opportunity's request is a few fields. */
const BODY_BYTES = 8 * 1024;
const body = <S extends RouteDeclaration['request']['params'] & object>(schema: S, optional?: true) =>
  ({ schema, maxBytes: BODY_BYTES, ...(optional ? { optional } : {}) }) as const;
const opportunity = (description: string) => ({ description, json: api.opportunity }) as const;
const params = api.opportunityParams;

/** Each route once, by name: a handler binds to `opportunityRoutes.x`, so a path is written only here. */
export const opportunityRoutes = {
  openOpportunity: {
    method: 'POST',
    path: '/opportunities',
    function: 'openOpportunity',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Open an opportunity for a customer (Idempotency-Key: a retry returns the first)',
    request: { params: null, query: null, body: body(api.openBody) },
    responses: { 201: { ...opportunity('The opportunity'), headers: ['location'] } },
  },
  getOpportunity: {
    method: 'GET',
    path: '/opportunities/{opportunityId}',
    function: 'getOpportunity',
    auth: read,
    summary: "An opportunity with its history and its quotes' net totals, cost and margin",
    request: { params, query: null, body: null },
    responses: { 200: { description: 'The opportunity', json: api.opportunityDetail } },
  },
  updateOpportunity: {
    method: 'PATCH',
    path: '/opportunities/{opportunityId}',
    function: 'changeOpportunity',
    auth: write,
    summary: 'Change the name, amount, probability or expected close date of an open opportunity',
    request: { params, query: null, body: body(api.patchBody) },
    responses: { 200: opportunity('The opportunity, changed') },
  },
  advanceOpportunity: {
    method: 'POST',
    path: '/opportunities/{opportunityId}/advance',
    function: 'changeOpportunity',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Move to the next stage (prospecting → needs-analysis → proposal → negotiation)',
    request: { params, query: null, body: body(api.moveBody, true) },
    responses: { 200: opportunity('The opportunity at its next stage') },
  },
  backOpportunity: {
    method: 'POST',
    path: '/opportunities/{opportunityId}/back',
    function: 'changeOpportunity',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Move back one stage (a proposal sent back for more analysis)',
    request: { params, query: null, body: body(api.moveBody, true) },
    responses: { 200: opportunity('The opportunity one stage back') },
  },
  winOpportunity: {
    method: 'POST',
    path: '/opportunities/{opportunityId}/win',
    function: 'changeOpportunity',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Mark an open opportunity won',
    request: { params, query: null, body: body(api.moveBody, true) },
    responses: { 200: opportunity('The won opportunity') },
  },
  loseOpportunity: {
    method: 'POST',
    path: '/opportunities/{opportunityId}/lose',
    function: 'changeOpportunity',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Mark an open opportunity lost, saying why',
    request: { params, query: null, body: body(api.loseBody) },
    responses: { 200: opportunity('The lost opportunity') },
  },
  attachQuote: {
    method: 'POST',
    path: '/opportunities/{opportunityId}/quotes',
    function: 'changeOpportunity',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Attach a quote of the same customer (recorded on the quote too); its acceptance wins the opportunity',
    request: { params, query: null, body: body(api.attachBody) },
    responses: { 200: opportunity('The opportunity with the quote') },
  },
  pipeline: {
    method: 'GET',
    path: '/pipeline',
    function: 'pipeline',
    auth: read,
    summary:
      'Open opportunities per owner and stage: count, amount and weighted forecast per currency and in TRY (reps: own, team managers: team)',
    request: { params: null, query: api.pipelineQuery, body: null },
    responses: { 200: { description: 'The pipeline', json: api.pipeline } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const opportunitiesUseCase: UseCaseManifest = {
  name: 'opportunities',
  events,
  recordParts: { opportunities: { place: 70 } },
  problems: opportunitiesProblems,
  scopes: {
    'opportunities:read': {
      en: 'Read opportunities and the pipeline',
      tr: 'Fırsatları ve satış hunisini okur',
      grantedTo: ['rep', 'manager', 'director', 'admin'],
    },
    'opportunities:write': {
      en: 'Create and move opportunities',
      tr: 'Fırsat oluşturur ve ilerletir',
      grantedTo: ['rep', 'manager', 'director'],
    },
  },
  functions: {
    openOpportunity: {
      entry: `${dir}/open-opportunity.ts`,
      description: 'Staff: open an opportunity',
      uses: { table: 'write' },
    },
    getOpportunity: {
      entry: `${dir}/get-opportunity.ts`,
      description: 'Staff: an opportunity with its cost and margin',
      uses: { table: 'read' },
    },
    changeOpportunity: {
      entry: `${dir}/change-opportunity.ts`,
      description: 'Staff: change, move, win, lose an opportunity, or attach a quote',
      uses: { table: 'write' },
    },
    pipeline: {
      entry: `${dir}/pipeline.ts`,
      description: 'Staff: the pipeline and weighted forecast by reach',
      uses: { table: 'read' },
    },
    openFromLead: {
      entry: `${dir}/open-from-lead.ts`,
      description: 'Opens the opportunity of a converted lead, once',
      uses: { table: 'write' },
    },
    winOnAcceptance: {
      entry: `${dir}/win-on-acceptance.ts`,
      description: "Wins an accepted quote's opportunity, once",
      uses: { table: 'write' },
    },
    winOnOrder: {
      entry: `${dir}/win-on-order.ts`,
      description: "Wins the opportunity of an order's quote, once",
      uses: { table: 'write' },
    },
  },
  routes: routeList(opportunityRoutes),
  subscriptions: [
    {
      name: 'open-opportunity-from-lead',
      function: 'openFromLead',
      pattern: {
        source: [catalogue.LeadStatusChanged.source],
        'detail-type': ['LeadStatusChanged'],
        detail: { to: ['converted'] },
      },
    },
    {
      name: 'win-opportunity-on-acceptance',
      function: 'winOnAcceptance',
      pattern: { source: [catalogue.QuoteAccepted.source], 'detail-type': ['QuoteAccepted'] },
    },
    {
      name: 'win-opportunity-on-order',
      function: 'winOnOrder',
      pattern: {
        source: [catalogue.OrderCreated.source],
        'detail-type': ['OrderCreated'],
        detail: { quoteId: [{ exists: true }] },
      },
    },
  ],
  schedules: [],
};
