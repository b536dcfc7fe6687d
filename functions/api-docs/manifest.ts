// The API describes itself: the OpenAPI document generated from every manifest, and a reference
// page that renders it (Scalar's standalone bundle, served by the function as a declared asset).
import { type FunctionAsset, type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as z from '../../shared/schema.js';
import { apiDocumentFile } from '../api-document.js';

const dir = 'functions/api-docs/handlers';

export const referenceScript = {
  from: 'node_modules/@scalar/api-reference/dist/browser/standalone.js',
  to: 'scalar-standalone.js',
} satisfies FunctionAsset;

export const apiDocsRoutes = {
  openApiDocument: {
    method: 'GET',
    path: '/openapi.json',
    function: 'openApiDocument',
    auth: 'public',
    summary: 'This document: OpenAPI 3.1, generated from the manifests',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The OpenAPI document', json: z.looseObject({ openapi: z.literal('3.1.0') }) } },
  },
  referencePage: {
    method: 'GET',
    path: '/docs',
    function: 'apiReference',
    auth: 'public',
    summary: 'The API reference, rendered from /openapi.json',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'The reference page', media: 'text/html' } },
  },
  referenceScript: {
    method: 'GET',
    path: '/docs/scalar.js',
    function: 'apiReference',
    auth: 'public',
    summary: 'The script that renders the reference page',
    request: { params: null, query: null, body: null },
    responses: { 200: { description: 'Scalar’s standalone bundle', media: 'text/javascript' } },
  },
} as const satisfies Record<string, RouteDeclaration>;

export const apiDocs: UseCaseManifest = {
  name: 'api-docs',
  functions: {
    openApiDocument: {
      entry: `${dir}/openapi-document.ts`,
      description: 'The OpenAPI document of the whole API',
      assets: [apiDocumentFile],
      uses: {},
    },
    apiReference: {
      entry: `${dir}/api-reference.ts`,
      description: 'The API reference page and its script',
      assets: [referenceScript],
      memoryMb: 512,
      uses: {},
    },
  },
  routes: routeList(apiDocsRoutes),
  subscriptions: [],
  schedules: [],
};
