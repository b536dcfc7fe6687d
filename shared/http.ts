// The HTTP edge of every handler: body decoding, validation into problems, the caller's identity,
// CORS, and the middleware stack (Logger → Metrics where recorded → problem responses).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import middy from '@middy/core';
import type { APIGatewayProxyEvent, APIGatewayProxyResult, Context } from 'aws-lambda';
import { safeParse } from 'zod/mini';
import { config } from './config.js';
import { type IdempotencyScope, oncePerCaller, type Recorder } from './idempotency.js';
import type { RouteBody, RouteDeclaration, Scope } from './manifest.js';
import { chooseLanguage, type Text } from './messages.js';
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
import type { Role } from './roles.js';
import type * as z from './schema.js';
import { parseInBoth } from './schema.js';

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
 * (clickjacking an approval button), and no Referer to other sites (page URLs carry signed tokens).
 * `same-origin`, not `no-referrer`: with no referrer at all a browser posts the page's own forms
 * with `Origin: null`, which the lead form rightly refuses.
 */
const pageSecurityHeaders = {
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'same-origin',
};

export const html = (statusCode: number, body: string): HttpResult => ({
  statusCode,
  headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...pageSecurityHeaders },
  body,
});

export const seeOther = (location: string): HttpResult => ({ statusCode: 303, headers: { location }, body: '' });

/** Routes whose response declares `csv: true`: `?format=csv` wins, else `Accept: text/csv` asks for it. */
export const wantsCsv = (event: HttpEvent, format?: string) =>
  format === 'csv' || (!format && /\btext\/csv\b/i.test(header(event, 'accept') ?? ''));

/** A CSV answer a browser saves as `<name>.csv`; the body is already CSV (a header row, then rows). */
export const csvFile = (name: string, body: string): HttpResult => ({
  statusCode: 200,
  headers: { 'content-type': 'text/csv; charset=utf-8', 'content-disposition': `attachment; filename="${name}.csv"` },
  body,
});

/** The language a person asked for (`Accept-Language`), English for integrations that do not say. */
export const languageOf = (event: HttpEvent) => chooseLanguage(header(event, 'accept-language'));

/** A problem in the caller's language; `Content-Language` says which, and caches keep one per language. */
const problemResult = (error: ProblemError, event: HttpEvent): HttpResult => {
  const language = languageOf(event);
  return {
    statusCode: error.status,
    headers: {
      'content-type': 'application/problem+json',
      'content-language': language,
      vary: 'Accept-Language',
      ...error.headers,
    },
    body: JSON.stringify(
      problemDocument(error.status, error.code, error.detail, error.errors, language, error.extensions),
    ),
  };
};

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
      throw new MalformedBodyError({ en: 'The body is not valid JSON.', tr: 'Gövde geçerli bir JSON değil.' });
    }
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
      throw new MalformedBodyError({ en: 'The body must be a JSON object.', tr: 'Gövde bir JSON nesnesi olmalı.' });
    }
    return { fields: parsed as Record<string, unknown>, fromForm: false };
  }
  if (mediaType === FORM) {
    // No prototype: a field named __proto__ must be an ordinary (and refused) field, not a setter.
    const fields: Record<string, unknown> = Object.create(null);
    for (const [key, value] of new URLSearchParams(text)) {
      if (Object.hasOwn(fields, key))
        throw new ValidationError([
          { path: key, message: { en: 'Given more than once.', tr: 'Birden çok kez verildi.' } },
        ]);
      fields[key] = value;
    }
    return { fields, fromForm: true };
  }
  throw new UnsupportedMediaTypeError([JSON_TYPE, FORM]);
};

/**
 * A file sent as the raw body (a route whose body is `raw`): its media type, one of `media`, and its
 * text; refused when of another type (415), larger than `maxBytes` (413) or empty (422).
 */
