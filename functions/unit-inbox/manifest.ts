// A unit's inbox: the call-center requests, orders, cases and purchase requests routed to the signed-in
// person's unit (a dealer, a warehouse, a department), in one list, most urgent first. It reads the four
// modules' public surfaces, so it sits above them and none imports it.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';

const dir = 'functions/unit-inbox/handlers';

export const inboxRoutes = {
  getInbox: {
    method: 'GET',
    path: '/inbox',
    function: 'getInbox',
    auth: { scopes: ['requests:read'] },
    summary:
      "A unit's people: the active requests, orders, cases and purchase requests routed to their unit, overdue and soonest due first (business minutes in each unit's hours), each with the moves they may make",
    request: { params: null, query: api.inboxQuery, body: null },
    responses: { 200: { description: "The unit's inbox", json: api.inboxPage } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const unitInbox: UseCaseManifest = {
  name: 'unit-inbox',
  functions: {
    getInbox: {
      entry: `${dir}/get-inbox.ts`,
      description: "A unit's people: their unit's requests, orders, cases and purchase requests, most urgent first",
      uses: { table: 'read' },
    },
  },
  routes: routeList(inboxRoutes),
  subscriptions: [],
  schedules: [],
};
