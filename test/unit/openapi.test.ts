// The OpenAPI document generated from the manifests: valid 3.1, every route in it with its auth and
// scopes, every route's path parameters declared, and every registered problem code listed.
import { Validator } from '@seriousme/openapi-schema-validator';
import { describe, expect, it } from 'vitest';
import { useCases } from '../../functions/manifests.js';
import { openApiDocument } from '../../shared/openapi.js';
import { problemCodes } from '../../shared/problems.js';
import * as z from '../../shared/schema.js';

const document = openApiDocument(useCases, {
  title: 'Pusula CRM',
  version: '0.0.0-test',
  serverUrl: 'http://localhost:3000',
});
const routes = useCases.flatMap((useCase) => useCase.routes);

type Operation = {
  operationId: string;
  security: Record<string, string[]>[];
  'x-scopes': string[];
  description: string;
  parameters: { name: string; in: string }[];
  responses: Record<string, unknown>;
};
const operationOf = (method: string, path: string) =>
  (document.paths[path] as Record<string, Operation> | undefined)?.[method.toLowerCase()];

describe('the OpenAPI document', () => {
  it('is a valid OpenAPI 3.1 document', async () => {
    const result = await new Validator().validate(structuredClone(document));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(document.openapi).toBe('3.1.0');
  });

  it('the validator refuses a broken copy, so the check above can fail', async () => {
    const broken = structuredClone(document) as Record<string, unknown>;
    delete broken.info;
    expect((await new Validator().validate(broken)).valid).toBe(false);
  });

  it('has every manifest route, once, with its auth and scopes', () => {
    const documented = Object.entries(document.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
    );
    expect(documented.sort()).toEqual(routes.map((r) => `${r.method} ${r.path}`).sort());
    expect(new Set(routes.map((r) => r.name)).size).toBe(routes.length);
    for (const route of routes) {
      const op = operationOf(route.method, route.path)!;
      expect(op.operationId).toBe(route.name);
      if (route.auth === 'public') {
        expect(op.security, route.path).toEqual([]);
        expect(op['x-scopes']).toEqual([]);
        expect(op.responses['401']).toBeUndefined();
      } else {
        expect(op.security, route.path).toEqual([{ bearer: [] }]);
        expect(op['x-scopes']).toEqual([...route.auth.scopes]);
        for (const scope of route.auth.scopes) expect(op.description).toContain(scope);
        expect(op.responses['401']).toEqual({ $ref: '#/components/responses/Problem401' });
        expect(op.responses['403']).toEqual({ $ref: '#/components/responses/Problem403' });
      }
    }
    expect(document.components.securitySchemes.bearer).toMatchObject({ type: 'http', scheme: 'bearer' });
  });

  it('declares exactly the path parameters each path has', () => {
    for (const route of routes) {
      const inPath = [...route.path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      const declared = operationOf(route.method, route.path)!
        .parameters.filter((p) => p.in === 'path')
        .map((p) => p.name)
        .sort();
      expect(declared, `${route.method} ${route.path}`).toEqual(inPath);
    }
  });

  it('documents request bodies with the schema the handler validates with', () => {
    const capture = routes.find((r) => r.name === 'captureLead')!;
    const body = (
      operationOf('POST', '/leads') as unknown as { requestBody: { content: Record<string, { schema: unknown }> } }
    ).requestBody;
    expect(Object.keys(body.content)).toEqual(['application/json', 'application/x-www-form-urlencoded']);
    expect(body.content['application/json']!.schema).toEqual(
      (({ $schema: _, ...rest }) => rest)(
        z.toJSONSchema(capture.request.body!.schema, { io: 'input', unrepresentable: 'any' }),
      ),
    );
  });

  it('lists every registered problem code with its status, as problem+json responses', () => {
    const listed = document['x-problem-codes'];
    expect(listed.map((p) => p.code).sort()).toEqual(Object.keys(problemCodes).sort());
    for (const { code, status, title } of listed) {
      expect(problemCodes[code as keyof typeof problemCodes]).toMatchObject({ status, title });
    }
    expect((document.components.schemas.Problem.properties as { code: { enum: string[] } }).code.enum).toEqual(
      Object.keys(problemCodes),
    );
    const problem409 = document.components.responses.Problem409!;
    expect(Object.keys(problem409.content)).toEqual(['application/problem+json']);
    expect(problem409.description).toContain('`quote-changed`');
  });
});

describe('the problem registry', () => {
  it('has no duplicate: codes are kebab-case, titles and types unique, statuses 4xx or 5xx', () => {
    const codes = Object.keys(problemCodes);
    const titles = Object.values(problemCodes).map((p) => p.title.toLowerCase());
    expect(new Set(titles).size).toBe(titles.length);
    for (const [code, { status }] of Object.entries(problemCodes)) {
      expect(code).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(status).toBeGreaterThanOrEqual(400);
      expect(status).toBeLessThan(600);
    }
    expect(new Set(codes.map((c) => c.toLowerCase())).size).toBe(codes.length);
  });
});
