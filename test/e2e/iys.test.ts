import { beforeAll, describe, expect, inject, it } from 'vitest';
import { createApiKey } from '../../shared/api-keys.js';
import { captureLead, getLead, localControlHeaders, settle, uniquePerson } from '../support/e2e.js';
import { call } from '../support/quotes.js';
import { untouchedSince } from '../support/subscriptions-e2e.js';

const staff = () => inject('smsKeys').staff;
let officer = '';

const fire = async (schedule: string) => {
  const fired = await fetch(`${inject('api')}/_local/schedules/${schedule}/fire`, {
    method: 'POST',
    headers: localControlHeaders,
  });
  expect(fired.status, await fired.text()).toBe(200);
  await settle();
};

const sentToIys = async (recipient: string) =>
  ((await (await fetch(`${inject('iys')}/store`)).json()) as { sent: Record<string, string>[] }).sent.filter(
    (record) => record.recipient === recipient,
  );

/** Someone who left the web form with consent to texts, and their customer id. */
const textConsenter = async (tag: string) => {
  const person = uniquePerson(tag);
  const { leadId } = await captureLead({
    name: person.name,
    email: person.email,
    phone: person.localPhone,
    consent_sms: true,
    consentTextVersion: 'kvkk-2026-01',
  });
  await settle();
  return { person, customerId: (await getLead(leadId)).customerId };
};

/** A text campaign to a segment of this one customer (tagged for it), due a minute from now and started. */
const textCampaignTo = async (customerId: string) => {
  const tag = `iys${Math.random().toString(36).slice(2, 8)}`;
  const record = await call<{ customer: { seq?: number } }>('GET', `/customers/${customerId}`, staff());
  const tagged = await call('PATCH', `/customers/${customerId}`, staff(), {
    seq: record.body.customer.seq ?? 0,
    tags: [tag],
  });
  expect(tagged.status, tagged.text).toBe(200);
  const created = async <T>(path: string, body: unknown) => {
    const reply = await call<T>('POST', path, staff(), body);
    expect(reply.status, reply.text).toBe(201);
    return reply.body;
  };
  const segment = await created<{ segmentId: string }>('/segments', {
    name: `Etiket ${tag}`,
    filter: { tags: [tag] },
    consent: { channel: 'email', topic: 'offers' },
  });
  const { templateId } = await created<{ templateId: string }>('/templates', {
    name: `SMS ${tag}`,
    parts: {
      tr: { subject: 'Fırsat', html: '<p>x</p>', text: 'Sayın {{name}}, indirim sizi bekliyor.' },
      en: { subject: 'Offer', html: '<p>x</p>', text: 'Dear {{name}}, an offer is waiting for you.' },
    },
  });
  const at = new Date(Date.now() + 60_000);
  const draft = await created<{ campaignId: string }>('/campaigns', {
    name: `İYS ${tag}`,
    segmentId: segment.segmentId,
    templateId,
    topic: 'offers',
    channel: 'sms',
    schedule: { at: at.toISOString() },
  });
  expect((await call('POST', `/campaigns/${draft.campaignId}/schedule`, staff())).status).toBe(200);
  await sweepCampaigns(new Date(at.getTime() + 1000));
  return draft.campaignId;
};

/** The campaigns' minute sweep as of `at` (a later instant takes over a chain left waiting). */
const sweepCampaigns = async (at: Date) => {
  const swept = await fetch(
    `${inject('api')}/_local/schedules/campaigns.sweep-campaigns/fire?at=${encodeURIComponent(at.toISOString())}`,
    { method: 'POST', headers: localControlHeaders },
  );
  expect(swept.status).toBe(200);
  await settle();
};

const progressOf = async (campaignId: string) =>
  (await call<{ run: Record<string, unknown> }>('GET', `/campaigns/${campaignId}/progress`, staff())).body.run;

const textsTo = async (phone: string) =>
  ((await (await fetch(`${inject('sms')}/store`)).json()) as { messages: { to: string }[] }).messages.filter(
    (t) => t.to === phone,
  );

beforeAll(async () => {
  officer = (
    await createApiKey({
      label: 'iys officer',
      userId: 'dpo-iys-e2e',
      role: 'admin',
      scopes: ['privacy:read', 'privacy:erase'],
    })
  ).key;
});

