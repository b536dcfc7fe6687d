// Call lists: a segment's customers handed to agents to call (assigned in turn, claimed one at a
// time), each call's outcome logged on the customer's timeline, and the list's progress.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { callListsProblems } from './problems.js';

const dir = 'functions/call-lists/handlers';

/** Each route once, by name: a handler binds to `callListRoutes.x`, so a path is written only here. */
export const callListRoutes = {
  createList: {
    method: 'POST',
    path: '/call-lists',
    function: 'callListsApi',
    auth: { scopes: ['campaigns:write'] },
    summary: "A call list from a segment: the gate's refusals skipped and counted, entries assigned to agents in turn",
    request: { params: null, query: null, body: { schema: api.createListBody, maxBytes: 16 * 1024 } },
    responses: { 201: { description: 'The list', json: api.list } },
  },
  listLists: {
    method: 'GET',
    path: '/call-lists',
    function: 'callListsApi',
    auth: { scopes: ['campaigns:read'] },
    summary: 'Call lists, newest first, each with its entries left to call; `status` keeps those open or done',
    request: { params: null, query: api.listsQuery, body: null },
    responses: { 200: { description: 'A page of call lists', json: api.listPage } },
  },
  getList: {
    method: 'GET',
    path: '/call-lists/{listId}',
    function: 'callListsApi',
    auth: { scopes: ['customers:read'] },
    summary: "The list's progress: entries by state, outcomes, each agent's share",
    request: { params: api.listParams, query: null, body: null },
    responses: { 200: { description: 'The progress', json: api.progress } },
  },
  nextCall: {
    method: 'POST',
    path: '/call-lists/{listId}/next',
    function: 'callListsApi',
    auth: { scopes: ['activities:write'] },
    summary: "Claims the agent's next call (their own entries first), never one another agent holds",
    request: { params: api.listParams, query: null, body: null },
    responses: { 200: { description: 'The claimed entry, or null when the list is worked', json: api.nextAnswer } },
  },
  recordOutcome: {
    method: 'POST',
    path: '/call-lists/{listId}/entries/{customerId}/outcome',
    function: 'callListsApi',
    auth: { scopes: ['activities:write'] },
    summary: "The outcome of the call the agent claimed, logged as a call on the customer's timeline",
    request: { params: api.entryParams, query: null, body: { schema: api.outcomeBody, maxBytes: 8 * 1024 } },
    responses: { 200: { description: 'The entry after the call', json: api.entryAnswer } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const callLists: UseCaseManifest = {
  name: 'call-lists',
  problems: callListsProblems,
  functions: {
    callListsApi: {
      entry: `${dir}/call-lists-api.ts`,
      description: 'Call lists: made from a segment, worked by agents, progress',
      uses: { table: 'write' },
    },
  },
  routes: routeList(callListRoutes),
  subscriptions: [],
  schedules: [],
};
