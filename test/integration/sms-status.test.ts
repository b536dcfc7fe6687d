// A campaign text's delivery status against DynamoDB Local: set on the recipient's send record and
// counted into the campaign's report once (a redelivered event and a later status count nothing),
// an intermediate status counting nothing; and a sent text on the customer's timeline.
import { GetCommand, PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, it } from 'vitest';
import { timelinePage } from '../../functions/activities/activity-store.js';
import { campaignsKeys } from '../../functions/campaigns/keys.js';
import { campaignReport } from '../../functions/campaigns/reports.js';
import { recordSmsStatus } from '../../functions/campaigns/sms-status.js';
import { db, tableName, transact } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { mailLogItems } from '../../shared/mail.js';

const sentRecord = async (campaignId: string, runId: string, customerId: string, messageId: string) => {
  await db().send(
    new PutCommand({
      TableName: tableName(),
      Item: {
        ...campaignsKeys.campaignRecipient(campaignId, runId, customerId),
        type: 'campaign-recipient',
        customerId,
        status: 'sent',
        messageId,
      },
    }),
  );
};

const recordOf = async (campaignId: string, runId: string, customerId: string) =>
  (
    await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: campaignsKeys.campaignRecipient(campaignId, runId, customerId),
        ConsistentRead: true,
      }),
    )
  ).Item;

describe('SMS delivery status', () => {
  it("sets each recipient's status and counts delivered and undelivered texts once each", async () => {
    const [campaignId, runId, delivered, failed, pending] = [newId(), newId(), newId(), newId(), newId()];
    await sentRecord(campaignId, runId, delivered, 'm-delivered');
    await sentRecord(campaignId, runId, failed, 'm-failed');
    await sentRecord(campaignId, runId, pending, 'm-pending');
    const of = (customerId: string, messageId: string, status: string) => ({
      messageId,
      status,
      campaignId,
      runId,
      customerId,
    });

    expect(await recordSmsStatus(of(pending, 'm-pending', 'PENDING'))).toEqual({ counted: false });
    expect(await recordSmsStatus(of(delivered, 'm-delivered', 'DELIVERED'))).toEqual({
      counted: true,
      stat: 'delivered',
    });
    // the same event again, and a later status of the same text: nothing more
    expect((await recordSmsStatus(of(delivered, 'm-delivered', 'DELIVERED'))).counted).toBe(false);
    expect((await recordSmsStatus(of(delivered, 'm-delivered', 'FAILED'))).counted).toBe(false);
    expect(await recordSmsStatus(of(failed, 'm-failed', 'CARRIER_UNREACHABLE'))).toEqual({
      counted: true,
      stat: 'undelivered',
    });
    // a status for another message than the record's sends nothing astray
    expect((await recordSmsStatus(of(pending, 'm-other', 'DELIVERED'))).counted).toBe(false);

    expect((await recordOf(campaignId, runId, delivered))?.deliveryStatus).toBe('DELIVERED');
    expect((await recordOf(campaignId, runId, failed))?.deliveryStatus).toBe('CARRIER_UNREACHABLE');
    expect((await recordOf(campaignId, runId, pending))?.deliveryStatus).toBeUndefined();
    const { funnel } = await campaignReport(campaignId);
    expect([funnel.delivered, funnel.undelivered]).toEqual([1, 1]);
  });

  it("puts a sent text on the customer's timeline: template, message id, segments, never the text", async () => {
    const customerId = newId();
    const sentAt = new Date().toISOString();
    const logged = await transact(
      mailLogItems({ kind: 'sms', customerId, template: 'campaign:C1', subject: 'SMS', sentAt, segments: 3 }, 'm-1'),
    );
    expect(logged.ok).toBe(true);
    const { activities } = await timelinePage(customerId, 'sms', 10);
    expect(activities).toEqual([
      expect.objectContaining({
        kind: 'sms',
        status: 'logged',
        template: 'campaign:C1',
        messageId: 'm-1',
        segments: 3,
        createdBy: 'system',
      }),
    ]);
    expect(JSON.stringify(activities)).not.toMatch(/\+90|text/);
    expect((await timelinePage(customerId, 'email', 10)).activities).toEqual([]);
  });
});
