// A campaign text's delivery status (SmsStatusReported): set on the recipient's send record and counted
// into the campaign's report, in one transaction guarded by the record holding that message and no
// final status yet — so a redelivered event, or a later status of the same text, counts nothing.
import { clockNow } from '../../shared/clock.js';
import { tableName, transact } from '../../shared/db.js';
import { smsStat } from './domain/sms-status.js';
import { campaignsKeys } from './keys.js';
import { countInto } from './reports.js';

export interface SmsStatus {
  messageId: string;
  status: string;
  campaignId?: string;
  runId?: string;
  customerId?: string;
}

export const recordSmsStatus = async (event: SmsStatus, now = clockNow()) => {
  const stat = smsStat(event.status);
  const { campaignId, runId, customerId } = event;
  if (!stat || !campaignId || !runId || !customerId) return { counted: false };
  const update = {
    TableName: tableName(),
    Key: campaignsKeys.campaignRecipient(campaignId, runId, customerId),
    UpdateExpression: 'SET deliveryStatus = :status, deliveredAt = :at',
    ConditionExpression: 'messageId = :message AND attribute_not_exists(deliveryStatus)',
    ExpressionAttributeValues: {
      ':status': event.status.toUpperCase(),
      ':at': now.toISOString(),
      ':message': event.messageId,
    },
  };
  const counted = await transact([{ Update: update }, countInto(campaignId, stat)]);
  return { counted: counted.ok, stat };
};
