// Frequency cap, campaign tags and unsubscribing per topic, against DynamoDB Local and the local SES
// endpoint (behind a recording proxy: the endpoint keeps no tags).

import { GetCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { campaignTotals } from '../../functions/campaigns/reports.js';
import { leave, preferencesOf, subscriberOf } from '../../functions/campaigns/subscriptions.js';
import { hasConsent } from '../../shared/consent.js';
import { db, tableName } from '../../shared/db.js';
import { capPeriod, sendMarketing, sendTransactional, unsubscribeUrl } from '../../shared/mail.js';
import { keys } from '../../shared/table.js';
import { consentingCustomer, ledger, startRecordedSes } from '../support/subscriptions.js';

let ses: Awaited<ReturnType<typeof startRecordedSes>>;
beforeAll(async () => {
  ses = await startRecordedSes();
  process.env.MARKETING_CAP_MAX = '2';
  process.env.MARKETING_CAP_DAYS = '7';
});
afterAll(() => ses.close());

const mail = (to: string) => ({ to, subject: 'Kampanya', text: 'Merhaba', html: '<p>Merhaba</p>' });
const offers = (customerId: string, campaignId?: string) =>
  ({ customerId, channel: 'email', topic: 'offers', ...(campaignId ? { campaignId } : {}) }) as const;
const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('frequency cap', () => {
  it('holds across campaigns, and a retry of the same campaign mail does not count twice', async () => {
    const { customerId, email } = await consentingCustomer('cap');
    const other = await consentingCustomer('cap-other');
    const now = new Date();
    expect((await sendMarketing(mail(email), offers(customerId, 'camp-a'), now)).status).toBe('sent');
    expect((await sendMarketing(mail(email), offers(customerId, 'camp-a'), now)).status).toBe('sent'); // a retry
    expect((await sendMarketing(mail(email), offers(customerId, 'camp-b'), now)).status).toBe('sent');
    expect(await sendMarketing(mail(email), offers(customerId, 'camp-c'), now)).toEqual({
      status: 'skipped',
      reason: 'frequency-cap',
    });
    // The cap is per customer: another customer's mail of the same campaign goes.
    expect((await sendMarketing(mail(other.email), offers(other.customerId, 'camp-c'), now)).status).toBe('sent');
    const counter = await db().send(
      new GetCommand({
        TableName: tableName(),
        Key: keys.marketingCap(customerId, capPeriod(now, 7).start),
        ConsistentRead: true,
      }),
    );
    expect([...((counter.Item?.mails as Set<string> | undefined) ?? [])].sort()).toEqual(['camp-a', 'camp-b']);
    // The next period starts afresh.
    const later = new Date(now.getTime() + 7 * 24 * 3600 * 1000);
    expect((await sendMarketing(mail(email), offers(customerId, 'camp-c'), later)).status).toBe('sent');
  });

  it('counts only mail that would go: a skip for missing consent takes no place', async () => {
    const { customerId, email } = await consentingCustomer('cap-consent', { topics: ['newsletter'] });
    expect(await sendMarketing(mail(email), offers(customerId, 'x1'))).toEqual({
      status: 'skipped',
      reason: 'no-consent',
    });
    expect(await sendMarketing(mail(email), offers(customerId, 'x2'))).toEqual({
      status: 'skipped',
      reason: 'no-consent',
    });
    const newsletter = { customerId, channel: 'email', topic: 'newsletter' } as const;
    expect((await sendMarketing(mail(email), { ...newsletter, campaignId: 'n1' })).status).toBe('sent');
    expect((await sendMarketing(mail(email), { ...newsletter, campaignId: 'n2' })).status).toBe('sent');
  });

  it('tags the campaign and names the configuration set on the SES request', async () => {
    const { customerId, email } = await consentingCustomer('tags');
    ses.requests.length = 0;
    await sendMarketing(mail(email), offers(customerId, '01KTAGGED'));
    expect(ses.requests).toHaveLength(1);
    const sent = ses.requests[0]!;
    expect(sent.get('ConfigurationSetName')).toBe('pusula-test');
    expect([sent.get('Tags.member.1.Name'), sent.get('Tags.member.1.Value')]).toEqual(['campaign', '01KTAGGED']);
    const raw = Buffer.from(sent.get('RawMessage.Data') ?? '', 'base64').toString('utf8');
    expect(raw).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  });
});

describe('unsubscribing', () => {
  it('leaving one topic keeps the others and transactional mail', async () => {
    const { customerId, email } = await consentingCustomer('one-topic');
    const read = await subscriberOf(tokenOf(await unsubscribeUrl(email, offers(customerId))));
    if (!read.ok) throw new Error(`token refused: ${read.reason}`);
    expect(read.subscriber).toMatchObject({ customerId, address: email, topic: 'offers', language: 'tr' });
    expect(await leave(read.subscriber, 'offers', 'one-click')).toEqual({ withdrawn: true });
    expect(await leave(read.subscriber, 'offers', 'one-click')).toEqual({ withdrawn: false });
    expect(await preferencesOf(read.subscriber)).toEqual({
      offers: false,
      newsletter: true,
      events: true,
      birthday: true,
    });
    expect(await sendMarketing(mail(email), offers(customerId, 'after-1'))).toEqual({
      status: 'skipped',
      reason: 'no-consent',
    });
    expect(
      (await sendMarketing(mail(email), { customerId, channel: 'email', topic: 'newsletter', campaignId: 'after-2' }))
        .status,
    ).toBe('sent');
    expect((await sendTransactional(mail(email))).status).toBe('sent');
  });

  it('leaving all withdraws every topic, even ones granted one by one', async () => {
    const { customerId, email } = await consentingCustomer('all', { topics: ['offers', 'events'] });
    const read = await subscriberOf(tokenOf(await unsubscribeUrl(email, offers(customerId))));
    if (!read.ok) throw new Error(read.reason);
    expect(await leave(read.subscriber, 'all', 'preferences')).toEqual({ withdrawn: true });
    expect(await preferencesOf(read.subscriber)).toEqual({
      offers: false,
      newsletter: false,
      events: false,
      birthday: false,
    });
    expect(await leave(read.subscriber, 'all', 'preferences')).toEqual({ withdrawn: false });
  });

  it("counts the customer unsubscribed once for the link's campaign, and unsubscribes again after the customer came back", async () => {
    const { customerId, email } = await consentingCustomer('campaign-link');
    const read = await subscriberOf(tokenOf(await unsubscribeUrl(email, offers(customerId, 'camp-unsub'))));
    if (!read.ok) throw new Error(read.reason);
    expect(read.subscriber.campaignId).toBe('camp-unsub');
    await leave(read.subscriber, 'offers', 'one-click');
    await ledger(customerId, email, 'granted', 'offers'); // came back
    expect(await leave(read.subscriber, 'offers', 'one-click')).toEqual({ withdrawn: true });
    expect(await hasConsent(customerId, 'email', email, 'offers')).toBe(false);
    expect(await leave(read.subscriber, 'events', 'preferences')).toEqual({ withdrawn: true }); // another topic, same link
    expect((await campaignTotals('camp-unsub', ['unsubscribed'])).unsubscribed).toBe(1);
  });

  it('refuses a token for an address the customer never had, and a forged one', async () => {
    const { customerId } = await consentingCustomer('foreign');
    expect(await subscriberOf(tokenOf(await unsubscribeUrl('someone-else@example.com', offers(customerId))))).toEqual({
      ok: false,
      reason: 'invalid',
    });
    expect(await subscriberOf('not.a-token')).toEqual({ ok: false, reason: 'invalid' });
  });
});
