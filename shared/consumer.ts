// The stack every event consumer shares: Logger → the catalogue's schema → the work. A redelivered
// event (EventBridge retries, Lambda async retries, an archive replay) must do its work once, and
// every consumer does so through a conditional write of its own, not a separate record: assignment
// sets the owner only where none is, an order is put only if absent, and every mail goes through
// `sendOnce`'s marker.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { type CrmEvent, catalogue, type DetailType, type EventDetail } from '../events/catalogue.js';
import { logger } from './observability.js';

export const eventHandler = <T extends DetailType>(detailType: T, work: (detail: EventDetail<T>) => Promise<unknown>) =>
  middy<CrmEvent<T>, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event: CrmEvent<T>) => {
      // A detail that breaks the catalogue is a producer bug: fail loudly so it lands in the DLQ.
      const detail = catalogue[detailType].detail.parse(event.detail) as EventDetail<T>;
      logger.appendKeys({ eventId: detail.eventId, detailType });
      await work(detail);
    });
