import { sources } from '../../events/catalogue.js';
import type { UseCaseManifest } from '../../shared/manifest.js';

const dir = 'functions/order-routing/handlers';
const read = { scopes: ['orders:read' as const] };
const write = { scopes: ['orders:write' as const] };
const admin = { scopes: ['routing:admin' as const] };
const orderEvent = (type: string) => ({ source: [sources.orders], 'detail-type': [type] });

export const orderRouting: UseCaseManifest = {
  name: 'order-routing',
  functions: {
    createOrder: { entry: `${dir}/create-order.ts`, description: 'Creates the order of an accepted quote, once', uses: { table: 'write' } },
    intakeOrder: { entry: `${dir}/intake-order.ts`, description: 'Shops, ERPs, call center: an order in, once per Idempotency-Key', uses: { table: 'write' } },
    getOrder: { entry: `${dir}/get-order.ts`, description: 'Staff and units: an order with its history', uses: { table: 'read' } },
    listOrders: { entry: `${dir}/list-orders.ts`, description: 'Staff and units: orders by status, oldest first', uses: { table: 'read' } },
    orderStatus: { entry: `${dir}/order-status.ts`, description: 'Staff and units: move an order through its lifecycle', uses: { table: 'write' } },
    getRoutingRules: { entry: `${dir}/get-routing-rules.ts`, description: 'Admin: the routing rules in force', uses: { table: 'read' } },
    replaceRoutingRules: { entry: `${dir}/replace-routing-rules.ts`, description: 'Admin: replace the routing rules', uses: { table: 'write' } },
    routeOrder: { entry: `${dir}/route-order.ts`, description: 'Routes a new order to a unit by the rules', uses: { table: 'write' } },
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
    notifyCustomer: { entry: `${dir}/notify-customer.ts`, description: 'Tells the customer their order shipped or arrived', uses: { table: 'write', mail: true } },
    orderReports: { entry: `${dir}/order-reports.ts`, description: 'Staff and units: open, overdue, revenue and profitability reports (JSON or CSV)', uses: { table: 'read' } },
    rerouteOverdue: { entry: `${dir}/reroute-overdue.ts`, description: 'Re-routes orders whose unit missed its acknowledgement SLA', uses: { table: 'write' } },
  },
  routes: [
    { method: 'POST', path: '/orders', function: 'intakeOrder', auth: write },
    { method: 'GET', path: '/orders', function: 'listOrders', auth: read },
    { method: 'GET', path: '/orders/{orderId}', function: 'getOrder', auth: read },
    { method: 'POST', path: '/orders/{orderId}/status', function: 'orderStatus', auth: write },
    { method: 'GET', path: '/routing-rules', function: 'getRoutingRules', auth: admin },
    { method: 'PUT', path: '/routing-rules', function: 'replaceRoutingRules', auth: admin },
    { method: 'GET', path: '/reports/orders/open', function: 'orderReports', auth: read },
    { method: 'GET', path: '/reports/orders/overdue', function: 'orderReports', auth: read },
    { method: 'GET', path: '/reports/orders/revenue', function: 'orderReports', auth: read },
    { method: 'GET', path: '/reports/orders/profitability', function: 'orderReports', auth: read },
    { method: 'GET', path: '/order-links/acknowledge', function: 'acknowledgePage', auth: 'public' },
    { method: 'POST', path: '/order-links/acknowledge', function: 'acknowledgePage', auth: 'public' },
  ],
  subscriptions: [
    { name: 'create-order', function: 'createOrder', pattern: { source: [sources.quotes], 'detail-type': ['QuoteAccepted'] } },
    { name: 'route-order', function: 'routeOrder', pattern: orderEvent('OrderCreated') },
    { name: 'mail-unit', function: 'mailUnit', pattern: orderEvent('OrderRouted') },
    { name: 'mail-rerouted-unit', function: 'mailReroutedUnit', pattern: orderEvent('OrderRerouted') },
    { name: 'notify-customer', function: 'notifyCustomer', pattern: orderEvent('OrderStatusChanged') },
  ],
  schedules: [
    // Every five minutes: an SLA is minutes to hours, so a re-route comes at most five minutes late.
    { name: 'reroute-overdue-orders', function: 'rerouteOverdue', expression: 'rate(5 minutes)', timezone: 'Europe/Istanbul' },
  ],
};
