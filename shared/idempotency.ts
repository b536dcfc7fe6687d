// Idempotency-Key for every write endpoint, one mechanism: the stored answer is written INSIDE the
// transaction that does the work (condition: not there yet), so a retry, or a duplicate racing the
// first, finds the answer and nothing is done twice — there is no window between the work and
// its record. Records are scoped to the route and the caller (the key id; `public` for anonymous
// forms), and a handler authorises before it asks for a stored answer. They outlive every
// redelivery window (24 h) and expire by TTL.

import { createHash } from 'node:crypto';
import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from './clock.js';
import { db, putNew, type TransactItem, tableName } from './db.js';
import { newId } from './ids.js';
import { ProblemError, ValidationError } from './problems.js';
import { keys } from './table.js';

const RETENTION_SECONDS = 24 * 60 * 60;
const MAX_KEY_LENGTH = 200;

export interface IdempotencyScope {
  /** The route, e.g. `POST /quotes/{quoteId}/submit`. */
  route: string;
  /** The caller's key id, or `public`. */
  caller: string;
  /** The Idempotency-Key; without one every call does its work (conditional writes still guard it). */
  key?: string;
  /** What the caller asked: the same key with another request is refused. */
  request: unknown;
}

/** Adds the stored answer to the work's transaction; none when the request has no key. */
export type Recorder = (answer: unknown) => TransactItem[];

export const noRecord: Recorder = () => [];

const digest = (request: unknown) =>
  createHash('sha256')
    .update(JSON.stringify(request ?? null))
    .digest('base64url');

const reusedKey = () =>
  new ProblemError(422, 'idempotency-key-reused', {
    en: 'This Idempotency-Key was used with a different request.',
    tr: 'Bu Idempotency-Key başka bir istekle kullanıldı.',
  });

const stored = async (scope: IdempotencyScope & { key: string }) => {
  const found = await db().send(
    new GetCommand({
      TableName: tableName(),
      Key: keys.idempotency(scope.route, scope.caller, scope.key),
      ConsistentRead: true,
    }),
  );
  if (!found.Item) return undefined;
  if (found.Item.requestHash !== digest(scope.request)) throw reusedKey();
  return { answer: JSON.parse(String(found.Item.answer)) as unknown };
};

/**
 * The id of the work a key asks for: the same on every retry with that key (a new one without a key).
 * For work that cannot join the answer's transaction — a message handed to its provider, claimed under
 * this id — so a retry after a crash between the work and the stored answer finds the work done.
 */
export const keyedId = (scope: Omit<IdempotencyScope, 'request'>) =>
  scope.key
    ? createHash('sha256').update(`${scope.route}\n${scope.caller}\n${scope.key}`).digest('base64url').slice(0, 26)
    : newId();

/**
 * Runs `work` once per key. `work` puts `record(answer)` into the transaction that does the work;
 * if that transaction loses to a duplicate (its record exists), the duplicate's answer is returned.
 */
export const once = async <R>(
  scope: IdempotencyScope,
  work: (record: Recorder) => Promise<R>,
  now = clockNow(),
): Promise<R> => {
  const { key } = scope;
  if (key === undefined || key === '') return work(noRecord);
  if (key.length > MAX_KEY_LENGTH) {
    throw new ValidationError([
      {
        path: 'Idempotency-Key',
        message: { en: `At most ${MAX_KEY_LENGTH} characters.`, tr: `En çok ${MAX_KEY_LENGTH} karakter.` },
      },
    ]);
  }
  const keyed = { ...scope, key };
  const earlier = await stored(keyed);
  if (earlier) return earlier.answer as R;
  const record: Recorder = (answer) => [
    putNew({
      ...keys.idempotency(scope.route, scope.caller, key),
      type: 'idempotency',
      requestHash: digest(scope.request),
      // Stored as JSON text: an answer is whatever the endpoint returned, undefined fields dropped.
      answer: JSON.stringify(answer),
      expiresAt: Math.floor(now.getTime() / 1000) + RETENTION_SECONDS,
    }),
  ];
  try {
    return await work(record);
  } catch (error) {
    // A duplicate that raced this one and won: its answer is this request's answer too.
    const winner = await stored(keyed);
    if (winner) return winner.answer as R;
    throw error;
  }
};

/**
 * `once` for a route's caller: the stored answer is scoped to the route as the manifest declares it
 * and to the caller's key. Call it after the access checks: an answer is replayed only to a caller
 * who may still see what it is about.
 */
export const oncePerCaller = <R>(
  route: { method: string; path: string },
  caller: { keyId: string },
  key: string | undefined,
  request: unknown,
  work: (record: Recorder) => Promise<R>,
): Promise<R> => once({ route: `${route.method} ${route.path}`, caller: caller.keyId, key, request }, work);
