import { type RouteDeclaration, routeList, type UseCaseManifest } from '../../shared/manifest.js';
import * as z from '../../shared/schema.js';
import { apiDocumentFile } from '../api-document.js';
import { mcpProblems } from './problems.js';

/** Any valid key: each tool then needs its own operation's scopes, checked by the API itself. */
const anyKey = { scopes: [] } as const;

/** A JSON-RPC message or batch, as the Model Context Protocol sends it. */
const jsonRpc = z.union([z.looseObject({ jsonrpc: z.literal('2.0') }), z.array(z.looseObject({}))]);

export const mcpRoutes = {
  mcp: {
    method: 'POST',
    path: '/mcp',
    function: 'mcpServer',
    auth: anyKey,
    summary:
      'Model Context Protocol server (Streamable HTTP, stateless): the CRM as tools for AI agents, each tool an operation of this API called with the same key',
    request: {
      params: null,
      query: null,
      body: { schema: jsonRpc, maxBytes: 64 * 1024, raw: true },
    },
    responses: {
      200: { description: 'The JSON-RPC answer', media: 'application/json' },
      202: { description: 'A notification, accepted' },
    },
  },
  mcpStream: {
    method: 'GET',
    path: '/mcp',
    function: 'mcpServer',
    auth: anyKey,
    summary: 'No server-sent event stream: the server is stateless, so this answers 405 as the protocol provides',
    request: { params: null, query: null, body: null },
    responses: {},
  },
} as const satisfies Record<string, RouteDeclaration>;

export const mcp: UseCaseManifest = {
  name: 'mcp',
  problems: mcpProblems,
  functions: {
    mcpServer: {
      entry: 'functions/mcp/handlers/mcp.ts',
      description: 'AI agents: the Model Context Protocol server over the API',
      timeoutSeconds: 29,
      // Its tools are the API's operations, read from the OpenAPI document.
      assets: [apiDocumentFile],
      // The audit trail of tool calls.
      uses: { table: 'write' },
    },
  },
  routes: routeList(mcpRoutes),
  subscriptions: [],
  schedules: [],
};