describe('İYS and retention', () => {
  it('a web consent reaches İYS once; a refusal at İYS is pulled and the next campaign skips the person', async () => {
    const { person, customerId } = await textConsenter('iys');

    await fire('iys.push-iys-consents');
    await fire('iys.push-iys-consents');
    const sent = await sentToIys(person.phone);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ type: 'MESAJ', status: 'ONAY', source: 'HS_WEB', recipientType: 'BIREYSEL' });
    const pushes = await call<{ items: { state: string; attempts: number }[] }>(
      'GET',
      `/iys/pushes?customerId=${customerId}`,
      officer,
    );
    expect(pushes.status, pushes.text).toBe(200);
    expect(pushes.body.items).toEqual([expect.objectContaining({ state: 'sent', attempts: 1 })]);

    // The person calls İYS and refuses texts from the firm.
    const refused = await fetch(`${inject('iys')}/_iys/changes`, {
      method: 'POST',
      body: JSON.stringify({ recipient: person.phone, type: 'MESAJ', status: 'RET' }),
    });
    expect(refused.status).toBe(201);
    await fire('iys.pull-iys-changes');
    const status = await call<{ changes: Record<string, unknown>[]; allWithinDeadline: boolean }>(
      'GET',
      '/iys/status',
      officer,
    );
    expect(status.status, status.text).toBe(200);
    expect(status.body.changes[0]).toMatchObject({
      iysType: 'MESAJ',
      status: 'RET',
      outcome: 'withdrawn',
      customerIds: [customerId],
      withinDeadline: true,
    });
    // The withdrawal came from İYS: nothing goes back to it.
    await fire('iys.push-iys-consents');
    expect(await sentToIys(person.phone)).toHaveLength(1);
    // A key without the privacy scope does not see the sync.
    expect((await call('GET', '/iys/status', staff())).status).toBe(403);

    // The next text campaign to a segment holding the person passes them by.
    const campaignId = await textCampaignTo(customerId);
    expect(await progressOf(campaignId)).toMatchObject({ sent: 0, skippedBy: { 'no-consent': 1 } });
    expect(await textsTo(person.phone)).toEqual([]);
  });

  it('a text campaign waits while İYS cannot be reached, shown as waiting, and goes once it can', async () => {
    const { person, customerId } = await textConsenter('iys-wait');
    await fire('iys.push-iys-consents');
    expect(await sentToIys(person.phone)).toHaveLength(1);

    const iysSwitch = (to: 'down' | 'up') => fetch(`${inject('iys')}/_iys/${to}`, { method: 'POST' });
    await iysSwitch('down');
    try {
      // The pull finds İYS unreachable: recorded, and commercial sends wait.
      await fire('iys.pull-iys-changes');
      const campaignId = await textCampaignTo(customerId);
      const waiting = await progressOf(campaignId);
      expect(waiting).toMatchObject({ status: 'sending', sent: 0, remaining: 1, waitingFor: 'iys' });
      expect(await textsTo(person.phone)).toEqual([]);
      // Still down when the sweep offers the run again: still nothing.
      await sweepCampaigns(new Date(Date.now() + 3 * 60_000));
      expect(await progressOf(campaignId)).toMatchObject({ sent: 0, remaining: 1, waitingFor: 'iys' });

      await iysSwitch('up');
      // The next push run reaches İYS (a probe when nothing is due), and the sweep hands the run on.
      await fire('iys.push-iys-consents');
      await sweepCampaigns(new Date(Date.now() + 6 * 60_000));
      await expect.poll(async () => (await progressOf(campaignId)).sent).toBe(1);
      expect(await progressOf(campaignId)).not.toHaveProperty('waitingFor');
      await sweepCampaigns(new Date(Date.now() + 9 * 60_000));
      expect(await textsTo(person.phone)).toHaveLength(1);
    } finally {
      await iysSwitch('up');
      await fire('iys.pull-iys-changes');
    }
  });

  it('a retention dry run lists a lead left untouched past the age; its erasure erases it once', async () => {
    const person = uniquePerson('retention');
    const { leadId } = await captureLead({ name: person.name, email: person.email, language: 'tr' });
    await settle();
    const { customerId } = await getLead(leadId);
    // The lead was last touched a century ago: every time on its partition moved back.
    await untouchedSince(customerId, '1925-01-01T09:00:00.000Z');
    // The longest age the rules take: nothing else on the stack is that old.
    const rules = await call<{ seq: number }>('GET', '/privacy/retention-rules', officer);
    const saved = await call('PUT', '/privacy/retention-rules', officer, {
      leadInactiveDays: 36_500,
      customerInactiveDays: 36_500,
      seq: rules.body.seq,
    });
    expect(saved.status, saved.text).toBe(200);
    const bad = await call<{ errors: { path: string }[] }>('PUT', '/privacy/retention-rules', officer, {
      leadInactiveDays: 5,
      customerInactiveDays: 36_500,
      seq: rules.body.seq + 1,
    });
    expect(bad.status).toBe(400);
    expect(bad.body.errors.map((e) => e.path)).toEqual(['leadInactiveDays']);

    const dry = await call<{ runId: string; state: string; candidates: { customerId: string; kind: string }[] }>(
      'POST',
      '/privacy/retention-runs',
      officer,
    );
    expect(dry.status, dry.text).toBe(201);
    expect(dry.body.state).toBe('listed');
    expect(dry.body.candidates).toEqual([expect.objectContaining({ customerId, kind: 'lead' })]);
    // A dry run erases nothing.
    expect((await call('GET', `/customers/${customerId}`, staff())).status).toBe(200);

    const erased = await call<{ state: string; outcomes: { customerId: string; outcome: string }[] }>(
      'POST',
      `/privacy/retention-runs/${dry.body.runId}/erase`,
      officer,
    );
    expect(erased.status, erased.text).toBe(200);
    expect(erased.body).toMatchObject({ state: 'erased', outcomes: [{ customerId, outcome: 'erased' }] });
    expect((await call('GET', `/customers/${customerId}`, staff())).status).toBe(404);
    const again = await call<{ code: string }>('POST', `/privacy/retention-runs/${dry.body.runId}/erase`, officer);
    expect(again.status).toBe(409);
    expect(again.body.code).toBe('retention-run-not-listed');
    const requests = await call<{ items: { kind: string; customerId: string; route: string }[] }>(
      'GET',
      '/privacy/requests',
      officer,
    );
    expect(requests.body.items).toContainEqual(
      expect.objectContaining({ kind: 'erasure', customerId, route: 'POST /privacy/retention-runs/{runId}/erase' }),
    );
  });
});
