// Idempotency-Key for this use case's staff endpoints, scoped to the caller and the route.
import { type Actor, type HttpEvent, header } from '../../shared/http.js';
import { once, type Recorder } from '../../shared/idempotency.js';

/**
 * Runs `work` once per Idempotency-Key of this caller on this route: a client that retries a
 * request that succeeded gets the first answer instead of a conflict. `work` writes the answer in
 * its own transaction through `record`. Call it after the access checks: a stored answer is
 * replayed only to a caller who may still see what it is about.
 */
export const oncePerKey = <R>(event: HttpEvent, actor: Actor, request: unknown, work: (record: Recorder) => Promise<R>): Promise<R> =>
  once({ route: `${event.httpMethod} ${event.resource}`, caller: actor.keyId, key: header(event, 'idempotency-key'), request }, work);
