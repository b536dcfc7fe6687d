// The MCP tools at their edges: an operation with no parameters, an optional body, a body that is no
// JSON, or no summary; what a call leaves out of the API request (an empty value, a body a read does
// not take, a key that is no text) and what it keeps (zero, false, a missing path value as an empty
// segment the API refuses); that no tool asks for a header (the write's key is `idempotencyKey`); and
// the list of tools as it loads: the tools the task names, each hint saying read-only exactly when the
// tool only reads.
import { describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { apiCallOf, inputSchemaOf, type OpenApiLike, toolsFrom } from '../../functions/mcp/domain/tools.js';
import { openApiDocument } from '../../shared/openapi.js';
import { freshImport } from '../support/fresh-import.js';

const document = openApiDocument(useCases, { title: 'Pusula CRM', version: '0', serverUrl: 'https://crm.example.com' });
const tool = (name: string) => toolsFrom(document).find((t) => t.name === name)!;

const idempotencyKey = {
  type: 'string',
  maxLength: 200,
  description: 'Idempotency-Key for this write: the same key again returns the first answer and does nothing twice.',
};

describe('a tool’s input schema', () => {
  it('is an empty object for an operation without parameters or body, with the key on a write', () => {
    expect(inputSchemaOf({ operationId: 'ping' }, true)).toStrictEqual({
      type: 'object',
      properties: {},
      additionalProperties: false,
    });
    expect(inputSchemaOf({ operationId: 'ping' }, false)).toStrictEqual({
      type: 'object',
      properties: { idempotencyKey },
      additionalProperties: false,
    });
  });

  it('takes path and query parameters, an optional JSON body unrequired, and no header or other body', () => {
    const schema = inputSchemaOf(
      {
        operationId: 'upload',
        parameters: [
          { name: 'id', in: 'path', required: true, schema: { type: 'string' } },
          { name: 'dryRun', in: 'query', schema: { type: 'boolean' } },
          { name: 'Idempotency-Key', in: 'header', required: true, schema: { type: 'string' } },
        ],
        requestBody: { content: { 'application/json': { schema: { type: 'object' } } } },
      },
      false,
    );
    expect(schema).toStrictEqual({
      type: 'object',
      properties: {
        id: { type: 'string', description: 'path parameter id' },
        dryRun: { type: 'boolean', description: 'query parameter dryRun' },
        body: { type: 'object' },
        idempotencyKey,
      },
      required: ['id'],
      additionalProperties: false,
    });
    const note = inputSchemaOf(
      { operationId: 'note', requestBody: { required: true, content: { 'application/json': { schema: {} } } } },
      true,
    );
    expect(note).toStrictEqual({
      type: 'object',
      properties: { body: {} },
      required: ['body'],
      additionalProperties: false,
    });
    const csv = inputSchemaOf(
      { operationId: 'importCsv', requestBody: { required: true, content: { 'text/csv': { schema: {} } } } },
      true,
    );
    expect(csv).toStrictEqual({ type: 'object', properties: {}, additionalProperties: false });
  });

  it('of every CRM tool asks for no header: a write’s idempotency key is `idempotencyKey`', () => {
    for (const t of toolsFrom(document)) {
      const described = Object.values(t.inputSchema.properties as Record<string, { description?: string }>);
      expect(described.filter((p) => p.description?.startsWith('header'))).toEqual([]);
      expect('idempotencyKey' in (t.inputSchema.properties as object)).toBe(!t.readOnly);
    }
  });
});

describe('a tool made from an operation', () => {
  const paths: OpenApiLike['paths'] = {
    '/things/{thingId}': {
      get: {
        operationId: 'getAgenda',
        parameters: [
          { name: 'view', in: 'query', schema: {} },
          { name: 'thingId', in: 'path', schema: {} },
        ],
      },
      delete: {
        operationId: 'getOverdueTodos',
        summary: 'Drop a thing',
        'x-scopes': ['things:write'],
        requestBody: { content: { 'application/json': { schema: {} } } },
      },
    },
  };
  // The document's own operations of the last two tools are replaced by these (they come later).
  const made = () => toolsFrom({ paths: { ...document.paths, ...paths } }).slice(-2);

  it('takes its method in capitals, its path, its parameters by place, and a body when the operation has one', () => {
    const [agenda, overdue] = made();
    expect(agenda).toMatchObject({
      method: 'GET',
      path: '/things/{thingId}',
      readOnly: true,
      scopes: [],
      pathParams: ['thingId'],
      queryParams: ['view'],
      hasBody: false,
    });
    expect(overdue).toMatchObject({ method: 'DELETE', readOnly: false, scopes: ['things:write'], hasBody: true });
  });

  it('is described by the operation’s summary (its title without one), its hint, method and path', () => {
    const [agenda, overdue] = made();
    expect(agenda!.description).toBe(
      "List a rep's follow-ups. A user's visits, meetings and to-dos in a week (default: the caller, this week); " +
        'read-only. (GET /things/{thingId})',
    );
    expect(overdue!.description).toBe(
      "Drop a thing. The caller's open to-dos and callbacks past their due time; read-only. (DELETE /things/{thingId})",
    );
  });
});

describe('the API request a call makes', () => {
  it('fills a missing path value with nothing, for the API to refuse', () => {
    expect(apiCallOf(tool('read_customer_360'), {})).toEqual({ method: 'GET', url: '/customers/' });
  });

  it('leaves out a query value that is null or absent, and keeps zero and false', () => {
    expect(apiCallOf(tool('find_customers'), { q: null, city: undefined, limit: 0, cursor: false })).toEqual({
      method: 'GET',
      url: '/customers?limit=0&cursor=false',
    });
    expect(apiCallOf(tool('find_customers'), { sector: 'enerji', region: 'Ege' })).toEqual({
      method: 'GET',
      url: '/customers?sector=enerji&region=Ege',
    });
  });

  it('sends a body only to a write that takes one, and an idempotency key only when it is text', () => {
    expect(apiCallOf(tool('read_customer_360'), { customerId: 'C1', body: { x: 1 }, idempotencyKey: 'k' })).toEqual({
      method: 'GET',
      url: '/customers/C1',
      idempotencyKey: 'k',
    });
    expect(apiCallOf(tool('open_case'), { idempotencyKey: 42 })).toStrictEqual({ method: 'POST', url: '/cases' });
    expect(apiCallOf(tool('open_case'), { body: null, idempotencyKey: '' })).toEqual({
      method: 'POST',
      url: '/cases',
      body: 'null',
    });
  });
});

describe('the tools as they load', () => {
  it('are the tools the task names, each a hint saying read-only exactly when the tool only reads', async () => {
    const fresh = await freshImport(() => import('../../functions/mcp/domain/tools.js'));
    expect(fresh.inputSchemaOf({ operationId: 'ping' }, false).properties).toStrictEqual({ idempotencyKey });
    const tools = fresh.toolsFrom(document);
    expect(tools.map((t) => [t.name, t.operationId])).toEqual([
      ['find_customers', 'listCustomers'],
      ['lookup_caller', 'lookupCustomer'],
      ['read_customer_360', 'getCustomer'],
      ['log_call', 'logActivity'],
      ['open_case', 'openCase'],
      ['draft_quote', 'createQuote'],
      ['list_follow_ups', 'getAgenda'],
      ['list_overdue_follow_ups', 'getOverdueTodos'],
    ]);
    for (const { title, hint, name } of fresh.toolList) {
      expect(title, name).toMatch(/^[A-Z][^.]{10,}[^.]$/);
      expect(hint, name).toMatch(/^[A-Z"].{10,}\.$/);
      expect(hint.endsWith('; read-only.'), name).toBe(tools.find((t) => t.name === name)!.readOnly);
    }
  });
});
