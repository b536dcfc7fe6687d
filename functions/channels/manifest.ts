// Channels: texts through End User Messaging SMS (the delivery events and replies its topic brings
// back), the customer's preferred channel for notices and statements, and notices sent by it.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';
import { events } from './events.js';
import { channelsProblems } from './problems.js';

const dir = 'functions/channels/handlers';
const read = { scopes: ['customers:read'] } as const;
const write = { scopes: ['customers:write'] } as const;
const page = (description: string) => ({ description, media: 'text/html' }) as const;

/** Each route once, by name: a handler binds to `channelRoutes.x`, so a path is written only here. */
export const channelRoutes = {
  getPreference: {
    method: 'GET',
    path: '/customers/{customerId}/channel-preference',
    function: 'preferencesApi',
    auth: read,
    summary: "The customer's preferred channel for notices and statements, and which channels the record reaches",
    request: { params: api.customerParams, query: null, body: null },
    responses: { 200: { description: 'The preference', json: api.preference } },
  },
  setPreference: {
    method: 'PUT',
    path: '/customers/{customerId}/channel-preference',
    function: 'preferencesApi',
    auth: write,
    summary: 'Staff set the preferred channel (email, sms, letter), guarded by the seq the caller saw',
    request: { params: api.customerParams, query: null, body: { schema: api.setPreferenceBody, maxBytes: 1024 } },
    responses: { 200: { description: 'The preference', json: api.preference } },
  },
  preferenceLink: {
    method: 'POST',
    path: '/customers/{customerId}/channel-preference/link',
    function: 'preferencesApi',
    auth: write,
    summary: 'A signed link (30 days) for the customer to choose their channel themselves',
    request: { params: api.customerParams, query: null, body: null },
    responses: { 200: { description: 'The link', json: api.preferenceLinkAnswer } },
  },
  sendNotice: {
    method: 'POST',
    path: '/customers/{customerId}/notices',
    function: 'noticesApi',
    auth: write,
    summary:
      'A notice or statement by the preferred channel, falling back to e-mail then SMS (Idempotency-Key: a retry sends one)',
    request: { params: api.customerParams, query: null, body: { schema: api.noticeBody, maxBytes: 16 * 1024 } },
    idempotency: { key: 'optional' },
    responses: { 201: { description: 'Sent (or skipped, with the reason)', json: api.noticeSent } },
  },
  preferencePage: {
    method: 'GET',
    path: '/channel-preference',
    function: 'preferencePage',
    auth: 'public',
    summary: "The customer's channel choice page (signed link)",
    request: { params: null, query: api.tokenQuery, body: null },
    responses: { 200: page('The choice'), 410: page('The link is invalid or expired') },
  },
  choosePreference: {
    method: 'POST',
    path: '/channel-preference',
    function: 'preferencePage',
    auth: 'public',
    summary: 'The customer chooses a channel (signed link)',
    request: {
      params: null,
      query: api.tokenQuery,
      body: { schema: api.choiceForm, maxBytes: 1024, media: ['application/x-www-form-urlencoded'] },
    },
    responses: {
      200: page('The choice, saved'),
      400: page('No such channel'),
      410: page('The link is invalid or expired'),
      422: page('The record does not reach that channel'),
    },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const channels: UseCaseManifest = {
  name: 'channels',
  events,
  problems: channelsProblems,
  functions: {
    preferencesApi: {
      entry: `${dir}/preferences-api.ts`,
      description: 'Staff: read and set the preferred channel, or make the link for the customer',
      uses: { table: 'write', signingSecret: true },
    },
    preferencePage: {
      entry: `${dir}/preference-page.ts`,
      description: 'The customer chooses their channel through a signed link',
      uses: { table: 'write', signingSecret: true },
    },
    noticesApi: {
      entry: `${dir}/notices-api.ts`,
      description: 'Notices and statements by the preferred channel',
      uses: { table: 'write', mail: true, sms: true },
    },
    smsEvents: {
      entry: `${dir}/sms-events.ts`,
      description: 'SMS topic: delivery events onto the bus; refusal replies withdraw consent, confirmed once',
      uses: { table: 'write', sms: true, smsEvents: true },
    },
  },
  routes: routeList(channelRoutes),
  subscriptions: [],
  schedules: [],
};
