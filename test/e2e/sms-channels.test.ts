// Texts and channels end to end on the local stack, through the End User Messaging SMS stand-in: a
// text campaign to a segment reaches only the numbers with message consent, each text counted in the
// segments its encoding gives, its delivery event counted once in the campaign's report, the text on the
// customer's timeline; a refusal reply withdraws the number's consent (confirmed once, a
// second STOP confirms nothing) and the next campaign passes it by; a notice goes by SMS to the
// customer who chose SMS through their signed link and by e-mail to the one staff set to e-mail.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { type Customer, customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { commercialText, smsLength } from '../../shared/sms.js';
import { keys } from '../../shared/table.js';
import { localControlHeaders, mailTo, settle } from '../support/e2e.js';
import { call } from '../support/quotes.js';
import { smsConsentItem } from '../support/subscriptions.js';
import { documents } from '../support/subscriptions-e2e.js';

const staff = () => inject('smsKeys').staff;

interface Text {
  messageId: string;
  to: string;
  body: string;
  messageType: string;
  encoding: string;
  segments: number;
  context: Record<string, string>;
}

type Estimate = { encoding: string; segments: number; costMinor: number };
interface Preview {
  versions: { tr: Estimate; en: Estimate };
  recipients: number;
  complete: boolean;
  maxSegments: number;
  costPerRecipientMinor: number;
  campaignCostMinor: number;
}

const texts = async () => ((await (await fetch(`${inject('sms')}/store`)).json()) as { messages: Text[] }).messages;
const textsTo = async (phone: string) => (await texts()).filter((t) => t.to === phone);

