// The wrapper every scheduled sweep shares. The CDK and the local runtime both pass
// { useCase, schedule, scheduledTime }. A sweep works as of the later of the present and the
// scheduled time: a late retry takes on what has fallen due since, and a run scheduled for a later
// instant (the local scheduler's `fire … --at`) sweeps as of then — the clock tests and operators
// inject. EventBridge Scheduler never sends a scheduled time in the future.

import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { clockNow } from './clock.js';
import { logger } from './observability.js';

export interface ScheduledEvent {
  useCase?: string;
  schedule?: string;
  scheduledTime?: string;
  /** A job invoked by hand with `{"dryRun": true}` reports what it would do and changes nothing. */
  dryRun?: boolean;
}

export const sweepTime = (event: ScheduledEvent | undefined, present = clockNow()) => {
  const scheduled = Date.parse(event?.scheduledTime ?? '');
  return Number.isFinite(scheduled) && scheduled > present.getTime() ? new Date(scheduled) : present;
};

export const scheduledHandler = (
  name: string,
  run: (now: Date, event: ScheduledEvent) => Promise<Record<string, number>>,
) =>
  middy<ScheduledEvent, Record<string, number>>()
    .use(injectLambdaContext(logger, { resetKeys: true }))
    .handler(async (event) => {
      logger.appendKeys({ schedule: event?.schedule ?? name, scheduledTime: event?.scheduledTime });
      const outcome = await run(sweepTime(event), event ?? {});
      logger.info(`${name} done`, outcome);
      return outcome;
    });
