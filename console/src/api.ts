// The API client: typed from the OpenAPI document (api-types.ts), so a call to a route the document
// does not describe does not compile. Every call carries the bearer and the console's language; a
// 401 sends the person to sign in.
import createClient, { type Middleware } from 'openapi-fetch';
import type { components, paths } from './api-types.js';
import { bearer, forget, loadConfig } from './session.js';
import { currentLanguage } from './strings.js';

export type Problem = components['schemas']['Problem'];

let client: ReturnType<typeof createClient<paths>> | undefined;

const auth: Middleware = {
  async onRequest({ request }) {
    const token = await bearer();
    if (token) request.headers.set('authorization', `Bearer ${token}`);
    // Problems come back in the console's language (title, detail and field messages).
    request.headers.set('accept-language', currentLanguage());
    return request;
  },
  onResponse({ response }) {
    if (response.status === 401) {
      forget();
      location.hash = `#/sign-in?next=${encodeURIComponent(location.hash.slice(1) || '/')}`;
    }
    return response;
  },
};

export const api = async () => {
  if (!client) {
    client = createClient<paths>({ baseUrl: (await loadConfig()).apiBaseUrl });
    client.use(auth);
  }
  return client;
};

/** The problem a failed call answered with, or a stand-in when the answer was not one. */
export const asProblem = (error: unknown, status: number): Problem =>
  error && typeof error === 'object' && 'code' in error
    ? (error as Problem)
    : { type: 'about:blank', title: String(status), status, code: 'internal-error' };

/** A fresh Idempotency-Key for one POST a person makes once. */
export const idempotencyKey = () => ({ 'idempotency-key': crypto.randomUUID() });
