// One lookup by any number people speak (a quote's, an order's, a request's, a lead's, a customer's):
// the header search box of the console. It asks each owning module's own access rule through its
// public surface, so it sits above them and none imports it.
import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as api from './api-schemas.js';

const dir = 'functions/record-lookup/handlers';

export const lookupRoutes = {
  findNumber: {
    method: 'GET',
    path: '/numbers/{number}',
    function: 'findNumber',
    // Any signed-in key: the record's kind decides the scope it needs (leads:read for a lead…).
    auth: { scopes: [] },
    summary:
      "Any staff: the record a number stands for (Q-, SP-, TL-, L-, M-), if the caller's scopes and reach let them see it",
    request: { params: api.numberParams, query: null, body: null },
    responses: { 200: { description: 'The record the number stands for', json: api.foundRecord } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const recordLookup: UseCaseManifest = {
  name: 'record-lookup',
  functions: {
    findNumber: {
      entry: `${dir}/find-number.ts`,
      description: 'Any staff: the record a spoken number stands for, within their reach',
      uses: { table: 'read' },
    },
  },
  routes: routeList(lookupRoutes),
  subscriptions: [],
  schedules: [],
};