const put = (Item: Record<string, unknown>) => documents().send(new PutCommand({ TableName: 'pusula', Item }));
const phoneNumber = () => `+90555${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;

/** An invented customer with a mobile number (its marker, as capture writes it) and, when asked, message consent. */
const seed = async (
  tag: string,
  i: number,
  options: { phone?: boolean; consent?: boolean; language?: 'tr' | 'en' },
) => {
  const customerId = newId();
  const email = `${tag}-${i}-${customerId.toLowerCase()}@example.com`;
  const phone = options.phone === false ? undefined : phoneNumber();
  const now = new Date().toISOString();
  const customer: Customer = {
    customerId,
    // A Turkish name makes even an English text UCS-2: the English reader's name is plain.
    name: options.language === 'en' ? `Test Person ${i}` : `Deneme Kişi ${i}`,
    email,
    emailKey: email,
    ...(phone ? { phone } : {}),
    language: options.language ?? 'tr',
    tags: [tag],
    createdAt: now,
    updatedAt: now,
  };
  await put(customers.item(customer));
  if (phone) await put({ ...keys.phoneMarker(phone), type: 'phone-marker', customerId });
  if (phone && options.consent) {
    // İYS type MESAJ: consent for texts, belonging to this number.
    await put(smsConsentItem(customerId, phone, now));
  }
  return { customerId, email, phone: phone ?? '', name: customer.name, language: customer.language };
};

const created = async <T>(path: string, body: unknown) => {
  const reply = await call<T>('POST', path, staff(), body);
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
};

const template = {
  tr: { subject: 'Fırsat', html: '<p>x</p>', text: 'Sayın {{name}}, {{offer.discount}} indirim sizi bekliyor.' },
  en: { subject: 'Offer', html: '<p>x</p>', text: 'Dear {{name}}, {{offer.discount}} off is waiting for you.' },
};

/** A text campaign scheduled a minute ahead, and the minute sweep fired as of then, with all it sets off. */
const runTextCampaign = async (segmentId: string, templateId: string, name: string) => {
  const at = new Date(Date.now() + 60_000);
  const draft = await created<{ campaignId: string; channel: string }>('/campaigns', {
    name,
    segmentId,
    templateId,
    topic: 'offers',
    channel: 'sms',
    schedule: { at: at.toISOString() },
    offer: { discount: '%20' },
  });
  expect(draft.channel).toBe('sms');
  const scheduled = await call('POST', `/campaigns/${draft.campaignId}/schedule`, staff());
  expect(scheduled.status, scheduled.text).toBe(200);
  const fired = await fetch(
    `${inject('api')}/_local/schedules/campaigns.sweep-campaigns/fire?at=${encodeURIComponent(new Date(at.getTime() + 1000).toISOString())}`,
    { method: 'POST', headers: localControlHeaders },
  );
  expect(fired.status).toBe(200);
  await settle();
  const progress = await call<{ status: string; run: Record<string, unknown> }>(
    'GET',
    `/campaigns/${draft.campaignId}/progress`,
    staff(),
  );
  return { campaignId: draft.campaignId, progress: progress.body };
};

const reply = async (from: string, body: string) => {
  const played = await fetch(`${inject('sms')}/inbound`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ from, body }),
  });
  expect(played.status).toBe(200);
  await settle();
};

describe('texts and channels on the local stack', () => {
  it('a text campaign reaches only consented numbers; a refusal stops the next; notices follow the preference', async () => {
    const tag = `sms${Math.random().toString(36).slice(2, 8)}`;
    const refuser = await seed(tag, 0, { consent: true });
    const english = await seed(tag, 1, { consent: true, language: 'en' });
    const noConsent = await seed(tag, 2, { consent: false });
    const noPhone = await seed(tag, 3, { phone: false, consent: false });

    const segment = await created<{ segmentId: string }>('/segments', {
      name: `Etiket ${tag}`,
      filter: { tags: [tag] },
      consent: { channel: 'email', topic: 'offers' },
    });
    const { templateId } = await created<{ templateId: string }>('/templates', {
      name: `SMS ${tag}`,
      parts: template,
    });

    // The preview: the Turkish version is UCS-2 (ı), the English one GSM; cost for the segment's four.
    const preview = await call<Preview>('POST', '/campaigns/sms-preview', staff(), {
      segmentId: segment.segmentId,
      templateId,
      offer: { discount: '%20' },
      sample: { name: 'Deniz Demir' },
    });
    expect(preview.status, preview.text).toBe(200);
    expect(preview.body.versions.tr).toMatchObject({ encoding: 'UCS-2', segments: 2 });
    expect(preview.body.versions.en).toMatchObject({ encoding: 'GSM-7', segments: 1 });
    expect(preview.body).toMatchObject({ recipients: 4, complete: true, maxSegments: 3 });
    expect(preview.body.campaignCostMinor).toBe(preview.body.costPerRecipientMinor * 4);
    // A text over the segment limit is refused, naming the field.
    const { templateId: longId } = await created<{ templateId: string }>('/templates', {
      name: `SMS uzun ${tag}`,
      parts: { tr: { ...template.tr, text: 'ş'.repeat(200) }, en: template.en },
    });
    const tooLong = await call<{ code: string; errors: { path: string }[] }>(
      'POST',
      '/campaigns/sms-preview',
      staff(),
      { segmentId: segment.segmentId, templateId: longId },
    );
    expect([tooLong.status, tooLong.body.code, tooLong.body.errors?.[0]?.path]).toEqual([
      422,
      'sms-too-long',
      'templateId',
    ]);

    // Round one: the two consented numbers, one text each, as many segments as their encoding gives.
    const first = await runTextCampaign(segment.segmentId, templateId, `SMS 1 ${tag}`);
    expect(first.progress.run).toMatchObject({ sent: 2, skipped: 2, skippedBy: { 'no-consent': 1, 'no-address': 1 } });
    for (const person of [refuser, english]) {
      const got = await textsTo(person.phone);
      expect(got).toHaveLength(1);
      const expected = commercialText(
        template[person.language].text.replace('{{name}}', person.name).replace('{{offer.discount}}', '%20'),
        person.language,
      );
      expect(got[0]).toMatchObject({
        body: expected,
        messageType: 'PROMOTIONAL',
        context: { campaign: first.campaignId },
      });
      expect([got[0]!.encoding, got[0]!.segments]).toEqual([
        person.language === 'tr' ? 'UCS-2' : 'GSM-7',
        smsLength(expected).segments,
      ]);
    }
    expect(await textsTo(noConsent.phone)).toEqual([]);

    // Delivery events: one text delivered (reported twice), the other failed; the report counts each once,
    // and each text is on its customer's timeline.
    const delivery = async (phone: string, status: string) => {
      const [text] = await textsTo(phone);
      const played = await fetch(`${inject('sms')}/delivery`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ messageId: text!.messageId, status }),
      });
      expect(played.status).toBe(200);
      await settle();
    };
    await delivery(english.phone, 'DELIVERED');
    await delivery(english.phone, 'DELIVERED');
    await delivery(refuser.phone, 'FAILED');
    const report = await call<{ funnel: Record<string, number> }>(
      'GET',
      `/campaigns/${first.campaignId}/report`,
      staff(),
    );
    expect([
      report.status,
      report.body.funnel.sent,
      report.body.funnel.delivered,
      report.body.funnel.undelivered,
    ]).toEqual([200, 2, 1, 1]);
    const timeline = await call<{ activities: { kind: string; template?: string }[] }>(
      'GET',
      `/customers/${english.customerId}/activities?kind=sms`,
      staff(),
    );
    expect(timeline.body.activities).toEqual([
      expect.objectContaining({ kind: 'sms', template: `campaign:${first.campaignId}` }),
    ]);

    // A refusal, typed with a dotless ı: consent withdrawn at once, confirmed by one text; a second STOP confirms nothing.
    await reply(refuser.phone, 'ıptal');
    const confirmations = async () =>
      (await textsTo(refuser.phone)).filter((t) => t.messageType === 'TRANSACTIONAL').length;
    expect(await confirmations()).toBe(1);
    await reply(refuser.phone, 'STOP');
    expect(await confirmations()).toBe(1);

    // Round two: the refuser is passed by; the other consented number gets its second text.
    const second = await runTextCampaign(segment.segmentId, templateId, `SMS 2 ${tag}`);
    expect(second.progress.run).toMatchObject({ sent: 1, skippedBy: { 'no-consent': 2, 'no-address': 1 } });
    expect((await textsTo(refuser.phone)).filter((t) => t.context.campaign === second.campaignId)).toEqual([]);
    expect((await textsTo(english.phone)).filter((t) => t.context.campaign === second.campaignId)).toHaveLength(1);

    // Notices: one customer chooses SMS through the signed link, staff set another to e-mail.
    const bySms = await seed(tag, 4, {});
    const byMail = await seed(tag, 5, {});
    const link = await call<{ url: string }>('POST', `/customers/${bySms.customerId}/channel-preference/link`, staff());
    expect(link.status, link.text).toBe(200);
    // The page's form posts back to the signed URL, as a browser would.
    const chosen = await fetch(link.body.url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ channel: 'sms' }).toString(),
    });
    expect(chosen.status).toBe(200);
    const set = await call<{ channel: string }>('PUT', `/customers/${byMail.customerId}/channel-preference`, staff(), {
      channel: 'email',
    });
    expect([set.status, set.body.channel]).toEqual([200, 'email']);
    const noPhoneChoice = await call<{ code: string; errors: { path: string }[] }>(
      'PUT',
      `/customers/${noPhone.customerId}/channel-preference`,
      staff(),
      { channel: 'sms' },
    );
    expect([noPhoneChoice.status, noPhoneChoice.body.code, noPhoneChoice.body.errors?.[0]?.path]).toEqual([
      422,
      'channel-unreachable',
      'channel',
    ]);

    const statement = {
      kind: 'statement',
      subject: { tr: 'Hesap özeti', en: 'Statement' },
      text: { tr: `Aralık hesap özetiniz hazır ${tag}.`, en: `Your December statement is ready ${tag}.` },
    };
    const sentSms = await created<{ channel: string; status: string }>(
      `/customers/${bySms.customerId}/notices`,
      statement,
    );
    const sentMail = await created<{ channel: string; status: string }>(
      `/customers/${byMail.customerId}/notices`,
      statement,
    );
    expect([sentSms.channel, sentSms.status, sentMail.channel, sentMail.status]).toEqual([
      'sms',
      'sent',
      'email',
      'sent',
    ]);
    const notice = await textsTo(bySms.phone);
    expect(notice).toHaveLength(1);
    // Transactional: no consent asked, no refusal instruction.
    expect(notice[0]).toMatchObject({ body: statement.text.tr, messageType: 'TRANSACTIONAL' });
    expect(await textsTo(byMail.phone)).toEqual([]);
    expect((await mailTo(byMail.email)).map((m) => m.subject)).toEqual(['Hesap özeti']);
    expect(await mailTo(bySms.email)).toEqual([]);
  });
});
