// A campaign end to end on the local stack: a marketer's key creates a segment, a tr+en template and
// a campaign on `offers` scheduled at a time; the minute sweep fired as of that time sends it through
// the real workers. The SES store then holds exactly one mail per consenting customer, each with the
// RFC 8058 headers and the personal link; a one-click unsubscribe from `offers` and a hard bounce
// from the local SES event endpoint shape the next two campaigns (`offers` and `newsletter`) and a
// transactional order notice; the report counts sent, bounced and unsubscribed.
import { PutCommand } from '@aws-sdk/lib-dynamodb';
import { describe, expect, inject, it } from 'vitest';
import { type Customer, customers } from '../../shared/customer.js';
import { newId } from '../../shared/ids.js';
import { onceKey } from '../../shared/mail.js';
import { keys } from '../../shared/table.js';
import { allMail, localControlHeaders, type StoredMail, settle, uniquePerson } from '../support/e2e.js';
import { call, linksIn } from '../support/quotes.js';
import { consentItem } from '../support/subscriptions.js';
import { documents, readItem } from '../support/subscriptions-e2e.js';

const marketer = () => inject('campaignKeys').marketer;
/** Above 20, so one hard bounce stays under SES's 5% review threshold and later campaigns may start. */
const CONSENTING = 24;

type Mail = StoredMail & { headers?: Record<string, string> };
type Seeded = { customerId: string; email: string };

const put = (Item: Record<string, unknown>) => documents().send(new PutCommand({ TableName: 'pusula', Item }));

/** Invented customers sharing one tag: the first `CONSENTING` consent to every topic (the first reads English). */
const seedCustomers = async (tag: string) => {
  const now = new Date().toISOString();
  const made: Seeded[] = [];
  for (let i = 0; i < CONSENTING + 2; i++) {
    const customerId = newId();
    const email = `${tag}-${i}-${customerId.toLowerCase()}@example.com`;
    const customer: Customer = {
      customerId,
      name: `Deneme Müşteri ${i}`,
      email,
      emailKey: email,
      language: i === 0 ? 'en' : 'tr',
      tags: [tag],
      createdAt: now,
      updatedAt: now,
    };
    await put(customers.item(customer));
    made.push({ customerId, email });
  }
  const consenting = made.slice(0, CONSENTING + 1);
  for (const { customerId, email } of consenting) await put(consentItem(customerId, email, 'granted'));
  // The last consenting one complained once: suppressed, whatever its consent says.
  const suppressed = consenting.at(-1)!;
  await put({ ...keys.suppression(suppressed.email), type: 'suppression', reason: 'complaint', at: now });
  return { consenting: made.slice(0, CONSENTING), suppressed, withoutConsent: made.at(-1)! };
};

const created = async (path: string, body: unknown) => {
  const reply = await call<{ segmentId: string; templateId: string; campaignId: string; status: string }>(
    'POST',
    path,
    marketer(),
    body,
  );
  expect(reply.status, reply.text).toBe(201);
  return reply.body;
};

const template = (lang: 'tr' | 'en') =>
  lang === 'tr'
    ? {
        subject: 'Fırsat {{offer.round}}: {{name}}',
        html: '<p>Sayın {{name}}, {{offer.discount}} indirim.</p>',
        text: 'Sayın {{name}}, {{offer.discount}} indirim.',
      }
    : {
        subject: 'Offer {{offer.round}}: {{name}}',
        html: '<p>Dear {{name}}, {{offer.discount}} off.</p>',
        text: 'Dear {{name}}, {{offer.discount}} off.',
      };

/** A campaign created and scheduled at `at`, in `round` (its subject says which). */
const scheduledCampaign = async (segmentId: string, templateId: string, topic: string, round: string, at: Date) => {
  const draft = await created('/campaigns', {
    name: `Kampanya ${round}`,
    segmentId,
    templateId,
    topic,
    schedule: { at: at.toISOString() },
    offer: { round, discount: '%20' },
  });
  expect(draft.status).toBe('draft');
  const scheduled = await call<{ status: string }>('POST', `/campaigns/${draft.campaignId}/schedule`, marketer());
  expect([scheduled.status, scheduled.body.status], scheduled.text).toEqual([200, 'scheduled']);
  return draft.campaignId;
};