export const uploadedFile = <M extends string>(event: HttpEvent, media: readonly M[], maxBytes: number) => {
  const type = (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (!media.includes(type as M)) throw new UnsupportedMediaTypeError([...media]);
  const bytes = Buffer.from(event.body ?? '', event.isBase64Encoded ? 'base64' : 'utf8');
  if (bytes.length > maxBytes) throw new PayloadTooLargeError(maxBytes);
  if (bytes.length === 0) throw new ValidationError([{ path: '', message: emptyFile }]);
  return { type: type as M, text: bytes.toString('utf8') };
};

export const emptyFile = { en: 'The file is empty.', tr: 'Dosya boş.' };

const notSettable = { en: 'This field may not be set.', tr: 'Bu alan verilemez.' };

const fieldProblems = (issues: (z.core.$ZodIssue & { text: Text })[]) =>
  issues.flatMap((issue) =>
    issue.code === 'unrecognized_keys'
      ? issue.keys.map((key) => ({ path: [...issue.path, key].join('.'), message: notSettable }))
      : [{ path: issue.path.join('.'), message: issue.text }],
  );

/**
 * Parses with any zod schema. A refusal carries each field's message in both languages (zod's `tr`
 * and `en` locales, or the schema's own `said` text), rendered when the caller's language is known;
 * the second parse happens only on the refusal path, with its own error map.
 */
export const validate = <S extends z.core.$ZodType>(schema: S, value: unknown): z.infer<S> => {
  const result = parseInBoth(schema, value);
  if (result.success) return result.data;
  throw new ValidationError(fieldProblems(result.issues));
};

// ---- the caller --------------------------------------------------------------------------------

export { type Role, roles } from './roles.js';

export interface Actor {
  keyId: string;
  userId: string;
  role: Role;
  scopes: Scope[];
  /** Signed in as a person (not an integration's key): counted against their own daily quota. */
  person?: boolean;
}

/** The authorizer's context reaches the handler as strings; see functions/authorizer. */
export const actorOf = (event: HttpEvent): Actor => {
  const context = event.requestContext?.authorizer ?? {};
  const { keyId, userId, role, scopes, caller } = context as Record<string, string | undefined>;
  if (!keyId || !userId || !role) throw new UnauthorizedError();
  return {
    keyId,
    userId,
    role: role as Role,
    scopes: (scopes ?? '').split(' ').filter(Boolean) as Scope[],
    ...(caller === 'person' ? { person: true } : {}),
  };
};

export const requireScope = (actor: Actor, scope: Scope) => {
  if (!actor.scopes.includes(scope) && !actor.scopes.includes('admin')) {
    throw new ForbiddenError({ en: `This key lacks the scope ${scope}.`, tr: `Bu anahtarda ${scope} yetkisi yok.` });
  }
};

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

/**
 * Browsers send Origin on cross-site posts: only the company's own sites may post public forms. An
 * opaque origin (`null`: a sandboxed frame, a file, a cross-site redirect) is nobody's site, so where
 * an allow-list is set it is refused too; without one, it is all a form on a plain page can send.
 */
export const refuseForeignOrigin = (event: HttpEvent, what: string) => {
  const origin = header(event, 'origin');
  if (origin === undefined || allowedOrigin(origin)) return;
  if (origin !== 'null' || config.corsOrigins().length > 0)
    throw new ForbiddenError(`This origin may not post ${what}.`);
};

const withParam = (url: string, name: string, value: string) => {
  const target = new URL(url);
  target.searchParams.set(name, value);
  return target.toString();
};

/**
 * A public form post's delivery, the same for every form: `redirect` goes only to an allowed origin;
 * a filled honeypot (`website`) is answered as if it worked, so a bot learns nothing, and nothing is
 * done; otherwise `work` runs, and a browser form with `redirect` is sent on there with `param=<id>`.
 */
export const publicFormPost = async (
  post: { redirect?: string; website?: string; fromForm: boolean; param: string },
  work: () => Promise<{ id: string; answer: HttpResult }>,
): Promise<HttpResult> => {
  const { redirect, website, fromForm, param } = post;
  if (redirect && !allowedOrigin(new URL(redirect).origin)) {
    throw new ValidationError([
      {
        path: 'redirect',
        message: {
          en: 'Redirects go only to allowed origins.',
          tr: 'Yönlendirme yalnızca izin verilen adreslere yapılır.',
        },
      },
    ]);
  }
  if (website) {
    metrics.addMetric('HoneypotTripped', 'Count', 1);
    return redirect && fromForm ? seeOther(withParam(redirect, param, 'received')) : json(202, { status: 'received' });
  }
  const { id, answer } = await work();
  return redirect && fromForm ? seeOther(withParam(redirect, param, id)) : answer;
};

export const preflight = (event: HttpEvent): HttpResult => {
  if (!allowedOrigin(header(event, 'origin'))) throw new ForbiddenError('This origin may not call this API.');
  return { statusCode: 204, headers: corsHeaders(event), body: '' };
};

// ---- the middleware stack ----------------------------------------------------------------------

type HttpFunction = (event: HttpEvent, context: Context) => Promise<HttpResult>;

const problemResponses = (options: {
  cors: boolean;
  metrics: boolean;
}): middy.MiddlewareObj<HttpEvent, HttpResult> => ({
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
      request.response = problemResult(error, request.event);
    } else {
      logger.error('request failed', error as Error);
      request.response = problemResult(
        new ProblemError(500, 'internal-error', {
          en: 'Something went wrong on our side.',
          tr: 'Bizim tarafımızda bir sorun oluştu.',
        }),
        request.event,
      );
    }
    if (options.metrics) metrics.addMetric(refused ? 'RequestRefused' : 'RequestFailed', 'Count', 1);
    if (options.cors) request.response.headers = { ...request.response.headers, ...corsHeaders(request.event) };
  },
});

