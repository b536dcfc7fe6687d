import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import { catalogue } from '../event-table.js';
import * as api from './api-schemas.js';

const dir = 'functions/instalments/handlers';

/** Each route once, by name: a handler binds to `instalmentsRoutes.x`. */
export const instalmentsRoutes = {
  listOverdue: {
    method: 'GET',
    path: '/instalments/overdue',
    function: 'overdueInstalments',
    // Managers and directors: the list names orders and customers by id and amounts, firm-wide.
    auth: { scopes: ['quotes:approve'] },
    summary: "Orders with an instalment past its due date and not paid in full, oldest first (the manager's list)",
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The overdue plans', json: api.overdueList } },
  },
} as const satisfies Record<string, RouteDeclaration>;

/** An order's instalments past the quote: on the customer's record, reminded, paid down by the ERP. */
export const instalments: UseCaseManifest = {
  name: 'instalments',
  recordParts: { instalments: { place: 120 } },
  functions: {
    overdueInstalments: {
      entry: `${dir}/overdue-instalments.ts`,
      description: 'Managers: orders with overdue instalments',
      uses: { table: 'read' },
    },
    planInstalments: {
      entry: `${dir}/plan-instalments.ts`,
      description: "Puts an order's payment plan on the customer's record as instalments, once",
      uses: { table: 'write' },
    },
    payInstalments: {
      entry: `${dir}/pay-instalments.ts`,
      description: "Pays an order's instalments down with a payment the ERP posted, once per payment",
      uses: { table: 'write' },
    },
    remindInstalments: {
      entry: `${dir}/remind-instalments.ts`,
      description: 'Mails owners of instalments due in a few working days, once per instalment',
      uses: { table: 'write', mail: true },
    },
  },
  routes: routeList(instalmentsRoutes),
  subscriptions: [
    {
      name: 'plan-instalments',
      function: 'planInstalments',
      pattern: { source: [catalogue.OrderCreated.source], 'detail-type': ['OrderCreated'] },
    },
    {
      name: 'pay-instalments',
      function: 'payInstalments',
      pattern: { source: [catalogue.PaymentPosted.source], 'detail-type': ['PaymentPosted'] },
    },
  ],
  schedules: [
    // Working days open at 09:00 Istanbul: reminders fall due then, and a run each hour catches up.
    {
      name: 'remind-instalments',
      function: 'remindInstalments',
      expression: 'cron(5 * * * ? *)',
      timezone: 'Europe/Istanbul',
    },
  ],
};
