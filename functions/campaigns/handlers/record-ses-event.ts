// SES sending events from the crm bus (forwarded from the default bus): suppress hard bounces and
// complaints, count each event once into its campaign's stats. Idempotent through the stats marker.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { campaignTag } from '../../../shared/mail.js';
import { logger } from '../../../shared/observability.js';
import { parseSesEvent } from '../domain/ses-events.js';
import { recordSesEvent } from '../ses-events.js';

export const handler = middy<unknown, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // An event that is not an SES event is a wiring bug: fail loudly so it lands in the DLQ.
    const facts = parseSesEvent(event, campaignTag);
    logger.appendKeys({ eventId: facts.eventId, eventType: facts.eventType, campaignId: facts.campaignId });
    const outcome = await recordSesEvent(facts);
    logger.info('ses event recorded', outcome);
  });