export interface HandlerOptions {
  /** Adds CORS headers for allowed origins to every answer, problems included. */
  cors?: boolean;
  /** The handler records business metrics; others skip the flush and its empty-metrics warning. */
  metrics?: boolean;
}

/** The Lambda handler around a function: Logger context → Metrics where recorded → problem responses. */
export const httpHandler = (fn: HttpFunction, options: HandlerOptions = {}) => {
  const stack = middy<HttpEvent, HttpResult>().use(injectLambdaContext(logger, { resetKeys: true }));
  if (options.metrics) stack.use(logMetrics(metrics));
  return stack.use(problemResponses({ cors: options.cors ?? false, metrics: options.metrics ?? false })).handler(fn);
};

// ---- routes: a handler bound to its manifest declaration ---------------------------------------

type Parsed<S> = S extends z.core.$ZodType ? z.output<S> : Record<string, never>;

/** What a route's handler gets, typed from its declaration: the checked actor and the parsed request. */
export interface RouteInput<R extends RouteDeclaration> {
  /** Staff routes: the caller, with the route's scopes already checked. Public routes: none. */
  actor: R['auth'] extends 'public' ? undefined : Actor;
  params: Parsed<R['request']['params']>;
  query: Parsed<R['request']['query']>;
  body: R['request']['body'] extends RouteBody<infer S> ? z.output<S> : undefined;
  /** The body came from a browser form, which expects a page rather than JSON. */
  fromForm: boolean;
  /** Routes that declare `idempotency`: the stored answers' scope (route, caller, the key if sent). */
  idempotency: R extends { idempotency: object } ? CallerScope : undefined;
  /** Routes that declare `idempotency`: runs `work` once per key (see `once` in shared/idempotency.ts). */
  once: R extends { idempotency: object } ? Once : undefined;
}

/** Call it after the access checks: an answer is replayed only to a caller who may still see what it is about. */
export type Once = <T>(request: unknown, work: (record: Recorder) => Promise<T>) => Promise<T>;
type CallerScope = Omit<IdempotencyScope, 'request'>;

export interface RouteOptions {
  /** Runs before the request is parsed (an origin check that must win over a bad body). */
  guard?: (event: HttpEvent) => void;
  /**
   * A browser form post (form-encoded, no JSON in Accept) that is refused gets this page instead of
   * problem JSON, with the same status. Gets the problem and the form's fields as posted.
   */
  formProblemPage?: (problem: ProblemError, fields: Record<string, unknown>, event: HttpEvent) => HttpResult;
}

export interface BoundRoute {
  declaration: RouteDeclaration;
  /** The prologue and the handler, without the middleware: `routes()` puts several in one Lambda. */
  run: HttpFunction;
}

const wantsPage = (event: HttpEvent) =>
  (header(event, 'content-type') ?? '').split(';')[0]!.trim().toLowerCase() === FORM &&
  !/\bapplication\/(problem\+)?json\b/i.test(header(event, 'accept') ?? '');

/** The header, or for a public form the field it declares; refused when the route requires one and none came. */
const idempotencyKeyOf = (
  declared: NonNullable<RouteDeclaration['idempotency']>,
  event: HttpEvent,
  decoded: DecodedBody | undefined,
) => {
  const field = declared.formField ? decoded?.fields[declared.formField] : undefined;
  const key = header(event, 'idempotency-key') ?? (typeof field === 'string' && field !== '' ? field : undefined);
  if (!key && declared.key === 'required') {
    throw new ValidationError([
      {
        path: 'Idempotency-Key',
        message: {
          en: 'Required: a retry must not do the work a second time.',
          tr: 'Zorunlu: yeniden deneme işi ikinci kez yapmamalı.',
        },
      },
    ]);
  }
  return key;
};

/** What the prologue leaves for the route's run: the body's fields, and a read-only route's pending count. */
interface Posted {
  fields: Record<string, unknown>;
  counting?: Promise<void>;
}

