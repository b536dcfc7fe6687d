import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';
import { orderIntakeSchema, statusChangeSchema } from './domain/order-input.js';
import { events } from './events.js';
import { orderRoutingProblems } from './problems.js';

const dir = 'functions/order-routing/handlers';
const read = { scopes: ['orders:read' as const] };
const write = { scopes: ['orders:write' as const] };
const admin = { scopes: ['routing:admin' as const] };
const orderEvent = (type: keyof typeof events) => ({ source: [events[type].source], 'detail-type': [type] });
/** Two hundred lines of JSON fit well under 64 KiB. */
const ORDER_BODY_BYTES = 64 * 1024;
const page = (description: string) => ({ description, media: 'text/html' }) as const;
const linkPages = {
  200: page('The page for the link, or what it did'),
  403: page('The link is not valid'),
  409: page('Acknowledged or moved on already'),
  410: page('The link has expired'),
} as const;
const reportResponses = {
  200: { description: 'The report (CSV with ?format=csv or Accept: text/csv)', json: api.report, csv: true },
} as const;
const report = (path: string, summary: string) =>
  ({
    method: 'GET',
    path,
    function: 'orderReports',
    auth: read,
    summary,
    request: { params: null, query: api.reportQuery, body: null },
    responses: reportResponses,
  }) as const;

/** Each route once, by name: a handler binds to `orderRoutes.x`, so a path is written only here. */
export const orderRoutes = {
  intakeOrder: {
    method: 'POST',
    path: '/orders',
    function: 'intakeOrder',
    idempotency: { key: 'required' },
    auth: write,
    summary:
      'An order from a web shop, an ERP or the call center (Idempotency-Key required: a retry gets the first answer)',
    request: { params: null, query: null, body: { schema: orderIntakeSchema, maxBytes: ORDER_BODY_BYTES } },
    responses: { 201: { description: 'Received; routing follows', json: api.orderReceived } },
  },
  listOrders: {
    method: 'GET',
    path: '/orders',
    function: 'listOrders',
    auth: read,
    summary:
      'Orders in one status (or every open one), by unit and age, oldest or newest first, paged; a unit sees only its own queue',
    request: { params: null, query: api.listOrdersQuery, body: null },
    responses: { 200: { description: 'A page of orders', json: api.orderPage } },
  },
  exportOrders: {
    method: 'GET',
    path: '/orders/export',
    function: 'listOrders',
    auth: read,
    summary:
      'Every order the list filter finds (not one page), as CSV (BOM, formula-safe cells) unless ?format=json; at most 10,000',
    request: { params: null, query: api.exportOrdersQuery, body: null },
    responses: { 200: { description: 'The orders', json: api.orderExport, csv: true } },
  },
  getOrder: {
    method: 'GET',
    path: '/orders/{orderId}',
    function: 'getOrder',
    auth: read,
    summary: 'An order with its routing decision and its history',
    request: { params: api.orderParams, query: null, body: null },
    responses: { 200: { description: 'The order', json: api.orderWithHistory } },
  },
  changeOrderStatus: {
    method: 'POST',
    path: '/orders/{orderId}/status',
    function: 'orderStatus',
    idempotency: { key: 'optional' },
    auth: write,
    summary: 'Acknowledge, start, ship, deliver; staff cancel or record a return (an out-of-order move is a 409)',
    request: { params: api.orderParams, query: null, body: { schema: statusChangeSchema, maxBytes: 4096 } },
    responses: { 200: { description: 'The order as moved', json: api.orderResponse } },
  },
  getRoutingRules: {
    method: 'GET',
    path: '/routing-rules',
    function: 'getRoutingRules',
    auth: admin,
    summary: 'The routing rules in force, with their seq',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The rules', json: api.routingRules } },
  },
  replaceRoutingRules: {
    method: 'PUT',
    path: '/routing-rules',
    function: 'replaceRoutingRules',
    auth: admin,
    summary: 'Replace the routing rules (an unknown unit is a 422 naming it; a stale seq a 409)',
    request: { params: null, query: null, body: { schema: api.routingRulesBody, maxBytes: 256 * 1024 } },
    responses: { 200: { description: 'The rules now in force', json: api.routingRules } },
  },
  openOrdersReport: report('/reports/orders/open', 'Open orders by unit and age'),
  overdueOrdersReport: report('/reports/orders/overdue', 'Orders past their requested date'),
  revenueReport: report('/reports/orders/revenue', 'Revenue by period in each currency and in TRY'),
  profitabilityReport: report(
    '/reports/orders/profitability',
    'Order profitability by period, from the quote where it came from one',
  ),
  acknowledgeLinkPage: {
    method: 'GET',
    path: '/order-links/acknowledge',
    function: 'acknowledgePage',
    auth: 'public',
    summary: "A unit's signed acknowledge link: the order and one button",
    request: { params: null, query: api.linkQuery, body: null },
    responses: linkPages,
  },
  acknowledgeLinkAct: {
    method: 'POST',
    path: '/order-links/acknowledge',
    function: 'acknowledgePage',
    auth: 'public',
    summary: "The unit's button press: acknowledges the order",
    request: {
      params: null,
      query: null,
      body: { schema: api.linkForm, maxBytes: 8192, media: ['application/x-www-form-urlencoded'] },
    },
    responses: linkPages,
  },
} as const satisfies Record<string, RouteDeclaration>;

