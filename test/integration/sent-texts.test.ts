// Every text the CRM sends a customer goes on their timeline once, whichever module sends it: a notice
// by SMS (its request retried with the same Idempotency-Key, and again after a crash before the answer
// was stored), a birthday greeting and a loyalty statement (their runs repeated), against DynamoDB
// Local and the local SMS endpoint.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { timelinePage } from '../../functions/activities/activity-store.js';
import { greetBirthdays } from '../../functions/campaigns/birthdays.js';
import { channelRoutes } from '../../functions/channels/manifest.js';
import { sendNotice } from '../../functions/channels/notices.js';
import { setPreference } from '../../functions/channels/preferences.js';
import { mailStatements } from '../../functions/loyalty/jobs.js';
import { accounts } from '../../functions/loyalty/ledger.js';
import { startSmsStandIn } from '../../infra/local/sms.js';
import { type Customer, customers } from '../../shared/customer.js';
import { db, tableName } from '../../shared/db.js';
import { keyedId, oncePerCaller } from '../../shared/idempotency.js';
import { newId } from '../../shared/ids.js';
import { startSesStandIn } from '../support/ses-stand-in.js';
import { smsConsentItem } from '../support/subscriptions.js';

let sms: Awaited<ReturnType<typeof startSmsStandIn>>;
let ses: Awaited<ReturnType<typeof startSesStandIn>>;
beforeAll(async () => {
  sms = await startSmsStandIn({ port: 0, onEvent: async () => undefined });
  ses = await startSesStandIn();
  process.env.AWS_ENDPOINT_URL_PINPOINT_SMS_VOICE_V2 = sms.url;
});
afterAll(async () => {
  await sms.close();
  await ses.close();
});

let numbers = 0;
/** An invented customer with a mobile number who prefers texts, and text consent for it. */
const texter = async (birthday?: string) => {
  const customerId = newId();
  const phone = `+90555${String(Date.now() % 10_000).padStart(4, '0')}${String(numbers++).padStart(3, '0')}`;
  const now = new Date().toISOString();
  const customer: Customer = {
    customerId,
    name: 'Deneme Metin',
    phone,
    language: 'tr',
    createdAt: now,
    updatedAt: now,
    ...(birthday ? { birthday } : {}),
  };
  await db().send(new PutCommand({ TableName: tableName(), Item: customers.item(customer) }));
  await db().send(new PutCommand({ TableName: tableName(), Item: smsConsentItem(customerId, phone) }));
  await setPreference(customerId, 'sms', { via: 'staff', setBy: 'mgr-zeynep' });
  return { customerId, phone };
};

const textsOnTimeline = async (customerId: string) => (await timelinePage(customerId, 'sms', 10)).activities;
const textsTo = (phone: string) => sms.texts().filter((t) => t.to === phone);

describe("texts on the customer's timeline", () => {
  it('a notice by SMS: once, however its request is retried', async () => {
    const { customerId, phone } = await texter();
    const body = {
      kind: 'order',
      subject: { tr: 'Siparişiniz yolda', en: 'Your order is on its way' },
      text: { tr: 'Siparisiniz kargoya verildi.', en: 'Your order has shipped.' },
    } as const;
    const scope = { route: 'POST /customers/{customerId}/notices', caller: 'key-notices', key: `n-${customerId}` };
    const noticeId = keyedId(scope);
    const post = () =>
      oncePerCaller(channelRoutes.sendNotice, { keyId: scope.caller }, scope.key, { customerId, ...body }, (record) =>
        sendNotice(customerId, body, noticeId, record),
      );
    const first = await post();
    expect(first).toMatchObject({ noticeId, channel: 'sms', status: 'sent' });
    expect(await post()).toEqual(first);
    // The request's work redone after a crash before its answer was stored: the same notice, not sent again.
    expect(await sendNotice(customerId, body, noticeId)).toEqual(first);
    expect(textsTo(phone)).toHaveLength(1);
    expect(await textsOnTimeline(customerId)).toEqual([
      expect.objectContaining({
        kind: 'sms',
        template: 'notice:order',
        subject: 'Siparişiniz yolda',
        messageId: textsTo(phone)[0]!.messageId,
        segments: 1,
        createdBy: 'system',
      }),
    ]);
    expect(JSON.stringify(await textsOnTimeline(customerId))).not.toContain(phone);
  });

  it('a birthday greeting by text: once, however often the day’s run repeats', async () => {
    const { customerId, phone } = await texter('1977-07-13');
    const morning = new Date('2031-07-13T07:00:00Z'); // 10:00 in Istanbul, outside the quiet hours
    await greetBirthdays(morning);
    await greetBirthdays(morning);
    expect(textsTo(phone)).toHaveLength(1);
    expect(await textsOnTimeline(customerId)).toEqual([
      expect.objectContaining({ kind: 'sms', template: 'birthday-greeting', subject: 'Doğum gününüz kutlu olsun!' }),
    ]);
  });

  it('a loyalty statement by text: once, however often the statement run repeats', async () => {
    const { customerId, phone } = await texter();
    const at = '2031-01-15T09:00:00.000Z';
    await db().send(
      new PutCommand({
        TableName: tableName(),
        Item: accounts.item({
          customerId,
          status: 'active',
          seq: 1,
          balance: 120,
          lots: { '2032-12-31': 120 },
          owed: 0,
          months: { '2031-01': { earned: 120, spent: 0, expired: 0 } },
          rewardsIssued: 0,
          createdAt: at,
          updatedAt: at,
        }),
      }),
    );
    const run = new Date('2031-02-01T07:00:00Z');
    await mailStatements(run);
    await mailStatements(run);
    expect(textsTo(phone)).toHaveLength(1);
    expect(await textsOnTimeline(customerId)).toEqual([
      expect.objectContaining({ kind: 'sms', template: 'loyalty-statement', subject: 'Puan özetiniz: 2031-01' }),
    ]);
  });
});
