// The stack every event consumer shares: Logger → the catalogue's schema → the work. A redelivered
// event (EventBridge retries, Lambda async retries, an archive replay) must do its work once, and
// every consumer does so through a conditional write of its own, not a separate record: assignment
// sets the owner only where none is, an order is put only if absent, and every mail goes through
// `sendOnce`'s marker.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import type { CrmEvent, DetailOf, EventDeclaration } from '../events/event.js';
import { logger } from './observability.js';

/** `declared`: the declaration of the detail-type it consumes (functions/event-table.ts has them all). */
export const eventHandler = <E extends EventDeclaration>(
  declared: E,
  work: (detail: DetailOf<E>) => Promise<unknown>,
) =>
  middy<CrmEvent<E['detailType'], DetailOf<E>>, void>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event: CrmEvent<E['detailType'], DetailOf<E>>) => {
      // A detail that breaks the catalogue is a producer bug: fail loudly so it lands in the DLQ.
      const detail = declared.detail.parse(event.detail) as DetailOf<E>;
      logger.appendKeys({ eventId: detail.eventId, detailType: declared.detailType });
      await work(detail);
    });
