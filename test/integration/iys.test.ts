// The İYS sync against DynamoDB Local and the İYS stand-in over real HTTP: a consent given on the web
// form is queued once however often its event comes, waits while İYS is down (attempts counted, the
// error kept, commercial messages held back by the gate meanwhile), then reaches İYS once with source
// HS_WEB; a refusal made at İYS is pulled, withdraws the consent in the ledger (the e-mail consent
// stays), is recorded with its lag, and is not applied twice; an e-mail refusal made there stops the
// next marketing mail to that address; İYS down for a whole day costs hourly tries and nothing else.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pullChanges, pushDue, pushesOf, queuePushes, syncFigures, syncStatus } from '../../functions/iys/sync.js';
import { captureLead } from '../../functions/lead-capture/capture.js';
import { leadSubmissionSchema } from '../../functions/lead-capture/domain/lead-submission.js';
import { getLead } from '../../functions/lead-capture/lead-store.js';
import { LOCAL_IYS, startIysStandIn } from '../../infra/local/iys.js';
import { hasConsent } from '../../shared/consent.js';
import { marketingGate } from '../../shared/gate.js';
import { newId } from '../../shared/ids.js';
import { waitingForIys } from '../../shared/iys-health.js';
import { istanbulDate } from '../../shared/time.js';
import { ledger } from '../support/subscriptions.js';

