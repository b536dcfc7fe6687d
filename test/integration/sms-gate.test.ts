// The one gate and the preference store against DynamoDB Local: the frequency cap counts mails and
// texts together, a text needs consent for its own number, a commercial text waits in the quiet hours
// while a mail does not, and a preference changes only from the version the writer read.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { beforeAll, describe, expect, it } from 'vitest';
import { getPreference, setPreference } from '../../functions/channels/preferences.js';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import { marketingGate } from '../../shared/gate.js';
import { newId } from '../../shared/ids.js';
import { ConflictError, ProblemError } from '../../shared/problems.js';
import { consentingCustomer, smsConsentItem } from '../support/subscriptions.js';

beforeAll(() => {
  process.env.MARKETING_CAP_MAX = '2';
  process.env.MARKETING_CAP_DAYS = '7';
  process.env.QUIET_HOURS = '21:00-09:00';
});

const smsConsent = (customerId: string, phone: string) =>
  db().send(
    new PutCommand({
      TableName: tableName(),
      Item: smsConsentItem(customerId, phone),
    }),
  );

/** 12:00 Istanbul, and 22:00 (in the quiet hours). */
const noon = new Date('2026-12-07T09:00:00Z');
const night = new Date('2026-12-07T19:00:00Z');

describe('the marketing gate', () => {
  it('counts mails and texts in one cap; a text needs its number’s consent; texts wait at night, mails do not', async () => {
    const { customerId, email } = await consentingCustomer('gate');
    const phone = '+905551230001';
    const text = (campaignId: string, to = phone) =>
      ({ customerId, channel: 'sms', address: to, topic: 'offers', campaignId }) as const;
    const mail = (campaignId: string) =>
      ({ customerId, channel: 'email', address: email, topic: 'offers', campaignId }) as const;

    expect(await marketingGate(text('camp-a'), noon)).toBe('no-consent');
    await smsConsent(customerId, phone);
    // Consent belongs to the number that proved it: another number of the customer has none.
    expect(await marketingGate(text('camp-a', '+905551230002'), noon)).toBe('no-consent');
    expect(await marketingGate(text('camp-a'), night)).toBe('quiet-hours');
    expect(await marketingGate(mail('camp-a'), night)).toBeUndefined();
    expect(await marketingGate(text('camp-a'), noon)).toBeUndefined();
    // A retry of the same text counts nothing more; a third message on any channel is over the cap of 2.
    expect(await marketingGate(text('camp-a'), noon)).toBeUndefined();
    expect(await marketingGate(mail('camp-b'), noon)).toBe('frequency-cap');
    expect(await marketingGate(text('camp-b'), noon)).toBe('frequency-cap');
  });
});

describe('the preferred channel', () => {
  it('is written from the version read, and only for a channel the record reaches', async () => {
    const now = new Date().toISOString();
    const customer: Customer = {
      customerId: newId(),
      name: 'Deneme Tercih',
      email: 'tercih@example.com',
      emailKey: 'tercih@example.com',
      language: 'tr',
      createdAt: now,
      updatedAt: now,
    };
    await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(customer) }));
    const by = { via: 'staff', setBy: 'mgr-zeynep' } as const;

    const refused = await setPreference(customer.customerId, 'sms', by).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(ProblemError);
    expect([(refused as ProblemError).status, (refused as ProblemError).code]).toEqual([422, 'channel-unreachable']);
    expect(await getPreference(customer.customerId)).toBeUndefined();

    expect((await setPreference(customer.customerId, 'email', by, 0)).seq).toBe(1);
    expect((await setPreference(customer.customerId, 'letter', by, 1)).seq).toBe(2);
    const stale = await setPreference(customer.customerId, 'email', by, 1).catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConflictError);
    expect(await getPreference(customer.customerId)).toMatchObject({ channel: 'letter', seq: 2, via: 'staff' });
  });
});
