// The stack every event consumer shares: Logger → the catalogue's schema → idempotency on
// the event id, so a redelivered event (EventBridge retries, Lambda async retries) does its work once.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { Context } from 'aws-lambda';
import { type CrmEvent, catalogue, type DetailType, type EventDetail } from '../events/catalogue.js';
import { idempotent } from './idempotency.js';
import { logger } from './observability.js';

export const eventHandler = <T extends DetailType>(
  name: string,
  detailType: T,
  work: (detail: EventDetail<T>) => Promise<unknown>,
) => {
  const once = idempotent(name, ({ detail }: { detail: EventDetail<T> }) => work(detail).then(() => true), {
    keyPath: 'detail.eventId',
  });
  return middy<CrmEvent<T>, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event: CrmEvent<T>, context: Context) => {
      // A detail that breaks the catalogue is a producer bug: fail loudly so it lands in the DLQ.
      const detail = catalogue[detailType].detail.parse(event.detail) as EventDetail<T>;
      logger.appendKeys({ eventId: detail.eventId, detailType });
      await once({ detail }, context);
    });
};