/** The prologue every route runs: the scopes its declaration names, then params, query and body. */
const prologue = async <R extends RouteDeclaration>(declaration: R, event: HttpEvent, posted: Posted) => {
  let actor: Actor | undefined;
  if (declaration.auth !== 'public') {
    actor = actorOf(event);
    for (const scope of declaration.auth.scopes) requireScope(actor, scope);
    // Loaded on a person's call only: functions that never touch the table need not load its client.
    if (actor.person) {
      const userId = actor.userId;
      const counting = import('./person-quota.js').then((quota) => quota.countPersonCall(userId));
      if (declaration.readOnly) {
        // Settled by the caller, whatever else fails first; marked handled so that it never goes unseen.
        counting.catch(() => undefined);
        posted.counting = counting;
      } else await counting;
    }
  }
  const { params, query, body } = declaration.request;
  let decoded: DecodedBody | undefined;
  if (body && !body.raw) {
    decoded = body.optional && !event.body ? { fields: {}, fromForm: false } : decodeBody(event, body.maxBytes);
    posted.fields = decoded.fields;
  }
  const idempotency = declaration.idempotency && {
    route: `${declaration.method} ${declaration.path}`,
    caller: actor?.keyId ?? 'public',
    key: idempotencyKeyOf(declaration.idempotency, event, decoded),
  };
  return {
    actor,
    idempotency,
    once:
      idempotency &&
      ((request: unknown, work: (record: Recorder) => Promise<unknown>) =>
        oncePerCaller(declaration, { keyId: idempotency.caller }, idempotency.key, request, work)),
    params: params ? validate(params, event.pathParameters ?? {}) : {},
    query: query ? validate(query, event.queryStringParameters ?? {}) : {},
    body: body && decoded ? validate(body.schema, decoded.fields) : undefined,
    fromForm: decoded?.fromForm ?? false,
  } as RouteInput<R>;
};

/** Throws (a 500) when a success is not declared, or a JSON answer does not match its declared schema. */
const checkAnswer = (declaration: RouteDeclaration, result: HttpResult) => {
  const declared = declaration.responses[result.statusCode];
  if (!declared && result.statusCode < 400) {
    throw new Error(
      `${declaration.method} ${declaration.path} answered ${result.statusCode}, which its declaration does not list`,
    );
  }
  const schema = declared?.json;
  // A route may answer the same data as CSV or a file: only a JSON answer is held to the JSON schema.
  const type = Object.entries(result.headers ?? {}).find(([name]) => name.toLowerCase() === 'content-type')?.[1];
  if (!schema || result.isBase64Encoded || !/\bjson\b/i.test(String(type ?? ''))) return;
  const checked = safeParse(schema, JSON.parse(result.body));
  if (!checked.success) {
    const where = checked.error.issues.map((issue) => `${issue.path.join('.')}: ${issue.message}`).join('; ');
    throw new Error(
      `${declaration.method} ${declaration.path} answered ${result.statusCode} off its declared schema: ${where}`,
    );
  }
};

/**
 * Binds a handler to its route in the manifest: the handler gets the actor with the route's scopes
 * checked and the request parsed with the route's own schemas. Returns the Lambda handler, which
 * also carries the binding for `routes()`.
 */
export const route = <R extends RouteDeclaration>(
  declaration: R,
  fn: (input: RouteInput<R>, event: HttpEvent, context: Context) => Promise<HttpResult>,
  options: RouteOptions & HandlerOptions = {},
) => {
  const run: HttpFunction = async (event, context) => {
    options.guard?.(event);
    const posted: Posted = { fields: {} };
    try {
      const result = await countedAlongside(posted, async () =>
        fn(await prologue(declaration, event, posted), event, context),
      );
      if (config.checkResponses()) checkAnswer(declaration, result);
      return result;
    } catch (error) {
      if (options.formProblemPage && error instanceof ProblemError && error.status < 500 && wantsPage(event)) {
        return options.formProblemPage(error, posted.fields, event);
      }
      throw error;
    }
  };
  return Object.assign(httpHandler(run, options), {
    binding: { declaration, run } satisfies BoundRoute,
    declarations: [declaration],
  });
};

/**
 * A read-only route's work with the person's count beside it: past the quota the 429 wins over the
 * answer and over any other problem, as it does when the count runs first.
 */
const countedAlongside = async <T>(posted: Posted, work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } finally {
    // Started in the prologue, so by now mostly done; a rejection here replaces the answer or problem.
    if (posted.counting) await posted.counting;
  }
};

type RouteHandler = ReturnType<typeof route>;

/**
 * One Lambda for several routes of one manifest function: API Gateway names the route it matched
 * (method and resource path), and the binding declared with that route answers. The handlers never
 * compare paths themselves.
 */
export const routes = (handlers: readonly RouteHandler[], options: HandlerOptions = {}) => {
  const byRoute = new Map(
    handlers.map(({ binding }) => [`${binding.declaration.method} ${binding.declaration.path}`, binding.run]),
  );
  const handler = httpHandler(async (event, context) => {
    const run = byRoute.get(`${event.httpMethod} ${event.resource}`);
    if (!run) throw new ProblemError(404, 'no-such-route', { en: 'No such route.', tr: 'Böyle bir yol yok.' });
    return run(event, context);
  }, options);
  return Object.assign(handler, { declarations: handlers.map(({ binding }) => binding.declaration) });
};
