// The HTTP edge of every handler: body decoding, validation into problems, the caller's identity,
// CORS, and the middleware stack (Logger → Metrics where recorded → problem responses).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { safeParse } from 'zod/mini';
import { config } from './config.js';
import type { Scope } from './manifest.js';
import { logger, metrics } from './observability.js';
import {
  ForbiddenError,
  MalformedBodyError,
  PayloadTooLargeError,
  ProblemError,
  problemDocument,
  UnauthorizedError,
  UnsupportedMediaTypeError,
  ValidationError,
} from './problems.js';
import type * as z from './schema.js';

export type HttpEvent = APIGatewayProxyEvent;
export type HttpResult = APIGatewayProxyResult;

export const header = (event: HttpEvent, name: string): string | undefined => {
  const wanted = name.toLowerCase();
  for (const [key, value] of Object.entries(event.headers ?? {})) {
    if (key.toLowerCase() === wanted && value !== undefined) return value;
  }
  return undefined;
};

export const json = (statusCode: number, body: unknown, headers: Record<string, string> = {}): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
  body: JSON.stringify(body),
});

/**
 * Pages run no script and load nothing: inline styles, forms posted back here, never in a frame
 * (clickjacking an approval button), no Referer (page URLs carry signed tokens).
 */
const pageSecurityHeaders = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
};

export const html = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...pageSecurityHeaders },
  body,
});

export const seeOther = (location: string): HttpResult => ({ statusCode: 303, headers: { location }, body: '' });

const problemResult = (error: ProblemError): HttpResult => ({
  statusCode: error.status,
  headers: { 'content-type': 'application/problem+json', ...error.headers },
  body: JSON.stringify(problemDocument(error.status, error.code, error.message, error.errors)),
});

// ---- bodies ------------------------------------------------------------------------------------

export interface DecodedBody {
  fields: Record<string, unknown>;
  /** True for `application/x-www-form-urlencoded`: a browser form, which expects a page, not JSON. */
  fromForm: boolean;
}

const FORM = 'application/x-www-form-urlencoded';
const JSON_TYPE = 'application/json';

export const decodeBody = (event: HttpEvent, maxBytes: number): DecodedBody => {
  const raw = event.body ?? '';
  const bytes = event.isBase64Encoded ? Buffer.from(raw, 'base64') : Buffer.from(raw, 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(maxBytes);
  const mediaType = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  const text = bytes.toString('utf8');
  if (mediaType === JSON_TYPE) {
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      throw new MalformedBodyError('The body is not valid JSON.');
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new MalformedBodyError('The body must be a JSON object.');
    }
    return { fields: parsed as Record<string, unknown>, fromForm: false };
  }
  if (mediaType === FORM) {
    // No prototype: a field named __proto__ must be an ordinary (and refused) field, not a setter.
    const fields: Record<string, unknown> = Object.create(null);
    for (const [key, value] of new URLSearchParams(text)) {
      if (Object.hasOwn(fields, key)) throw new ValidationError([{ path: key, message: 'Given more than once.' }]);
      fields[key] = value;
    }
    return { fields, fromForm: true };
  }
  throw new UnsupportedMediaTypeError([JSON_TYPE, FORM]);
};

/** Parses with any zod schema; its messages are English because schemas are built with shared/schema.ts. */
export const validate = <S extends z.core.$ZodType>(schema: S, value: unknown): z.infer<S> => {
  const result = safeParse(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(
    result.error.issues.flatMap((issue) =>
      issue.code === 'unrecognized_keys'
        ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: 'This field may not be set.' }))
        : [{ path: issue.path.join('.'), message: issue.message }],
    ),
  );
};

// ---- the caller --------------------------------------------------------------------------------

export type Role = 'rep' | 'manager' | 'agent' | 'dealer' | 'admin' | 'director';

export interface Actor {
  keyId: string;
  userId: string;
  role: Role;
  scopes: Scope[];
}

/** The authorizer's context reaches the handler as strings; see functions/authorizer. */
export const actorOf = (event: HttpEvent): Actor => {
  const context = event.requestContext?.authorizer ?? {};
  const { keyId, userId, role, scopes } = context as Record<string, string | undefined>;
  if (!keyId || !userId || !role) throw new UnauthorizedError();
  return { keyId, userId, role: role as Role, scopes: (scopes ?? '').split(' ').filter(Boolean) as Scope[] };
};

export const requireScope = (actor: Actor, scope: Scope) => {
  if (!actor.scopes.includes(scope) && !actor.scopes.includes('admin')) {
    throw new ForbiddenError(`This key lacks the scope ${scope}.`);
  }
};

/** Managers, directors and admins see everyone's records; everyone else sees their own. */
export const seesAll = (actor: Actor) => actor.role === 'manager' || actor.role === 'director' || actor.role === 'admin';

export const clientIp = (event: HttpEvent) => event.requestContext?.identity?.sourceIp ?? 'unknown';

// ---- CORS --------------------------------------------------------------------------------------

export const allowedOrigin = (origin: string | undefined): string | undefined =>
  origin && config.corsOrigins().includes(origin) ? origin : undefined;

const corsHeaders = (event: HttpEvent): Record<string, string> => {
  const origin = allowedOrigin(header(event, 'origin'));
  if (!origin) return {};
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-methods': 'POST, OPTIONS',
    'access-control-allow-headers': 'content-type, idempotency-key',
    'access-control-max-age': '600',
    vary: 'Origin',
  };
};

export const preflight = (event: HttpEvent): HttpResult => {
  if (!allowedOrigin(header(event, 'origin'))) throw new ForbiddenError('This origin may not call this API.');
  return { statusCode: 204, headers: corsHeaders(event), body: '' };
};

// ---- the middleware stack ----------------------------------------------------------------------

type HttpFunction = (event: HttpEvent, context: Context) => Promise<HttpResult>;

const problemResponses = (options: { cors: boolean; metrics: boolean }): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
  after: (request) => {
    if (options.cors && request.response) {
      request.response.headers = { ...request.response.headers, ...corsHeaders(request.event) };
    }
  },
  onError: (request) => {
    const error = request.error;
    const refused = error instanceof ProblemError;
    if (refused) {
      logger.info('request refused', { status: error.status, code: error.code });
      request.response = problemResult(error);
    } else {
      logger.error('request failed', error as Error);
      request.response = problemResult(new ProblemError(500, 'internal-error', 'Something went wrong on our side.'));
    }
    if (options.metrics) metrics.addMetric(refused ? 'RequestRefused' : 'RequestFailed', 'Count', 1);
    if (options.cors) request.response.headers = { ...request.response.headers, ...corsHeaders(request.event) };
  },
});

/** `metrics`: the handler records business metrics; others skip the flush and its empty-metrics warning. */
export const httpHandler = (fn: HttpFunction, options: { cors?: boolean; metrics?: boolean } = {}) => {
  const stack = middy<HttpEvent, HttpResult>().use(injectLambdaContext(logger, { resetKeys: true }));
  if (options.metrics) stack.use(logMetrics(metrics));
  return stack
    .use(problemResponses({ cors: options.cors ?? false, metrics: options.metrics ?? false }))
    .handler(fn);
};
