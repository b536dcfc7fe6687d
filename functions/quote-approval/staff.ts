// What every staff endpoint of this use case does first: who calls, with which scope, and what they see.
import type { Context } from 'aws-lambda';
import { actorOf, type HttpEvent, header, requireScope } from '../../shared/http.js';
import { idempotent } from '../../shared/idempotency.js';
import type { Scope } from '../../shared/manifest.js';
import { viewerOf } from './quote-access.js';

/** For handlers not yet bound to their route with `route()` (the catalogue's): new code uses the route's actor. */
export const staff = async (event: HttpEvent, scope: Scope) => {
  const actor = actorOf(event);
  requireScope(actor, scope);
  return viewerOf(actor);
};

/**
 * Runs `fn` once per Idempotency-Key: a client that retries a request that succeeded gets the first
 * answer instead of a conflict. Without the header every call runs (and conditional writes guard it).
 */
export const oncePerKey = <A extends object, R>(name: string, fn: (arg: A) => Promise<R>) => {
  // The first answer is stored as the record's result: as JSON, without undefined fields.
  const once = idempotent(name, async ({ arg }: { key?: string; request: unknown; arg: A }): Promise<R> => JSON.parse(JSON.stringify(await fn(arg))), {
    keyPath: 'key',
    payloadPath: 'request',
  });
  return (event: HttpEvent, context: Context, arg: A, request: unknown) =>
    once({ key: header(event, 'idempotency-key'), request, arg }, context);
};
