// The MCP server for one request (stateless Streamable HTTP: no session, each POST stands alone, JSON
// answers rather than an event stream). A tool call is forwarded to the API with the caller's own
// Authorization header and audited: who, which tool, which operation, the API's status.
import { Server } from '@modelcontextprotocol/sdk/server/index.js';
import { WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js';
import { CallToolRequestSchema, type CallToolResult, ListToolsRequestSchema } from '@modelcontextprotocol/sdk/types.js';
import packageJson from '../../package.json' with { type: 'json' };
import { auditItem } from '../../shared/audit.js';
import { config } from '../../shared/config.js';
import { transact } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { apiDocument } from '../api-document.js';
import { apiCallOf, type Tool, toolsFrom } from './domain/tools.js';
import { mcpKeys } from './keys.js';

let tools: Promise<Tool[]> | undefined;

/** The tools, made once per cold start from the API's own OpenAPI document. */
export const crmTools = () => {
  tools ??= apiDocument().then(toolsFrom);
  return tools;
};

export interface Caller {
  actor: Actor;
  /** The caller's Authorization header, passed on to the API as it came. */
  authorization: string;
  language?: string;
}

/** The API's answer to a tool call: what the agent gets, as text and (for JSON objects) structured. */
const resultOf = (status: number, text: string): CallToolResult => {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  const structured =
    parsed && typeof parsed === 'object' && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : undefined;
  return {
    content: [{ type: 'text', text: text || `HTTP ${status}` }],
    ...(structured && status < 400 ? { structuredContent: structured } : {}),
    ...(status >= 400 ? { isError: true } : {}),
  };
};

const refusal = (message: string): CallToolResult => ({ content: [{ type: 'text', text: message }], isError: true });

export const callTool = async (caller: Caller, name: string, args: Record<string, unknown>) => {
  const tool = (await crmTools()).find((t) => t.name === name);
  if (!tool) return { result: refusal(`No tool ${name}. / ${name} adında bir araç yok.`), status: 404 };
  const known = Object.keys((tool.inputSchema.properties ?? {}) as object);
  const unknown = Object.keys(args).filter((key) => !known.includes(key));
  if (unknown.length) {
    return {
      result: refusal(`Unknown arguments: ${unknown.join(', ')}. / Tanınmayan argümanlar: ${unknown.join(', ')}.`),
      status: 400,
    };
  }
  const call = apiCallOf(tool, args);
  const response = await fetch(`${config.publicBaseUrl()}${call.url}`, {
    method: call.method,
    headers: {
      authorization: caller.authorization,
      ...(caller.language ? { 'accept-language': caller.language } : {}),
      ...(call.body !== undefined ? { 'content-type': 'application/json' } : {}),
      ...(tool.readOnly ? {} : { 'idempotency-key': call.idempotencyKey ?? `mcp-${newId()}` }),
    },
    body: call.body,
    redirect: 'manual',
    signal: AbortSignal.timeout(25_000),
  });
  return { result: resultOf(response.status, await response.text()), status: response.status, tool };
};

/** One line in the key's trail per tool call, refused ones included. */
const audit = (caller: Caller, name: string, status: number, operationId?: string) =>
  transact([
    auditItem(
      mcpKeys.calls(caller.actor.keyId),
      { actorId: caller.actor.userId, via: 'api' },
      `mcp:${name}`,
      `${operationId ?? 'none'} → ${status}`,
    ),
  ]);

export const mcpServer = (caller: Caller) => {
  const server = new Server(
    { name: 'pusula-crm', version: packageJson.version },
    {
      capabilities: { tools: {} },
      instructions:
        'Pusula CRM. Every tool is an operation of the CRM API, called with your key: you see and change only what ' +
        "the key's owner may, and a write the key lacks the scope for is refused as the API refuses it.",
    },
  );
  server.setRequestHandler(ListToolsRequestSchema, async () => ({
    tools: (await crmTools()).map((t) => ({
      name: t.name,
      title: t.title,
      description: t.description,
      inputSchema: t.inputSchema,
      annotations: { readOnlyHint: t.readOnly, destructiveHint: false, openWorldHint: false },
      _meta: { operationId: t.operationId, scopes: t.scopes },
    })),
  }));
  server.setRequestHandler(CallToolRequestSchema, async (request) => {
    const { name, arguments: args = {} } = request.params;
    const { result, status, tool } = await callTool(caller, name, args);
    await audit(caller, name, status, tool?.operationId);
    return result;
  });
  return server;
};

/** Answers one Streamable HTTP request (a JSON-RPC message or batch) in stateless mode. */
export const answerMcp = async (caller: Caller, request: Request) => {
  const server = mcpServer(caller);
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: undefined,
    enableJsonResponse: true,
  });
  await server.connect(transport);
  try {
    const response = await transport.handleRequest(request);
    return { status: response.status, headers: Object.fromEntries(response.headers), body: await response.text() };
  } finally {
    await server.close();
  }
};
