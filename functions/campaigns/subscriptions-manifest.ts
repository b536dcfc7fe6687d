// Permission marketing's routes, functions, subscriptions and schedules: unsubscribe and preferences
// (public, signed links), SES events → suppression and campaign stats, birthday greetings. Declared
// apart from the campaigns' own manifest; `permissionMarketing` runs them as a use case of its own.

import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as z from '../../shared/schema.js';
import { catalogue } from '../event-table.js';

const dir = 'functions/campaigns/handlers';

const page = (description: string) => ({ description, media: 'text/html' }) as const;
/** A bad or missing token gets the "link not valid" page, not a problem. */
const tokenQuery = z.looseObject({ token: z.optional(z.string()) });
const gone = page('The link is invalid or expired');

export const subscriptionRoutes = {
  unsubscribePage: {
    method: 'GET',
    path: '/unsubscribe',
    function: 'unsubscribe',
    auth: 'public',
    summary:
      'Unsubscribe link from a marketing mail: shows a confirm button and a link to the preferences, changes nothing',
    request: { params: null, query: tokenQuery, body: null },
    responses: { 200: page('The confirm button'), 410: gone },
  },
  unsubscribe: {
    method: 'POST',
    path: '/unsubscribe',
    function: 'unsubscribe',
    auth: 'public',
    summary:
      "RFC 8058 one-click unsubscribe (and the page's button): withdraws consent for the link's topic at once; idempotent",
    request: {
      params: null,
      query: tokenQuery,
      // Mail clients post `List-Unsubscribe=One-Click` as a form or multipart; the signed URL is what acts, so the body is not read.
      body: {
        schema: z.looseObject({ 'List-Unsubscribe': z.optional(z.literal('One-Click')) }),
        maxBytes: 1024,
        media: ['application/x-www-form-urlencoded', 'multipart/form-data'],
        optional: true,
        raw: true,
      },
    },
    responses: { 200: page('Unsubscribed (or already was)'), 410: gone },
  },
  preferencesPage: {
    method: 'GET',
    path: '/unsubscribe/preferences',
    function: 'preferences',
    auth: 'public',
    summary: "The subscriber's topics with their current choice, each with a leave button",
    request: { params: null, query: tokenQuery, body: null },
    responses: { 200: page('The topics'), 410: gone },
  },
  leaveTopic: {
    method: 'POST',
    path: '/unsubscribe/preferences',
    function: 'preferences',
    auth: 'public',
    summary: 'Leave one topic, or `all`; other topics and transactional mail are unchanged',
    request: {
      params: null,
      query: tokenQuery,
      body: {
        schema: z.looseObject({ topic: z.optional(z.string()) }),
        maxBytes: 1024,
        media: ['application/x-www-form-urlencoded'],
      },
    },
    responses: { 200: page('The topics, the one left marked'), 400: page('No such topic'), 410: gone },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const subscriptionFunctions: UseCaseManifest['functions'] = {
  unsubscribe: {
    entry: `${dir}/unsubscribe.ts`,
    description: 'Unsubscribe link: confirmation page and one-click withdrawal',
    uses: { table: 'write', signingSecret: true },
  },
  preferences: {
    entry: `${dir}/preferences.ts`,
    description: 'Subscription preference page',
    uses: { table: 'write', signingSecret: true },
  },
  recordSesEvent: {
    entry: `${dir}/record-ses-event.ts`,
    description: 'SES events: suppress hard bounces and complaints, count per campaign',
    uses: { table: 'write' },
  },
  recordSmsStatus: {
    entry: `${dir}/record-sms-status.ts`,
    description: "Texts' delivery status: onto each campaign recipient's record, counted per campaign",
    uses: { table: 'write' },
  },
  greetBirthdays: {
    entry: `${dir}/greet-birthdays.ts`,
    description: "Greets today's birthdays by each customer's preferred channel (e-mail or text)",
    timeoutSeconds: 900,
    uses: { table: 'write', mail: true, sms: true, signingSecret: true },
  },
};

export const subscriptionSubscriptions: UseCaseManifest['subscriptions'] = [
  // SES publishes to the default bus; a rule there forwards every `aws.ses` event to the crm bus.
  { name: 'record-ses-event', function: 'recordSesEvent', pattern: { source: ['aws.ses'] } },
  {
    name: 'record-sms-status',
    function: 'recordSmsStatus',
    pattern: { source: [catalogue.SmsStatusReported.source], 'detail-type': ['SmsStatusReported'] },
  },
];

export const subscriptionSchedules: UseCaseManifest['schedules'] = [
  {
    name: 'birthday-greetings',
    function: 'greetBirthdays',
    expression: 'cron(0 9 * * ? *)',
    timezone: 'Europe/Istanbul',
  },
];

export const permissionMarketing: UseCaseManifest = {
  name: 'subscriptions',
  functions: subscriptionFunctions,
  routes: routeList(subscriptionRoutes),
  subscriptions: subscriptionSubscriptions,
  schedules: subscriptionSchedules,
};
