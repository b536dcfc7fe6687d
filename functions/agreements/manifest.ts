import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { pdfFontAssets } from '../../shared/pdf-fonts.js';
import * as api from './api-schemas.js';
import {
  createAgreementSchema,
  createStandingOrderSchema,
  orderUnderSchema,
  seqBody,
  skipBody,
} from './domain/agreement-input.js';
import { agreementsProblems } from './problems.js';

const dir = 'functions/agreements/handlers';
// Agreements are sales documents beside quotes: the same people read and write them.
const read = { scopes: ['quotes:read'] } as const;
const write = { scopes: ['quotes:write'] } as const;
const drawsPdf = { assets: pdfFontAssets, memoryMb: 1024, timeoutSeconds: 30 };
const page = (description: string) => ({ description, media: 'text/html' }) as const;
const linkPages = {
  200: page('The agreement and the form to accept it, or that it is accepted'),
  403: page('The link is not valid'),
  409: page('The agreement was accepted or changed meanwhile'),
  410: page('The link has expired'),
  422: page('The form again: a name is needed to accept'),
} as const;

/** Each route once, by name: a handler binds to `agreementRoutes.x`, so a path is written only here. */
export const agreementRoutes = {
  createAgreement: {
    method: 'POST',
    path: '/customers/{customerId}/agreements',
    function: 'createAgreement',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      'Draft a contract or framework sales agreement, directly or from an accepted quote (its lines become the agreed prices and volume)',
    request: { params: api.customerParams, query: null, body: { schema: createAgreementSchema, maxBytes: 128 * 1024 } },
    responses: { 201: { description: 'The draft', json: api.agreement, headers: ['location'] } },
  },
  getAgreement: {
    method: 'GET',
    path: '/agreements/{agreementId}',
    function: 'getAgreement',
    auth: read,
    summary: "The agreement: committed against ordered volume, its schedule's months placed and ahead, its history",
    request: { params: api.agreementParams, query: null, body: null },
    responses: { 200: { description: 'The agreement', json: api.agreementPage } },
  },
  getAgreementPdf: {
    method: 'GET',
    path: '/agreements/{agreementId}/pdf',
    function: 'getAgreement',
    auth: read,
    summary: 'The agreement as a PDF',
    request: { params: api.agreementParams, query: null, body: null },
    responses: { 200: { description: 'The PDF', media: 'application/pdf' } },
  },
  sendAgreement: {
    method: 'POST',
    path: '/agreements/{agreementId}/send',
    function: 'agreementActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Send a draft to the customer: its PDF and a signed link to accept it (guarded by the seq the caller saw)',
    request: { params: api.agreementParams, query: null, body: { schema: seqBody, maxBytes: 1024 } },
    responses: { 200: { description: 'Sent', json: api.agreement } },
  },
  skipPeriod: {
    method: 'POST',
    path: '/agreements/{agreementId}/skip',
    function: 'agreementActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: "Skip one month (YYYY-MM) of the agreement's periodic order before it is placed",
    request: { params: api.agreementParams, query: null, body: { schema: skipBody, maxBytes: 1024 } },
    responses: { 200: { description: 'Skipped', json: api.agreement } },
  },
  orderUnderAgreement: {
    method: 'POST',
    path: '/agreements/{agreementId}/orders',
    function: 'agreementActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: "An order under an agreement in force, at the agreement's prices, routed like any order",
    request: { params: api.agreementParams, query: null, body: { schema: orderUnderSchema, maxBytes: 32 * 1024 } },
    responses: { 201: { description: 'Placed', json: api.orderPlaced, headers: ['location'] } },
  },
  createStandingOrder: {
    method: 'POST',
    path: '/customers/{customerId}/standing-orders',
    function: 'createAgreement',
    idempotency: { key: 'optional' },
    auth: write,
    summary:
      "A customer's standing order without an agreement: lines ordered every month on a day, each month's order placed once",
    request: {
      params: api.customerParams,
      query: null,
      body: { schema: createStandingOrderSchema, maxBytes: 32 * 1024 },
    },
    responses: { 201: { description: 'The standing order', json: api.standingOrder, headers: ['location'] } },
  },
  getStandingOrder: {
    method: 'GET',
    path: '/standing-orders/{standingOrderId}',
    function: 'getAgreement',
    auth: read,
    summary: 'A standing order: its months placed (with their orders), the next ones ahead, its history',
    request: { params: api.standingOrderParams, query: null, body: null },
    responses: { 200: { description: 'The standing order', json: api.standingOrderPage } },
  },
  skipStandingPeriod: {
    method: 'POST',
    path: '/standing-orders/{standingOrderId}/skip',
    function: 'agreementActions',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Skip one month (YYYY-MM) of a standing order before it is placed',
    request: { params: api.standingOrderParams, query: null, body: { schema: skipBody, maxBytes: 1024 } },
    responses: { 200: { description: 'Skipped', json: api.standingOrder } },
  },
  acceptLinkPage: {
    method: 'GET',
    path: '/agreement-links/accept',
    function: 'acceptPage',
    auth: 'public',
    summary: "The customer's signed link: the agreement and the form to accept it",
    request: { params: null, query: api.linkQuery, body: null },
    responses: linkPages,
  },
  acceptLinkAct: {
    method: 'POST',
    path: '/agreement-links/accept',
    function: 'acceptPage',
    auth: 'public',
    summary: "The customer's button: accepts under their name, recording when, from which address and browser",
    request: {
      params: null,
      query: null,
      body: { schema: api.linkForm, maxBytes: 4096, media: ['application/x-www-form-urlencoded'] },
    },
    responses: linkPages,
  },
} as const satisfies Record<string, RouteDeclaration>;

export const agreementsUseCase: UseCaseManifest = {
  name: 'agreements',
  problems: agreementsProblems,
  functions: {
    createAgreement: {
      entry: `${dir}/create-agreement.ts`,
      description: 'Staff: draft a sales agreement, or start a standing order',
      uses: { table: 'write' },
    },
    getAgreement: {
      entry: `${dir}/get-agreement.ts`,
      description: 'Staff: an agreement with its volume and periods, or its PDF; a standing order',
      ...drawsPdf,
      uses: { table: 'read' },
    },
    agreementActions: {
      entry: `${dir}/agreement-actions.ts`,
      description: "Staff: send an agreement, skip an agreement's or a standing order's month, order under it",
      ...drawsPdf,
      uses: { table: 'write', mail: true },
    },
    acceptPage: {
      entry: `${dir}/accept-page.ts`,
      description: "The customer's signed link to accept an agreement",
      uses: { table: 'write' },
    },
    sweepAgreements: {
      entry: `${dir}/sweep-agreements.ts`,
      description: "Daily: agreements' and standing orders' periodic orders, renewal reminders and expiry",
      uses: { table: 'write', mail: true },
    },
    noticeMissedOrders: {
      entry: `${dir}/notice-missed-orders.ts`,
      description: "Daily: a to-do when a regular customer's expected order has not come",
      uses: { table: 'write' },
    },
  },
  routes: routeList(agreementRoutes),
  subscriptions: [],
  // Early each morning, Istanbul time: the day's orders and reminders are there when the office opens.
  schedules: [
    {
      name: 'sweep-agreements',
      function: 'sweepAgreements',
      expression: 'cron(0 6 * * ? *)',
      timezone: 'Europe/Istanbul',
    },
    {
      name: 'notice-missed-orders',
      function: 'noticeMissedOrders',
      expression: 'cron(30 6 * * ? *)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
