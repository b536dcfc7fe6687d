import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { rotateSchema, subscriptionSchema } from './domain/subscription-input.js';
import { webhooksProblems } from './problems.js';

const dir = 'functions/webhooks/handlers';
const admin = { scopes: ['webhooks:admin'] } as const;

/** Each route once, by name: a handler binds to `webhookRoutes.x`, so a path is written only here. */
export const webhookRoutes = {
  createWebhook: {
    method: 'POST',
    path: '/webhooks',
    function: 'manageWebhooks',
    auth: admin,
    summary:
      'Subscribes an https URL to event types of the catalogue; deliveries are signed (Standard Webhooks) with the secret answered here once',
    request: { params: null, query: null, body: { schema: subscriptionSchema, maxBytes: 8 * 1024 } },
    responses: {
      201: { description: 'Subscribed', json: api.subscriptionWithSecret, headers: ['location'] },
    },
  },
  listWebhooks: {
    method: 'GET',
    path: '/webhooks',
    function: 'manageWebhooks',
    auth: admin,
    summary: 'Every webhook subscription (never their secrets)',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The subscriptions', json: api.subscriptionList } },
  },
  getWebhook: {
    method: 'GET',
    path: '/webhooks/{subscriptionId}',
    function: 'manageWebhooks',
    auth: admin,
    summary: 'One webhook subscription',
    request: { params: api.subscriptionParams, query: null, body: null },
    responses: { 200: { description: 'The subscription', json: api.subscriptionView } },
  },
  rotateWebhookSecret: {
    method: 'POST',
    path: '/webhooks/{subscriptionId}/rotate-secret',
    function: 'manageWebhooks',
    auth: admin,
    summary:
      'A new signing secret (answered once); the old one keeps signing beside it for `overlapHours` (24 by default)',
    request: {
      params: api.subscriptionParams,
      query: null,
      body: { schema: rotateSchema, maxBytes: 1024, optional: true },
    },
    responses: { 200: { description: 'Rotated', json: api.subscriptionWithSecret } },
  },
  enableWebhook: {
    method: 'POST',
    path: '/webhooks/{subscriptionId}/enable',
    function: 'manageWebhooks',
    auth: admin,
    summary: 'Enables a disabled subscription; the events that waited are sent in order',
    request: { params: api.subscriptionParams, query: null, body: null },
    responses: { 200: { description: 'Enabled', json: api.subscriptionView } },
  },
  disableWebhook: {
    method: 'POST',
    path: '/webhooks/{subscriptionId}/disable',
    function: 'manageWebhooks',
    auth: admin,
    summary: 'Disables a subscription: events of its types are no longer queued for it',
    request: { params: api.subscriptionParams, query: null, body: null },
    responses: { 200: { description: 'Disabled', json: api.subscriptionView } },
  },
  listWebhookDeliveries: {
    method: 'GET',
    path: '/webhooks/{subscriptionId}/deliveries',
    function: 'manageWebhooks',
    auth: admin,
    summary: "A subscription's deliveries, newest event first: status, attempts, the receiver's response code and time",
    request: { params: api.subscriptionParams, query: api.deliveriesQuery, body: null },
    responses: { 200: { description: 'A page of deliveries', json: api.deliveryPage } },
  },
  resendWebhookDelivery: {
    method: 'POST',
    path: '/webhooks/{subscriptionId}/deliveries/{eventId}/resend',
    function: 'manageWebhooks',
    auth: admin,
    summary: 'Sends an event again (same webhook-id), at its place in order of occurrence',
    request: { params: api.deliveryParams, query: null, body: null },
    responses: { 202: { description: 'Queued', json: api.resent } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const webhooks: UseCaseManifest = {
  name: 'webhooks',
  problems: webhooksProblems,
  scopes: {
    'webhooks:admin': {
      en: 'Subscribe URLs to events, rotate their secrets, resend deliveries',
      tr: 'Olaylara URL abone eder, sırlarını yeniler, teslimatları yeniden gönderir',
      grantedTo: [],
    },
  },
  functions: {
    manageWebhooks: {
      entry: `${dir}/manage-webhooks.ts`,
      description: 'Admins: webhook subscriptions, their secrets and deliveries',
      uses: { table: 'write' },
    },
    fanOut: {
      entry: `${dir}/fan-out.ts`,
      description: 'Queues each event for the webhook subscriptions of its type',
      uses: { table: 'write' },
    },
    deliverWebhooks: {
      entry: `${dir}/deliver-webhooks.ts`,
      description: 'Sends queued webhook deliveries in order, retrying with backoff; disables one failing for 3 days',
      // Lanes run side by side, each within a 25 s budget of 5 s attempts.
      timeoutSeconds: 60,
      uses: { table: 'write', mail: true },
    },
  },
  routes: routeList(webhookRoutes),
  subscriptions: [
    {
      name: 'webhook-fan-out',
      function: 'fanOut',
      pattern: { source: [...new Set(Object.values(catalogue).map(({ source }) => source))] },
    },
  ],
  // Every minute: a delivery goes out within a minute of its event, and a retry within a minute of its time.
  schedules: [
    {
      name: 'deliver-webhooks',
      function: 'deliverWebhooks',
      expression: 'rate(1 minute)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
