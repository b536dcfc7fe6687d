// On ConsentGranted and ConsentWithdrawn: each new entry of the customer's ledger on that channel gets
// its push to İYS, once however often the bus delivers the event.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../../shared/observability.js';
import { type CrmEvent, catalogue } from '../../event-table.js';
import { queuePushes } from '../sync.js';

export const handler = middy<CrmEvent<'ConsentGranted' | 'ConsentWithdrawn'>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    const type = event['detail-type'];
    // A detail that breaks the catalogue is a producer bug: fail loudly so it lands in the DLQ.
    const detail = catalogue[type].detail.parse(event.detail);
    logger.appendKeys({ eventId: detail.eventId, detailType: type });
    await queuePushes(detail.customerId, detail.channel);
  });
