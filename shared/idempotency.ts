// Powertools Idempotency on the CRM table: a retried request or a redelivered event returns the
// first outcome instead of doing the work again. Records outlive EventBridge's 24 h redelivery window.
import {
  IdempotencyAlreadyInProgressError,
  IdempotencyConfig,
  IdempotencyValidationError,
  makeIdempotent,
} from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import type { Context } from 'aws-lambda';
import { config } from './config.js';
import { ConflictError, ProblemError } from './problems.js';
import { keys, tableSchema } from './table.js';

const ONE_DAY_SECONDS = 24 * 60 * 60;

const persistenceFor = (name: string) =>
  new DynamoDBPersistenceLayer({
    tableName: config.tableName(),
    keyAttr: tableSchema.partitionKey,
    sortKeyAttr: tableSchema.sortKey,
    staticPkValue: keys.idempotencyPartition(name),
    expiryAttr: tableSchema.ttlAttribute,
  });

/**
 * Wraps `fn` so that calls with the same key run once. `keyPath` and `payloadPath` are JMESPath
 * expressions into the argument: the same key with a different payload is refused.
 */
export const idempotent = <A extends object, R>(
  name: string,
  fn: (arg: A) => Promise<R>,
  options: { keyPath: string; payloadPath?: string },
) => {
  let wrapped: ((arg: A) => Promise<R>) | undefined;
  let idempotencyConfig: IdempotencyConfig | undefined;
  return (arg: A, context: Context): Promise<R> => {
    if (!wrapped || !idempotencyConfig) {
      idempotencyConfig = new IdempotencyConfig({
        eventKeyJmesPath: options.keyPath,
        payloadValidationJmesPath: options.payloadPath,
        expiresAfterSeconds: ONE_DAY_SECONDS,
        throwOnNoIdempotencyKey: false,
      });
      wrapped = makeIdempotent(fn, { persistenceStore: persistenceFor(name), config: idempotencyConfig });
    }
    idempotencyConfig.registerLambdaContext(context);
    return wrapped(arg).catch((error: unknown) => {
      if (error instanceof IdempotencyAlreadyInProgressError) {
        throw new ConflictError('request-in-progress', 'A request with this Idempotency-Key is still being processed.');
      }
      if (error instanceof IdempotencyValidationError) {
        throw new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was used with a different body.');
      }
      throw error;
    });
  };
};
