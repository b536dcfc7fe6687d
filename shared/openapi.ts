// The OpenAPI 3.1 document of the whole API, generated from the use-case manifests: each route's
// schemas are the ones its handler validates with (zod's JSON Schema output), its auth and scopes
// come from its declaration, and its errors are the registered problem codes.
import type { NamedRoute, RouteDeclaration, UseCaseManifest } from './manifest.js';
import { type ProblemCode, problemCodes, problemType } from './problems.js';
import * as z from './schema.js';

type JsonSchema = Record<string, unknown>;
type Schema = z.core.$ZodType;

/** Request schemas are documented as sent (input), response schemas as answered (output). */
const jsonSchema = (schema: Schema, io: 'input' | 'output'): JsonSchema => {
  const { $schema: _, ...rest } = z.toJSONSchema(schema, {
    io,
    unrepresentable: 'any',
    target: 'draft-2020-12',
  }) as JsonSchema;
  return rest;
};

/** `{ a: {…}, b: {…} }` of an object schema, with which are required: one parameter each. */
const parameters = (schema: Schema | null, where: 'path' | 'query') => {
  if (!schema) return [];
  const object = jsonSchema(schema, 'input') as { properties?: Record<string, JsonSchema>; required?: string[] };
  return Object.entries(object.properties ?? {}).map(([name, property]) => ({
    name,
    in: where,
    required: where === 'path' || (object.required ?? []).includes(name),
    schema: property,
  }));
};

const idempotencyHeader = (required: boolean) => ({
  name: 'Idempotency-Key',
  in: 'header',
  required,
  description:
    'A retry with the same key gets the first answer (kept 24 hours, per caller); the same key with another request is refused.',
  schema: { type: 'string', maxLength: 200 },
});

const codesWith = (status: number) =>
  (Object.keys(problemCodes) as ProblemCode[]).filter((code) => problemCodes[code]?.status === status);

// Read when the document is built, not at import: the modules' codes are registered as their manifests load.
const errorStatuses = () => [...new Set(Object.values(problemCodes).map((p) => p.status))].sort();

const problemSchema = (): JsonSchema => ({
  type: 'object',
  description: 'RFC 9457 problem details. `code` is one of the registered problem codes.',
  required: ['type', 'title', 'status', 'code'],
  properties: {
    type: { type: 'string', description: '`urn:pusula:problem:<code>`' },
    title: { type: 'string' },
    status: { type: 'integer' },
    code: { type: 'string', enum: Object.keys(problemCodes) },
    detail: { type: 'string' },
    current: {
      type: 'object',
      description: 'On a 409 about a move: where the record is now (its status, seq and the moves allowed from there)',
    },
    errors: {
      type: 'array',
      items: {
        type: 'object',
        required: ['path', 'message'],
        properties: {
          path: { type: 'string', description: 'Dotted field path; empty for the whole body' },
          message: { type: 'string' },
        },
      },
    },
  },
});

const problemResponse = (status: number) => ({
  description: `Problem (${codesWith(status)
    .map((code) => `\`${code}\``)
    .join(', ')})`,
  content: { 'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } } },
});

/** The errors a route can answer, from what it declares: no schema, no validation error. */
const errorsOf = (route: RouteDeclaration) => {
  const { params, query, body } = route.request;
  const statuses = new Set<number>([429, 500]);
  if (route.auth !== 'public') statuses.add(401).add(403);
  if (params || query || body) statuses.add(400);
  if (params) statuses.add(404);
  if (body) statuses.add(409).add(413).add(415).add(422);
  return Object.fromEntries(
    [...statuses].sort().map((status) => [String(status), { $ref: `#/components/responses/Problem${status}` }]),
  );
};

const authText = (route: RouteDeclaration) =>
  route.auth === 'public'
    ? 'Public: no key; rate-limited per IP address by the firewall.'
    : `Needs a bearer key with the scope${route.auth.scopes.length > 1 ? 's' : ''} ${route.auth.scopes.map((s) => `\`${s}\``).join(', ')} (or \`admin\`).`;

const operation = (useCase: string, route: NamedRoute) => {
  const { body } = route.request;
  const media = body?.media ?? ['application/json'];
  return {
    operationId: route.name,
    tags: [useCase],
    summary: route.summary,
    description: authText(route),
    security: route.auth === 'public' ? [] : [{ bearer: [] }],
    'x-scopes': route.auth === 'public' ? [] : [...route.auth.scopes],
    parameters: [
      ...parameters(route.request.params, 'path'),
      ...parameters(route.request.query, 'query'),
      ...(route.idempotency ? [idempotencyHeader(route.idempotency.key === 'required')] : []),
    ],
    ...(body
      ? {
          requestBody: {
            required: !body.optional,
            content: Object.fromEntries(
              media.map((type) => [
                type,
                { schema: type === 'text/csv' ? { type: 'string' } : jsonSchema(body.schema, 'input') },
              ]),
            ),
          },
        }
      : {}),
    // A route's own answers (a link's 409 page) win over the generic problem of the same status.
    responses: {
      ...errorsOf(route),
      ...Object.fromEntries(
        Object.entries(route.responses).map(([status, response]) => [
          status,
          {
            description: response.description,
            ...(response.headers
              ? { headers: Object.fromEntries(response.headers.map((h) => [h, { schema: { type: 'string' } }])) }
              : {}),
            ...(response.json
              ? {
                  content: {
                    'application/json': { schema: jsonSchema(response.json, 'output') },
                    ...(response.csv ? { 'text/csv': { schema: { type: 'string' } } } : {}),
                  },
                }
              : response.media
                ? { content: { [response.media]: {} } }
                : {}),
          },
        ]),
      ),
    },
  };
};

export interface DocumentInfo {
  title: string;
  version: string;
  /** The API's base URL, where the paths start. */
  serverUrl: string;
}

export type OpenApiDocument = ReturnType<typeof openApiDocument>;

export const openApiDocument = (useCases: readonly UseCaseManifest[], info: DocumentInfo) => {
  const paths: Record<string, Record<string, unknown>> = {};
  for (const useCase of useCases) {
    for (const route of useCase.routes) {
      paths[route.path] ??= {};
      paths[route.path]![route.method.toLowerCase()] = operation(useCase.name, route);
    }
  }
  return {
    openapi: '3.1.0',
    info: {
      title: info.title,
      version: info.version,
      description:
        'Every error is `application/problem+json` (RFC 9457) with a machine `code`; the codes, their statuses and titles are listed under `x-problem-codes`.',
    },
    servers: [{ url: info.serverUrl }],
    tags: useCases.map((useCase) => ({ name: useCase.name })),
    paths,
    components: {
      securitySchemes: {
        bearer: {
          type: 'http',
          scheme: 'bearer',
          description:
            'An API key from `npm run keys -- create`, sent as `Authorization: Bearer pus_…`. It carries scopes; `admin` has them all.',
        },
      },
      schemas: { Problem: problemSchema() },
      responses: Object.fromEntries(errorStatuses().map((status) => [`Problem${status}`, problemResponse(status)])),
    },
    'x-problem-codes': Object.entries(problemCodes).map(([code, { status, title }]) => ({
      code,
      status,
      title,
      type: problemType(code as ProblemCode),
    })),
  };
};
