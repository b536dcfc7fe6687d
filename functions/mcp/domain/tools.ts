// The CRM as tools for AI agents (Model Context Protocol). Each tool IS an operation of the API: its
// input schema is generated from that operation in the OpenAPI document (path and query parameters,
// and the body as `body`), and calling it calls the operation over HTTP with the agent's own key, so
// the authorizer, the scopes, the access rules, the validation and the problems are the API's own.
// Nothing here can drift from the API: a tool naming an operation that is gone fails to load.

/** Which operations are tools, by operationId (the route's name in its manifest). */
export const toolList = [
  {
    name: 'find_customers',
    operationId: 'listCustomers',
    title: 'Find customers by name',
    hint: 'Customers by name prefix (q) and filters; read-only.',
  },
  {
    name: 'lookup_caller',
    operationId: 'lookupCustomer',
    title: 'Find who is calling',
    hint: 'Every customer with this phone number or e-mail address; read-only.',
  },
  {
    name: 'read_customer_360',
    operationId: 'getCustomer',
    title: "Read a customer's whole record",
    hint: 'Profile, consents, leads, quotes, orders, cases, contacts, timeline and more; read-only.',
  },
  {
    name: 'log_call',
    operationId: 'logActivity',
    title: 'Log a call (or another activity) with its outcome',
    hint: 'Send body.kind "call" with body.outcome; a callback-requested outcome makes a to-do.',
  },
  {
    name: 'open_case',
    operationId: 'openCase',
    title: 'Open a case (complaint, request, question)',
    hint: 'Routed by category with its SLA clock started.',
  },
  {
    name: 'draft_quote',
    operationId: 'createQuote',
    title: 'Draft a quote',
    hint: 'A draft from the catalogue and a price list; it is not sent.',
  },
  {
    name: 'list_follow_ups',
    operationId: 'getAgenda',
    title: "List a rep's follow-ups",
    hint: "A user's visits, meetings and to-dos in a week (default: the caller, this week); read-only.",
  },
  {
    name: 'list_overdue_follow_ups',
    operationId: 'getOverdueTodos',
    title: 'List overdue follow-ups',
    hint: "The caller's open to-dos and callbacks past their due time; read-only.",
  },
] as const;

export type ToolName = (typeof toolList)[number]['name'];

type JsonSchema = Record<string, unknown>;

interface Parameter {
  name: string;
  in: 'path' | 'query' | string;
  required?: boolean;
  schema: JsonSchema;
}

/** The parts of an OpenAPI operation a tool is made of. */
export interface Operation {
  operationId: string;
  summary?: string;
  'x-scopes'?: string[];
  parameters?: Parameter[];
  requestBody?: { required?: boolean; content: Record<string, { schema: JsonSchema }> };
}

/** An OpenAPI document as shared/openapi.ts makes it: its operations are read as `Operation`. */
export interface OpenApiLike {
  paths: Record<string, Record<string, unknown>>;
}

export interface Tool {
  name: ToolName;
  title: string;
  description: string;
  method: string;
  path: string;
  operationId: string;
  scopes: string[];
  readOnly: boolean;
  inputSchema: JsonSchema & { type: 'object' };
  pathParams: string[];
  queryParams: string[];
  hasBody: boolean;
}

/** Agents pass one on a write to make a retry safe (the API's Idempotency-Key). */
const idempotencyKey = {
  type: 'string',
  maxLength: 200,
  description: 'Idempotency-Key for this write: the same key again returns the first answer and does nothing twice.',
};

/**
 * The operation's input as one JSON object: each path and query parameter by name, the body as `body`.
 * Header parameters are not the agent's to give: the one an agent needs, the idempotency key of a
 * write, is `idempotencyKey` (a call sends it as the header).
 */
export const inputSchemaOf = (operation: Operation, readOnly: boolean): Tool['inputSchema'] => {
  const parameters = operation.parameters?.filter((p) => p.in === 'path' || p.in === 'query') ?? [];
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  for (const p of parameters) {
    properties[p.name] = { ...p.schema, description: `${p.in} parameter ${p.name}` };
    if (p.required) required.push(p.name);
  }
  const body = operation.requestBody?.content['application/json'];
  if (body) {
    properties.body = body.schema;
    if (operation.requestBody!.required) required.push('body');
  }
  if (!readOnly) properties.idempotencyKey = idempotencyKey;
  return { type: 'object', properties, ...(required.length ? { required } : {}), additionalProperties: false };
};

/** Every tool, made from the document's operations; throws if a tool's operation is not there. */
export const toolsFrom = (document: OpenApiLike): Tool[] => {
  const byId = new Map<string, { method: string; path: string; operation: Operation }>();
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(methods)) {
      const operation = value as Operation;
      byId.set(operation.operationId, { method: method.toUpperCase(), path, operation });
    }
  }
  return toolList.map(({ name, operationId, title, hint }) => {
    const found = byId.get(operationId);
    if (!found) throw new Error(`MCP tool ${name}: the API has no operation ${operationId}`);
    const { method, path, operation } = found;
    const readOnly = method === 'GET';
    const parameters = operation.parameters ?? [];
    return {
      name,
      title,
      description: `${operation.summary ?? title}. ${hint} (${method} ${path})`,
      method,
      path,
      operationId,
      scopes: operation['x-scopes'] ?? [],
      readOnly,
      inputSchema: inputSchemaOf(operation, readOnly),
      pathParams: parameters.filter((p) => p.in === 'path').map((p) => p.name),
      queryParams: parameters.filter((p) => p.in === 'query').map((p) => p.name),
      hasBody: operation.requestBody !== undefined,
    };
  });
};

export interface ApiCall {
  method: string;
  /** The path with its parameters filled in, and the query string. */
  url: string;
  body?: string;
  idempotencyKey?: string;
}

/** The HTTP request a tool call makes: arguments the tool does not take are the API's to refuse. */
export const apiCallOf = (tool: Tool, args: Record<string, unknown>): ApiCall => {
  let path = tool.path;
  for (const name of tool.pathParams) {
    path = path.replace(`{${name}}`, encodeURIComponent(String(args[name] ?? '')));
  }
  const query = new URLSearchParams();
  for (const name of tool.queryParams) {
    if (args[name] !== undefined && args[name] !== null) query.set(name, String(args[name]));
  }
  const search = query.toString();
  const key = typeof args.idempotencyKey === 'string' ? args.idempotencyKey : undefined;
  return {
    method: tool.method,
    url: search ? `${path}?${search}` : path,
    ...(tool.hasBody && args.body !== undefined ? { body: JSON.stringify(args.body) } : {}),
    ...(key ? { idempotencyKey: key } : {}),
  };
};
