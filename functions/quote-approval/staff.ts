// What every staff endpoint of this use case does first: who calls, with which scope, and what they see.
import { viewerOf } from '../../shared/access.js';
import { actorOf, decodeBody, type HttpEvent, header, requireScope, validate } from '../../shared/http.js';
import { once, type Recorder } from '../../shared/idempotency.js';
import type { Scope } from '../../shared/manifest.js';
import type * as z from '../../shared/schema.js';

export const staff = async (event: HttpEvent, scope: Scope) => {
  const actor = actorOf(event);
  requireScope(actor, scope);
  return viewerOf(actor);
};

/** A quote request is small: 200 lines of JSON fit in well under 64 KiB. */
const MAX_BODY_BYTES = 64 * 1024;

/** The body, validated; an empty body is an empty object (the actions whose fields are all optional). */
export const bodyOf = <S extends z.core.$ZodType>(event: HttpEvent, schema: S): z.infer<S> =>
  validate(schema, event.body ? decodeBody(event, MAX_BODY_BYTES).fields : {});

/**
 * Runs `work` once per Idempotency-Key of this caller on this route: a client that retries a
 * request that succeeded gets the first answer instead of a conflict. `work` writes the answer in
 * its own transaction through `record`. Call it after the access checks: a stored answer is
 * replayed only to a caller who may still see what it is about.
 */
export const oncePerKey = <R>(event: HttpEvent, request: unknown, work: (record: Recorder) => Promise<R>): Promise<R> =>
  once(
    { route: `${event.httpMethod} ${event.resource}`, caller: actorOf(event).keyId, key: header(event, 'idempotency-key'), request },
    work,
  );
