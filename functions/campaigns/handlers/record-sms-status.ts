// SmsStatusReported from the crm bus: a campaign text's delivery status onto its send record and into
// the campaign's report, once (guarded by the record). Texts of no campaign count nothing here.
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import middy from '@middy/core';
import { logger } from '../../../shared/observability.js';
import { type CrmEvent, catalogue } from '../../event-table.js';
import { recordSmsStatus } from '../sms-status.js';

export const handler = middy<CrmEvent<'SmsStatusReported'>, void>()
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .handler(async (event) => {
    // A detail that breaks the catalogue is a producer bug: fail loudly so it lands in the DLQ.
    const detail = catalogue.SmsStatusReported.detail.parse(event.detail);
    logger.appendKeys({ messageId: detail.messageId, campaignId: detail.campaignId });
    logger.info('sms status recorded', await recordSmsStatus(detail));
  });
