// The API Gateway REST API, locally: real HTTP in, API Gateway proxy events to the same handlers,
// the same authorizer and its policy, the WAF's per-IP rate rule on public routes, and problem
// responses where API Gateway would answer itself (401, 403, 404, 413, 429).
import { randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { APIGatewayAuthorizerResult, APIGatewayProxyEvent, APIGatewayProxyResult } from 'aws-lambda';
import type { RouteBase } from '../../shared/manifest.js';
import { type ProblemCode, problemDocument } from '../../shared/problems.js';
import { controlRefusal } from './local-control.js';
import { closeServer } from './processes.js';

/** API Gateway's own payload limit. */
const MAX_PAYLOAD_BYTES = 10 * 1024 * 1024;
const RATE_WINDOW_MS = 5 * 60 * 1000;

export interface LocalRoute extends RouteBase {
  invoke: (event: APIGatewayProxyEvent) => Promise<APIGatewayProxyResult>;
}

export interface HttpApiOptions {
  port: number;
  routes: LocalRoute[];
  authorize: (event: unknown) => Promise<APIGatewayAuthorizerResult>;
  /** Requests per IP per 5 minutes on public routes, as the WAF rate rule. */
  publicRateLimit: number;
  /**
   * How long an authorizer's answer is kept for its Authorization header, as API Gateway keeps it
   * (0: asked on every call, so that a revoked key or a signed-out session is refused at once).
   */
  authorizerCacheSeconds?: number;
  /** Extra handlers under /_local/ for the operator (schedules, dead letters). */
  admin?: (req: IncomingMessage, url: URL) => Promise<{ status: number; body: unknown } | undefined>;
  /** Static files outside the API (the staff console): answers true when it served the request. */
  site?: (req: IncomingMessage, res: ServerResponse, url: URL) => Promise<boolean>;
}

const pattern = (path: string) =>
  new RegExp(`^${path.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\\?\{(\w+)\\?\}/g, '(?<$1>[^/]+)')}$`);

const send = (res: ServerResponse, status: number, headers: Record<string, string>, body: string | Buffer) => {
  res.writeHead(status, headers);
  res.end(body);
};

const problem = (
  res: ServerResponse,
  status: number,
  code: ProblemCode,
  detail: string,
  headers: Record<string, string> = {},
) =>
  send(
    res,
    status,
    { 'content-type': 'application/problem+json', ...headers },
    JSON.stringify(problemDocument(status, code, detail)),
  );

/** Does an execute-api policy allow this method ARN? Resources may end in or contain `*`. */
const policyAllows = (policy: APIGatewayAuthorizerResult['policyDocument'], methodArn: string) => {
  const matches = (resource: string) =>
    new RegExp(
      `^${resource
        .split('*')
        .map((p) => p.replace(/[.+?^$()|[\]\\{}]/g, '\\$&'))
        .join('[^/]*')}$`,
    ).test(methodArn);
  const statements = policy.Statement as { Effect: string; Resource?: string | string[] }[];
  const hits = (effect: string) =>
    statements.some((s) => s.Effect === effect && [s.Resource ?? []].flat().some(matches));
  return hits('Allow') && !hits('Deny');
};

const readBody = (req: IncomingMessage) =>
  new Promise<Buffer | undefined>((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_PAYLOAD_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_PAYLOAD_BYTES ? undefined : Buffer.concat(chunks)));
    req.on('error', reject);
  });

/** API Gateway prefers a literal path segment to a parameter in the same place: `/customers/lookup` over `/customers/{id}`. */
const literalFirst = (a: string, b: string) => {
  const [x, y] = [a.split('/'), b.split('/')];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const [xParam, yParam] = [x[i]!.startsWith('{'), y[i]!.startsWith('{')];
    if (xParam !== yParam) return xParam ? 1 : -1;
  }
  return 0;
};

