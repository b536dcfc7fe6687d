// What a scheduled invocation carries: the CDK and the local runtime both pass
// { useCase, schedule, scheduledTime }. The scheduled time names the run in the logs; the sweep
// itself works on the present, so a late retry takes on what has fallen due since.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from './observability.js';

export interface ScheduledEvent {
  useCase?: string;
  schedule?: string;
  scheduledTime?: string;
}

export const scheduledHandler = (name: string, run: (now: Date) => Promise<Record<string, number>>) =>
  middy<ScheduledEvent, Record<string, number>>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      logger.appendKeys({ schedule: event?.schedule ?? name, scheduledTime: event?.scheduledTime });
      const outcome = await run(new Date());
      logger.info(`${name} done`, outcome);
      return outcome;
    });
