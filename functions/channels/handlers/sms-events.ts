// The SMS topic's messages (SNS): delivery events and inbound replies; see sms-events.ts. A message
// that fails is thrown, so SNS retries it (every step is idempotent).
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../../shared/observability.js';
import { handleSmsTopicMessage } from '../sms-events.js';

interface SnsEvent {
  Records: { Sns: { Message: string } }[];
}

export const handler = middy<SnsEvent, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    for (const record of event.Records) {
      const outcome = await handleSmsTopicMessage(record.Sns.Message);
      // Outcomes only: never the number or the text.
      logger.info('sms topic message handled', { outcome });
    }
  });
