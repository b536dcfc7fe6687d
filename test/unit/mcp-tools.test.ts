// The MCP tools cannot drift from the API: each tool maps to an operation of the generated OpenAPI
// document, its input schema is that operation's path and query parameters and body exactly, it is read-only exactly
// when the operation is a GET, it needs exactly the operation's scopes, and a call becomes that
// operation's HTTP request.
import { describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { apiCallOf, toolList, toolsFrom } from '../../functions/mcp/domain/tools.js';
import { openApiDocument } from '../../shared/openapi.js';

const document = openApiDocument(useCases, { title: 'Pusula CRM', version: '0', serverUrl: 'https://crm.example.com' });
const tools = toolsFrom(document);
const routes = new Map(useCases.flatMap((u) => u.routes.map((r) => [r.name, r] as const)));

type Operation = {
  operationId: string;
  parameters: { name: string; in: string; required: boolean; schema: Record<string, unknown> }[];
  requestBody?: { required: boolean; content: { 'application/json': { schema: unknown } } };
};

describe('the MCP tools', () => {
  it('are the tools the task names, each once', () => {
    expect(tools.map((t) => t.name)).toEqual(toolList.map((t) => t.name));
    expect(new Set(tools.map((t) => t.name)).size).toBe(tools.length);
    expect(tools.map((t) => t.operationId)).toEqual(
      expect.arrayContaining(['listCustomers', 'getCustomer', 'logActivity', 'openCase', 'createQuote', 'getAgenda']),
    );
  });

  it.each(tools.map((t) => [t.name, t] as const))('%s matches its operation exactly', (_, tool) => {
    const operation = (document.paths[tool.path] as Record<string, Operation>)[tool.method.toLowerCase()]!;
    expect(operation.operationId).toBe(tool.operationId);
    const route = routes.get(tool.operationId)!;
    expect([route.method, route.path]).toEqual([tool.method, tool.path]);
    expect(tool.scopes).toEqual(route.auth === 'public' ? [] : [...route.auth.scopes]);
    expect(tool.readOnly).toBe(route.method === 'GET');

    const { properties, required = [] } = tool.inputSchema as unknown as {
      properties: Record<string, Record<string, unknown>>;
      required?: string[];
    };
    const expected: Record<string, unknown> = {};
    const parameters = operation.parameters.filter((p) => p.in === 'path' || p.in === 'query');
    for (const p of parameters) expected[p.name] = { ...p.schema, description: `${p.in} parameter ${p.name}` };
    if (operation.requestBody) expected.body = operation.requestBody.content['application/json'].schema;
    const { idempotencyKey, ...rest } = properties;
    expect(rest).toEqual(expected);
    expect(idempotencyKey !== undefined).toBe(!tool.readOnly);
    expect([...required].sort()).toEqual(
      [
        ...parameters.filter((p) => p.required).map((p) => p.name),
        ...(operation.requestBody?.required ? ['body'] : []),
      ].sort(),
    );
    expect(tool.inputSchema).toMatchObject({ type: 'object', additionalProperties: false });
  });

  it('refuses to load when an operation a tool names is gone', () => {
    const { get: _, ...withoutOne } = document.paths['/customers/{customerId}'] as Record<string, unknown>;
    const broken = { paths: { ...document.paths, '/customers/{customerId}': withoutOne } };
    expect(() => toolsFrom(broken)).toThrow(/read_customer_360: the API has no operation getCustomer/);
  });

  it('turns a call into the operation’s request: path parameters encoded, the query, the body as JSON', () => {
    const byName = new Map(tools.map((t) => [t.name, t]));
    expect(
      apiCallOf(byName.get('log_call')!, {
        customerId: 'C/1',
        body: { type: 'call', outcome: 'reached' },
        idempotencyKey: 'k1',
      }),
    ).toEqual({
      method: 'POST',
      url: '/customers/C%2F1/activities',
      body: JSON.stringify({ type: 'call', outcome: 'reached' }),
      idempotencyKey: 'k1',
    });
    expect(apiCallOf(byName.get('find_customers')!, { q: 'Dem', limit: 5 })).toEqual({
      method: 'GET',
      url: '/customers?q=Dem&limit=5',
    });
  });
});
