// Invoked by an Amazon Connect contact flow (not through the API): the caller's record as flat attributes.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../../shared/observability.js';
import { answerCaller, type ContactFlowEvent } from '../caller-lookup.js';

export const handler = middy<ContactFlowEvent, Record<string, string>>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // The contact id only: the caller's number is personal data and stays out of the logs.
    logger.appendKeys({ contactId: event?.Details?.ContactData?.ContactId });
    const answer = await answerCaller(event);
    logger.info('caller looked up', { lookupResult: answer.lookupResult, queue: answer.queue });
    return answer;
  });