/** The minute sweep as of `at`, through the local scheduler, and everything it sets off. */
const fireSweep = async (at: Date) => {
  const fired = await fetch(
    `${inject('api')}/_local/schedules/campaigns.sweep-campaigns/fire?at=${encodeURIComponent(at.toISOString())}`,
    {
      method: 'POST',
      headers: localControlHeaders,
    },
  );
  expect(fired.status).toBe(200);
  await settle();
};

const statusOf = async (campaignId: string) =>
  (await call<{ status: string }>('GET', `/campaigns/${campaignId}`, marketer())).body.status;

/** Mails of one round (by subject) to each address. */
const roundMails = (mails: Mail[], round: string) => {
  const of = mails.filter((m) => /^(Fırsat|Offer) /.test(m.subject) && m.subject.includes(` ${round}: `));
  return (address: string) => of.filter((m) => m.destination.to.includes(address));
};

describe('a campaign on the local stack', () => {
  it('mails exactly the consenting, unsuppressed customers once; unsubscribe and bounce shape the next campaigns and the report', async () => {
    const tag = `kmp${Math.random().toString(36).slice(2, 8)}`;
    const { consenting, suppressed, withoutConsent } = await seedCustomers(tag);
    const [english, leaver, bouncer, stayer] = consenting.slice(0, 4) as [Seeded, Seeded, Seeded, Seeded];

    const segment = await created('/segments', {
      name: `Etiket ${tag}`,
      filter: { tags: [tag] },
      consent: { channel: 'email', topic: 'offers' },
    });
    const preview = await call<{ count: number; complete: boolean }>(
      'GET',
      `/segments/${segment.segmentId}/preview`,
      marketer(),
    );
    expect(preview.body).toMatchObject({ count: CONSENTING + 2, complete: true });
    const { templateId } = await created('/templates', {
      name: `Şablon ${tag}`,
      parts: { tr: template('tr'), en: template('en') },
    });

    // Round A on `offers`, at a time the sweep is then fired as of.
    const atA = new Date(Date.now() + 60_000);
    const campaignA = await scheduledCampaign(segment.segmentId, templateId, 'offers', `A-${tag}`, atA);
    await fireSweep(new Date(atA.getTime() + 1000));
    expect(await statusOf(campaignA)).toBe('sent');

    const mailsA = roundMails(await allMail(), `A-${tag}`);
    for (const { email } of consenting) expect(mailsA(email)).toHaveLength(1);
    expect(mailsA(withoutConsent.email)).toHaveLength(0);
    expect(mailsA(suppressed.email)).toHaveLength(0);
    expect(mailsA(english.email)[0]!.subject).toBe(`Offer A-${tag}: Deneme Müşteri 0`);
    expect(mailsA(stayer.email)[0]!.subject).toBe(`Fırsat A-${tag}: Deneme Müşteri 3`);
    for (const { email } of consenting) {
      const [mail] = mailsA(email);
      expect(mail!.headers?.['List-Unsubscribe']).toMatch(/^<http:\/\/localhost:\d+\/unsubscribe\?token=[\w.-]+>$/);
      expect(mail!.headers?.['List-Unsubscribe-Post']).toBe('List-Unsubscribe=One-Click');
      expect(linksIn(mail, '/unsubscribe')).toHaveLength(1);
      expect(mail!.body.html).toContain('/unsubscribe?token=');
    }
    const progress = await call<{ run: Record<string, unknown> }>(
      'GET',
      `/campaigns/${campaignA}/progress`,
      marketer(),
    );
    expect(progress.body.run).toMatchObject({
      status: 'done',
      recipients: CONSENTING + 2,
      sent: CONSENTING,
      skippedBy: { 'no-consent': 1, complaint: 1 },
      remaining: 0,
    });

    // One-click from the header's URL, as a mail client posts it: leaves `offers` only.
    const headerUrl = mailsA(leaver.email)[0]!.headers!['List-Unsubscribe']!.slice(1, -1);
    const oneClick = await fetch(headerUrl, {
      method: 'POST',
      body: 'List-Unsubscribe=One-Click',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(oneClick.status).toBe(200);

    // A hard bounce of one A mail, published as SES would: the address is suppressed for all later mail.
    const bounce = await fetch(`${inject('api')}/_local/ses-events`, {
      method: 'POST',
      headers: { ...localControlHeaders, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'bounce', messageId: mailsA(bouncer.email)[0]!.messageId, campaign: campaignA }),
    });
    expect(bounce.status).toBe(202);
    await settle();

    // Round B on `offers` and round C on `newsletter`, started by one sweep.
    const atB = new Date(Date.now() + 60_000);
    const campaignB = await scheduledCampaign(segment.segmentId, templateId, 'offers', `B-${tag}`, atB);
    const campaignC = await scheduledCampaign(segment.segmentId, templateId, 'newsletter', `C-${tag}`, atB);
    await fireSweep(new Date(atB.getTime() + 1000));
    expect([await statusOf(campaignB), await statusOf(campaignC)]).toEqual(['sent', 'sent']);

    const mails = await allMail();
    const [mailsB, mailsC] = [roundMails(mails, `B-${tag}`), roundMails(mails, `C-${tag}`)];
    expect(mailsB(leaver.email)).toHaveLength(0);
    expect(mailsC(leaver.email)).toHaveLength(1);
    expect([mailsB(bouncer.email), mailsC(bouncer.email)]).toEqual([[], []]);
    expect([mailsB(stayer.email), mailsC(stayer.email)].map((m) => m.length)).toEqual([1, 1]);
    expect(consenting.map(({ email }) => mailsB(email).length).reduce((a, b) => a + b)).toBe(CONSENTING - 2);
    expect(consenting.map(({ email }) => mailsC(email).length).reduce((a, b) => a + b)).toBe(CONSENTING - 1);

    // Transactional mail too: the notice of an order shipped to the bounced address is not sent.
    const orderKeys = inject('orderKeys');
    const buyer = uniquePerson('kampanya');
    const order = await call<{ orderId: string }>(
      'POST',
      '/orders',
      orderKeys.shop,
      {
        customer: { name: buyer.name, email: bouncer.email, phone: buyer.localPhone, language: 'tr' },
        lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
        delivery: { address: 'Deneme Sokak 7', city: 'Ankara' },
        requestedDate: '2026-12-15',
        channel: 'web-shop',
      },
      { 'idempotency-key': `kampanya-${tag}` },
    );
    expect(order.status, order.text).toBe(201);
    await settle();
    for (const status of ['acknowledged', 'in_progress', 'shipped']) {
      const moved = await call(
        'POST',
        `/orders/${order.body.orderId}/status`,
        orderKeys.dealerAnkara,
        { status },
        { 'idempotency-key': `${tag}-${status}` },
      );
      expect(moved.status, moved.text).toBe(200);
    }
    await settle();
    expect((await readItem(keys.mailMarker(onceKey('order-notice', order.body.orderId, 'shipped'))))?.outcome).toEqual({
      status: 'skipped',
      reason: 'hard-bounce',
    });
    expect((await allMail()).filter((m) => m.destination.to.includes(bouncer.email))).toHaveLength(1);

    const report = await call<{ funnel: Record<string, number> }>('GET', `/campaigns/${campaignA}/report`, marketer());
    expect(report.status).toBe(200);
    expect(report.body.funnel).toMatchObject({
      recipients: CONSENTING + 2,
      sent: CONSENTING,
      skipped: 2,
      bounced: 1,
      unsubscribed: 1,
    });
    const reportB = await call<{ funnel: Record<string, number> }>('GET', `/campaigns/${campaignB}/report`, marketer());
    expect(reportB.body.funnel).toMatchObject({ sent: CONSENTING - 2, bounced: 0, unsubscribed: 0 });
  });
});