export const orderRouting: UseCaseManifest = {
  name: 'order-routing',
  events,
  recordParts: { orders: { place: 30 } },
  problems: orderRoutingProblems,
  scopes: {
    'orders:read': {
      en: 'Read orders',
      tr: 'Siparişleri okur',
      grantedTo: ['rep', 'manager', 'director', 'agent', 'dealer', 'admin'],
    },
    'orders:write': {
      en: 'Place orders and move them through their units',
      tr: 'Sipariş verir ve birimlerde ilerletir',
      grantedTo: ['manager', 'director', 'agent', 'dealer'],
    },
    'routing:admin': {
      en: 'Change the routing rules and units',
      tr: 'Yönlendirme kurallarını ve birimleri değiştirir',
      grantedTo: [],
      mfa: true,
    },
  },
  functions: {
    createOrder: {
      entry: `${dir}/create-order.ts`,
      description: 'Creates the order of an accepted quote, once',
      uses: { table: 'write' },
    },
    intakeOrder: {
      entry: `${dir}/intake-order.ts`,
      description: 'Shops, ERPs, call center: an order in, once per Idempotency-Key',
      uses: { table: 'write' },
    },
    getOrder: {
      entry: `${dir}/get-order.ts`,
      description: 'Staff and units: an order with its history',
      uses: { table: 'read' },
    },
    listOrders: {
      entry: `${dir}/list-orders.ts`,
      description: 'Staff and units: orders by status, unit and age, paged or exported',
      uses: { table: 'read' },
    },
    orderStatus: {
      entry: `${dir}/order-status.ts`,
      description: 'Staff and units: move an order through its lifecycle',
      uses: { table: 'write' },
    },
    getRoutingRules: {
      entry: `${dir}/get-routing-rules.ts`,
      description: 'Admin: the routing rules in force',
      uses: { table: 'read' },
    },
    replaceRoutingRules: {
      entry: `${dir}/replace-routing-rules.ts`,
      description: 'Admin: replace the routing rules',
      uses: { table: 'write' },
    },
    routeOrder: {
      entry: `${dir}/route-order.ts`,
      description: 'Routes a new order to a unit by the rules',
      uses: { table: 'write' },
    },
    mailUnit: {
      entry: `${dir}/mail-unit.ts`,
      description: 'Mails a routed order to its unit with the acknowledge link',
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    mailReroutedUnit: {
      entry: `${dir}/mail-rerouted-unit.ts`,
      description: 'Mails a re-routed order to its new unit with the acknowledge link',
      uses: { table: 'write', mail: true, signingSecret: true },
    },
    acknowledgePage: {
      entry: `${dir}/acknowledge-page.ts`,
      description: 'Signed acknowledge link page for units',
      uses: { table: 'write', signingSecret: true },
    },
    notifyCustomer: {
      entry: `${dir}/notify-customer.ts`,
      description: 'Tells the customer their order shipped or arrived',
      uses: { table: 'write', mail: true },
    },
    orderReports: {
      entry: `${dir}/order-reports.ts`,
      description: 'Staff and units: open, overdue, revenue and profitability reports (JSON or CSV)',
      uses: { table: 'read' },
    },
    rerouteOverdue: {
      entry: `${dir}/reroute-overdue.ts`,
      description: 'Re-routes orders whose unit missed its acknowledgement SLA',
      uses: { table: 'write' },
    },
  },
  routes: routeList(orderRoutes),
  subscriptions: [
    {
      name: 'create-order',
      function: 'createOrder',
      pattern: { source: [catalogue.QuoteAccepted.source], 'detail-type': ['QuoteAccepted'] },
    },
    { name: 'route-order', function: 'routeOrder', pattern: orderEvent('OrderCreated') },
    { name: 'mail-unit', function: 'mailUnit', pattern: orderEvent('OrderRouted') },
    { name: 'mail-rerouted-unit', function: 'mailReroutedUnit', pattern: orderEvent('OrderRerouted') },
    { name: 'notify-customer', function: 'notifyCustomer', pattern: orderEvent('OrderStatusChanged') },
  ],
  schedules: [
    // Every five minutes: an SLA is minutes to hours, so a re-route comes at most five minutes late.
    {
      name: 'reroute-overdue-orders',
      function: 'rerouteOverdue',
      expression: 'rate(5 minutes)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
