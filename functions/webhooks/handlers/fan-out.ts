// On every event of the catalogue: queue it for each active subscription of its type (once per event,
// however often the bus delivers it).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../../shared/observability.js';
import type { CrmEvent } from '../../event-table.js';
import { fanOut } from '../webhooks.js';

export const handler = middy<CrmEvent, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    logger.appendKeys({ eventId: (event.detail as { eventId?: string })?.eventId, detailType: event['detail-type'] });
    await fanOut(event);
  });
