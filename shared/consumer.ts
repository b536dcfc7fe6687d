// The stack every event consumer shares: Logger → the catalogue's schema → the work, once per event.
// A consumer whose work is one conditional write (assignment sets the owner only if unset, an order
// is put only if absent) is idempotent through it and declares `once: 'by-write'`; the others get
// a Powertools idempotency record on the event id, so a redelivered event (EventBridge retries,
// Lambda async retries) does its work once. Records outlive EventBridge's 24 h redelivery window.
import { IdempotencyConfig, makeIdempotent } from '@aws-lambda-powertools/idempotency';
import { DynamoDBPersistenceLayer } from '@aws-lambda-powertools/idempotency/dynamodb';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type CrmEvent, catalogue, type DetailType, type EventDetail } from '../events/catalogue.js';
import { config } from './config.js';
import { logger } from './observability.js';
import { keys, tableSchema } from './table.js';

const ONE_DAY_SECONDS = 24 * 60 * 60;

const oncePerEvent = <T extends DetailType>(name: string, work: (detail: EventDetail<T>) => Promise<unknown>) => {
  let wrapped: ((arg: { detail: EventDetail<T> }) => Promise<boolean>) | undefined;
  const idempotencyConfig = new IdempotencyConfig({ eventKeyJmesPath: 'detail.eventId', expiresAfterSeconds: ONE_DAY_SECONDS });
  return (detail: EventDetail<T>, context: Context) => {
    wrapped ??= makeIdempotent(({ detail: d }: { detail: EventDetail<T> }) => work(d).then(() => true), {
      persistenceStore: new DynamoDBPersistenceLayer({
        tableName: config.tableName(),
        keyAttr: tableSchema.partitionKey,
        sortKeyAttr: tableSchema.sortKey,
        staticPkValue: keys.idempotencyPartition(name),
        expiryAttr: tableSchema.ttlAttribute,
      }),
      config: idempotencyConfig,
    });
    idempotencyConfig.registerLambdaContext(context);
    return wrapped({ detail });
  };
};

export const eventHandler = <T extends DetailType>(
  name: string,
  detailType: T,
  work: (detail: EventDetail<T>) => Promise<unknown>,
  options: { once?: 'by-write' | 'by-record' } = {},
) => {
  const run = options.once === 'by-write' ? (detail: EventDetail<T>) => work(detail) : oncePerEvent(name, work);
  return middy<CrmEvent<T>, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event: CrmEvent<T>, context: Context) => {
      // A detail that breaks the catalogue is a producer bug: fail loudly so it lands in the DLQ.
      const detail = catalogue[detailType].detail.parse(event.detail) as EventDetail<T>;
      logger.appendKeys({ eventId: detail.eventId, detailType });
      await run(detail, context);
    });
};
