// SES events through the consumer's work, against DynamoDB Local and the local SES endpoint.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseSesEvent } from '../../functions/campaigns/domain/ses-events.js';
import { campaignTotals } from '../../functions/campaigns/reports.js';
import { recordSesEvent } from '../../functions/campaigns/ses-events.js';
import { type SesEventKind, sesEventDetail } from '../../infra/local/ses-events.js';
import { newId } from '../../shared/ids.js';
import { campaignTag, sendMarketing, sendTransactional } from '../../shared/mail.js';
import { consentingCustomer, startRecordedSes } from '../support/subscriptions.js';

let ses: Awaited<ReturnType<typeof startRecordedSes>>;
beforeAll(async () => {
  ses = await startRecordedSes();
});
afterAll(() => ses.close());

const mail = (to: string) => ({ to, subject: 'Bilgi', text: 'Merhaba', html: '<p>Merhaba</p>' });

/** The SES event EventBridge would deliver for `kind`, with its own event id unless a redelivery reuses one. */
const event = (kind: SesEventKind, to: string, campaignId?: string, id = newId()) => ({
  version: '0',
  id,
  'detail-type': 'Email',
  source: 'aws.ses',
  detail: sesEventDetail(
    kind,
    { messageId: `m-${id}`, from: 'crm@example.com', subject: 'Bilgi', destination: [to] },
    {
      configurationSet: 'pusula-test',
      campaignId,
      now: new Date(),
    },
  ),
});
const record = (raw: ReturnType<typeof event>) => recordSesEvent(parseSesEvent(raw, campaignTag));

describe('SES events', () => {
  it('counts an event once when EventBridge delivers it twice, and each distinct event', async () => {
    const campaignId = `stats-${newId()}`;
    const delivered = event('delivery', 'a@example.com', campaignId);
    expect(await record(delivered)).toEqual({ counted: true, suppressed: 0 });
    expect(await record(delivered)).toEqual({ counted: false, suppressed: 0 });
    await record(event('delivery', 'b@example.com', campaignId));
    await record(event('open', 'b@example.com', campaignId));
    expect(await campaignTotals(campaignId, ['delivered', 'opened', 'bounced'])).toEqual({
      delivered: 2,
      opened: 1,
      bounced: 0,
    });
  });

  it('a hard bounce suppresses the address for transactional and marketing mail; a soft bounce does not', async () => {
    const { customerId, email } = await consentingCustomer('bounce');
    const soft = await consentingCustomer('soft');
    expect((await sendTransactional(mail(email))).status).toBe('sent');
    const campaignId = `bounce-${newId()}`;
    expect(await record(event('bounce', email, campaignId))).toEqual({ counted: true, suppressed: 1 });
    await record(event('soft-bounce', soft.email, campaignId));
    expect(await sendTransactional(mail(email))).toEqual({ status: 'skipped', reason: 'hard-bounce' });
    expect(await sendMarketing(mail(email), { customerId, channel: 'email', topic: 'offers' })).toEqual({
      status: 'skipped',
      reason: 'hard-bounce',
    });
    expect((await sendTransactional(mail(soft.email))).status).toBe('sent');
    expect(await campaignTotals(campaignId, ['bounced', 'soft-bounced'])).toEqual({ bounced: 1, 'soft-bounced': 1 });
    expect(await ses.mailTo(email)).toHaveLength(1);
  });

  it('a complaint suppresses the address even when the mail named no campaign', async () => {
    const { email } = await consentingCustomer('complaint');
    expect(await record(event('complaint', email))).toEqual({ counted: false, suppressed: 1 });
    expect(await sendTransactional(mail(email.toUpperCase()))).toEqual({ status: 'skipped', reason: 'complaint' });
  });
});