export const startHttpApi = async (options: HttpApiOptions) => {
  const compiled = options.routes.map((route) => ({ route, regex: pattern(route.path) }));
  const hitsByIp = new Map<string, number[]>();

  let cacheMs = (options.authorizerCacheSeconds ?? 0) * 1000;
  const authorizerCache = new Map<string, { result: APIGatewayAuthorizerResult; until: number }>();

  const rateLimited = (ip: string, now: number) => {
    const recent = (hitsByIp.get(ip) ?? []).filter((t) => t > now - RATE_WINDOW_MS);
    recent.push(now);
    hitsByIp.set(ip, recent);
    return recent.length > options.publicRateLimit ? Math.ceil((recent[0]! + RATE_WINDOW_MS - now) / 1000) : 0;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname.startsWith('/_local/')) {
      const refused = controlRefusal(req);
      if (refused) return problem(res, 403, 'local-control-refused', refused);
    }
    if (url.pathname.startsWith('/_local/') && options.admin) {
      const answer = await options.admin(req, url);
      if (answer) return send(res, answer.status, { 'content-type': 'application/json' }, JSON.stringify(answer.body));
    }
    if (options.site && (await options.site(req, res, url))) return;
    const method = req.method ?? 'GET';
    const candidates = compiled
      .map(({ route, regex }) => ({ route, match: regex.exec(url.pathname) }))
      .filter((c) => c.match);
    // Routes that match one path have as many segments: compare them place by place.
    const found = candidates
      .filter((c) => c.route.method === method)
      .sort((a, b) => literalFirst(a.route.path, b.route.path))[0];
    if (!found) {
      return candidates.length
        ? problem(res, 405, 'method-not-allowed', `${method} is not allowed here.`)
        : problem(res, 404, 'no-such-route', 'No such route.');
    }
    const { route, match } = found;
    const ip = req.socket.remoteAddress?.replace(/^::ffff:/, '') ?? '127.0.0.1';
    if (route.auth === 'public') {
      const retryAfter = rateLimited(ip, Date.now());
      if (retryAfter)
        return problem(res, 429, 'too-many-requests', 'Too many requests from this address.', {
          'retry-after': String(retryAfter),
        });
    }
    const body = await readBody(req);
    if (!body) return problem(res, 413, 'payload-too-large', 'The body is larger than API Gateway accepts.');
    const headers = Object.fromEntries(
      Object.entries(req.headers).map(([name, value]) => [
        name,
        Array.isArray(value) ? value.join(',') : (value ?? ''),
      ]),
    );
    const query = url.searchParams.size ? Object.fromEntries(url.searchParams) : null;
    const methodArn = `arn:aws:execute-api:eu-central-1:000000000000:local/local/${method}${url.pathname}`;
    let authorizer: Record<string, unknown> | null = null;
    if (route.auth !== 'public') {
      let result: APIGatewayAuthorizerResult;
      const identity = headers.authorization ?? '';
      const cached = authorizerCache.get(identity);
      try {
        result =
          cached && cached.until > Date.now()
            ? cached.result
            : await options.authorize({
                type: 'REQUEST',
                methodArn,
                resource: route.path,
                path: url.pathname,
                httpMethod: method,
                headers,
                queryStringParameters: query,
                pathParameters: match!.groups ?? {},
                requestContext: {},
              });
      } catch {
        return problem(res, 401, 'unauthorized', 'A valid bearer key is required.', { 'www-authenticate': 'Bearer' });
      }
      // Kept with its policy, which the next call's route is checked against, as API Gateway does.
      if (cacheMs > 0 && result !== cached?.result)
        authorizerCache.set(identity, { result, until: Date.now() + cacheMs });
      if (!policyAllows(result.policyDocument, methodArn)) {
        return problem(res, 403, 'forbidden', 'This key may not call this route.');
      }
      authorizer = { ...result.context, principalId: result.principalId };
    }
    const binary =
      body.length > 0 &&
      !/^(text\/|application\/(json|x-www-form-urlencoded|problem\+json))/.test(headers['content-type'] ?? '');
    const event = {
      resource: route.path,
      path: url.pathname,
      httpMethod: method,
      headers,
      multiValueHeaders: Object.fromEntries(Object.entries(headers).map(([k, v]) => [k, [v]])),
      queryStringParameters: query,
      multiValueQueryStringParameters:
        query && Object.fromEntries([...url.searchParams.keys()].map((k) => [k, url.searchParams.getAll(k)])),
      pathParameters: match!.groups ? { ...match!.groups } : null,
      stageVariables: null,
      body: body.length ? body.toString(binary ? 'base64' : 'utf8') : null,
      isBase64Encoded: binary,
      requestContext: {
        requestId: randomUUID(),
        stage: 'local',
        resourcePath: route.path,
        httpMethod: method,
        path: url.pathname,
        identity: { sourceIp: ip, userAgent: headers['user-agent'] ?? null },
        authorizer,
      },
    } as unknown as APIGatewayProxyEvent;
    const result = await route.invoke(event);
    const outHeaders = Object.fromEntries(Object.entries(result.headers ?? {}).map(([k, v]) => [k, String(v)]));
    send(res, result.statusCode, outHeaders, result.isBase64Encoded ? Buffer.from(result.body, 'base64') : result.body);
  };

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      // API Gateway answers 502 when the integration itself fails; say so, without the error's detail.
      console.error('local API: handler crashed', (error as Error).message);
      if (!res.headersSent) problem(res, 502, 'bad-gateway', 'The function failed.');
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', resolve);
  });
  const port = (server.address() as AddressInfo).port;
  return {
    url: `http://localhost:${port}`,
    /** Keeps the authorizer's answers this long from now on (0: none kept, the kept ones dropped). */
    cacheAuthorizer: (seconds: number) => {
      cacheMs = seconds * 1000;
      authorizerCache.clear();
    },
    // Ctrl-C must not wait for a client that keeps its connection open.
    close: () => closeServer(server),
  };
};