let standIn: Awaited<ReturnType<typeof startIysStandIn>>;
const tag = Math.random().toString(36).slice(2, 10);
const phone = `+90533${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
let customerId = '';

const post = (path: string, body: unknown = {}) =>
  fetch(`${standIn.url}${path}`, { method: 'POST', body: JSON.stringify(body) });

beforeAll(async () => {
  standIn = await startIysStandIn({ port: 0 });
  Object.assign(process.env, {
    IYS_URL: standIn.url,
    IYS_CODE: LOCAL_IYS.iysCode,
    IYS_BRAND_CODE: LOCAL_IYS.brandCode,
    IYS_USERNAME: LOCAL_IYS.username,
    IYS_PASSWORD: LOCAL_IYS.password,
  });
  const { website, redirect, idempotencyKey, ...submission } = leadSubmissionSchema.parse({
    name: `Deniz İzinli${tag}`,
    email: `deniz.${tag}@example.com`,
    phone: `0${phone.slice(3)}`,
    consent_email: 'on',
    consent_sms: 'on',
    consentTextVersion: 'v3',
    language: 'tr',
  });
  const { leadId } = await captureLead({ submission, ip: '192.0.2.80', idempotencyKey: newId() });
  customerId = (await getLead(leadId))!.customerId;
});

afterAll(async () => {
  await standIn.close();
});

describe('İYS push', () => {
  it('queues a consent once, retries while İYS is down, then sends it once', async () => {
    const t0 = new Date();
    expect(await queuePushes(customerId, 'sms', t0)).toEqual({ queued: 1 });
    // The same event again (a redelivery): nothing new.
    expect(await queuePushes(customerId, 'sms', t0)).toEqual({ queued: 0 });

    await post('/_iys/down');
    expect(await pushDue(t0)).toMatchObject({ due: 1, retry: 1, sent: 0, reachable: 0 });
    // Recorded: a commercial text that would go waits (a refusal does not), a transactional one never asks.
    // Asked at noon in Istanbul: at night a commercial text waits for the morning before İYS is asked.
    const noon = new Date(`${istanbulDate(t0)}T12:00:00+03:00`);
    const gate = { customerId, channel: 'sms', address: phone, topic: 'offers' } as const;
    expect(await marketingGate(gate, noon)).toBe('iys-unreachable');
    expect(await marketingGate({ ...gate, customerId: newId() }, noon)).toBe('no-consent');
    const [waiting] = await pushesOf(customerId);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1, lastError: 'İYS answered 503' });
    // Not due again before its retry time: nothing is sent, nothing counted.
    expect(await pushDue(new Date(t0.getTime() + 30_000))).toMatchObject({ due: 0 });
    expect((await syncStatus(t0)).pushes.pending).toBe(1);
    // The figures a run publishes: an hour and a half later, one push waiting that long, none refused.
    const waitingFigures = await syncFigures(new Date(t0.getTime() + 90 * 60_000), 0);
    expect(waitingFigures).toMatchObject({ IysPushesWaiting: 1, IysPushesRefused: 0 });
    expect(waitingFigures.IysSyncLagMinutes).toBeGreaterThanOrEqual(90);
    expect(waitingFigures.IysSyncLagMinutes).toBeLessThan(92);

    await post('/_iys/up');
    const later = new Date(t0.getTime() + 61_000);
    expect(await pushDue(later)).toMatchObject({ due: 1, sent: 1, reachable: 1 });
    expect(await waitingForIys()).toBe(false);
    expect(await syncFigures(later, 2)).toEqual({ IysSyncLagMinutes: 0, IysPushesWaiting: 0, IysPushesRefused: 2 });
    expect(await pushDue(new Date(later.getTime() + 3_600_000))).toMatchObject({ due: 0 });
    const mine = standIn.sent.filter((record) => record.recipient === phone);
    expect(mine).toHaveLength(1);
    expect(mine[0]).toMatchObject({ type: 'MESAJ', status: 'ONAY', source: 'HS_WEB', recipientType: 'BIREYSEL' });
    expect(mine[0]!.consentDate).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const [sent] = await pushesOf(customerId);
    expect(sent).toMatchObject({ state: 'sent', attempts: 2, transactionId: expect.any(String) });
    expect(sent!.lastError).toBeUndefined();
    expect((await syncStatus(later)).pushes.pending).toBe(0);
  });
});

describe('İYS pull', () => {
  it('applies a refusal made at İYS to the ledger once, with its lag', async () => {
    expect(await hasConsent(customerId, 'sms', phone, 'all')).toBe(true);
    await post('/_iys/changes', { recipient: phone, type: 'MESAJ', status: 'RET' });
    const now = new Date();
    expect(await pullChanges(now)).toMatchObject({ pulled: 1, withdrawn: 1 });
    expect(await hasConsent(customerId, 'sms', phone, 'all')).toBe(false);
    expect(await pullChanges(now)).toMatchObject({ pulled: 0, withdrawn: 0 });
    const status = await syncStatus(now);
    expect(status.changes[0]).toMatchObject({
      iysType: 'MESAJ',
      status: 'RET',
      outcome: 'withdrawn',
      customerIds: [customerId],
      withinDeadline: true,
    });
    expect(status.changes[0]!.lagMinutes).toBeLessThan(5);
    // The withdrawal came from İYS: it is not pushed back.
    expect(await queuePushes(customerId, 'sms', now)).toEqual({ queued: 0 });
  });

  it('a refusal of e-mail made at İYS stops the next marketing mail to the address', async () => {
    const email = `deniz.${tag}@example.com`;
    // The double opt-in confirmed: the address holds consent to every topic.
    await ledger(customerId, email, 'granted');
    const gate = { customerId, channel: 'email', address: email, topic: 'offers' } as const;
    const now = new Date();
    expect(await marketingGate(gate, now)).toBeUndefined();
    await post('/_iys/changes', { recipient: email, type: 'EPOSTA', status: 'RET' });
    expect(await pullChanges(now)).toMatchObject({ pulled: 1, withdrawn: 1 });
    expect(await hasConsent(customerId, 'email', email, 'offers')).toBe(false);
    expect(await marketingGate(gate, now)).toBe('no-consent');
  });

  it('survives İYS down for a whole day: tried at most hourly meanwhile, then caught up once', async () => {
    const day = new Date();
    const number = `+90534${String(Math.floor(Math.random() * 1e7)).padStart(7, '0')}`;
    const { website, redirect, idempotencyKey, ...submission } = leadSubmissionSchema.parse({
      name: `Ece Bekleyen${tag}`,
      phone: `0${number.slice(3)}`,
      consent_sms: 'on',
      consentTextVersion: 'v3',
      language: 'tr',
    });
    const { leadId } = await captureLead({ submission, ip: '192.0.2.81', idempotencyKey: newId() });
    const waiter = (await getLead(leadId))!.customerId;
    expect(await queuePushes(waiter, 'sms', day)).toEqual({ queued: 1 });

    await post('/_iys/down');
    for (let minute = 0; minute < 24 * 60; minute += 15) await pushDue(new Date(day.getTime() + minute * 60_000));
    // Tried at minutes 0, 15, 30, 45, 60, 90 and 135 (1, 2, 4 … minutes apart, as the sweep meets them), then
    // hourly from 195 to 1395: 7 + 21 = 28 tries, none of them sent.
    const [held] = await pushesOf(waiter);
    expect(held).toMatchObject({ state: 'pending', attempts: 28 });
    expect(standIn.sent.filter((record) => record.recipient === number)).toEqual([]);

    await post('/_iys/up');
    const back = new Date(day.getTime() + 24 * 60 * 60_000);
    await pushDue(back);
    await pushDue(new Date(back.getTime() + 15 * 60_000));
    const [sent] = await pushesOf(waiter);
    expect(sent).toMatchObject({ state: 'sent', attempts: 29 });
    expect(standIn.sent.filter((record) => record.recipient === number)).toHaveLength(1);
  });
});
