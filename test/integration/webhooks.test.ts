// Outbound webhooks against DynamoDB Local and real HTTP receivers on this machine: each event queued
// once per subscription however often it comes, a receiver down for an hour of the sweep's clock
// getting every event afterwards in order of occurrence per record (each once, each verified with
// the Standard Webhooks library), slow, redirecting and huge-answering receivers not holding up a good
// one, a resend, and a subscription failing for three days disabled with one mail to its owner.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findDelivery, getSubscription, listDeliveries } from '../../functions/webhooks/store.js';
import {
  createSubscription,
  disableSubscription,
  enableSubscription,
  fanOut,
  sweepDeliveries,
} from '../../functions/webhooks/webhooks.js';
import { demoItems, loadReferenceData } from '../../infra/local/demo-data.js';
import { db, tableName } from '../../shared/db.js';
import type { Actor } from '../../shared/http.js';
import { newId } from '../../shared/ids.js';
import { startSesStandIn } from '../support/ses-stand-in.js';

interface Received {
  path: string;
  headers: Record<string, string>;
  body: string;
}

type Behaviour = 'ok' | 'fail' | 'slow' | 'redirect' | 'huge';

let receiver: Server;
let base: string;
const received: Received[] = [];
const behaviour: Record<string, Behaviour> = {};
let ses: Awaited<ReturnType<typeof startSesStandIn>>;
const held: IncomingMessage[] = [];
/** Slow requests open at the same time, at most: one unless lanes are delivered side by side. */
let open = 0;
let mostOpen = 0;

const read = (req: IncomingMessage) =>
  new Promise<string>((resolve) => {
    let body = '';
    req.on('data', (chunk) => {
      body += chunk;
    });
    req.on('end', () => resolve(body));
  });

beforeAll(async () => {
  Object.assign(process.env, { WEBHOOKS_ALLOW_LOOPBACK: 'true', WEBHOOKS_TIMEOUT_MS: '800' });
  await loadReferenceData(db(), tableName(), demoItems());
  ses = await startSesStandIn();
  receiver = createServer(async (req, res) => {
    const path = req.url ?? '';
    const body = await read(req);
    const lane = path.split('/')[1] ?? '';
    const mode = behaviour[lane] ?? 'ok';
    received.push({ path, headers: req.headers as Record<string, string>, body });
    if (mode === 'slow') {
      open++;
      mostOpen = Math.max(mostOpen, open);
      req.socket.on('close', () => open--);
      return held.push(req);
    }
    if (mode === 'fail') return res.writeHead(500).end('down');
    if (mode === 'redirect') return res.writeHead(302, { location: `${base}/redirected/` }).end();
    if (mode === 'huge') {
      res.writeHead(200, { 'content-type': 'text/plain' });
      return res.end('x'.repeat(5 * 1024 * 1024));
    }
    res.writeHead(204).end();
  });
  await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}`;
});

afterAll(async () => {
  for (const req of held) req.socket.destroy();
  receiver.closeAllConnections();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  await ses.close();
});

const admin: Actor = { keyId: 'k-admin', userId: 'admin-elif', role: 'admin', scopes: ['webhooks:admin'] };

const subscribe = async (lane: string, eventTypes: string[], mode: Behaviour = 'ok') => {
  behaviour[lane] = mode;
  const made = await createSubscription(admin, { url: `${base}/${lane}/in`, eventTypes: eventTypes as never });
  return made;
};

const routed = (orderId: string, customerId: string, occurredAt: Date) => ({
  'detail-type': 'OrderRouted' as const,
  detail: {
    eventId: newId(),
    occurredAt: occurredAt.toISOString(),
    version: 1 as const,
    orderId,
    customerId,
    unitId: 'dealer-ankara',
    ruleId: 'ankara-dealer',
    fallback: false,
    step: 1,
    rulesSeq: 1,
    skipped: 0,
  },
});

const at = (t0: Date, minutes: number) => new Date(t0.getTime() + minutes * 60_000);
const to = (lane: string) => received.filter((r) => r.path.startsWith(`/${lane}/`));

describe('webhook deliveries', () => {
  it('queues an event once however often it comes, and only for subscriptions of its type', async () => {
    const wanted = await subscribe(`once-${newId()}`, ['OrderRouted']);
    const other = await subscribe(`other-${newId()}`, ['CaseOpened']);
    const event = routed(newId(), newId(), new Date());
    const first = await fanOut(event);
    expect(first.queued).toBeGreaterThanOrEqual(1);
    await fanOut(event);
    const mine = await listDeliveries(wanted.subscriptionId, 10);
    expect(mine.deliveries.map((d) => [d.eventId, d.status, d.attempts])).toEqual([
      [event.detail.eventId, 'pending', 0],
    ]);
    expect((await listDeliveries(other.subscriptionId, 10)).deliveries).toEqual([]);
    await sweepDeliveries(new Date());
    for (const s of [wanted, other]) await disableSubscription(admin, (await getSubscription(s.subscriptionId))!);
  });

  it('delivers every event after an hour-long outage, in order of occurrence per record, each once', async () => {
    const lane = `outage-${newId()}`;
    const sub = await subscribe(lane, ['OrderRouted'], 'fail');
    const t0 = new Date();
    const [a, b] = [newId(), newId()];
    const events = [
      routed(a, 'cust-a', at(t0, 0)),
      routed(b, 'cust-b', at(t0, 0.1)),
      routed(a, 'cust-a', at(t0, 0.2)),
      routed(b, 'cust-b', at(t0, 0.3)),
    ];
    for (const event of events) await fanOut(event, t0);
    // Down for an hour: the sweep runs every three minutes of the clock; the lane tries when its backoff is up.
    for (let minute = 0; minute <= 60; minute += 3) {
      if (minute === 30) {
        const late = routed(a, 'cust-a', at(t0, 30));
        events.push(late);
        await fanOut(late, at(t0, 30));
      }
      await sweepDeliveries(at(t0, minute));
    }
    const failedTries = to(lane).length;
    // Only the oldest event was tried (later ones wait behind it), ever less often.
    expect(failedTries).toBeGreaterThanOrEqual(6);
    expect(failedTries).toBeLessThanOrEqual(8);
    expect(new Set(to(lane).map((r) => r.headers['webhook-id']))).toEqual(new Set([events[0]!.detail.eventId]));
    const during = (await listDeliveries(sub.subscriptionId, 10)).deliveries;
    const head = during.find((d) => d.eventId === events[0]!.detail.eventId)!;
    expect(head).toMatchObject({ status: 'failing', attempts: failedTries, responseCode: 500, error: 'status' });

    behaviour[lane] = 'ok';
    received.splice(0);
    // The lane's next try falls within the following hour (its longest wait so far, doubled).
    await sweepDeliveries(at(t0, 130));

    const verifier = new Webhook(sub.secret);
    const got = to(lane).map(
      (r) => verifier.verify(r.body, r.headers) as { data: { eventId: string; orderId: string } },
    );
    expect(got.map((g) => g.data.eventId)).toEqual(events.map((e) => e.detail.eventId));
    const perRecord = (orderId: string, list: { orderId: string; eventId: string }[]) =>
      list.filter((e) => e.orderId === orderId).map((e) => e.eventId);
    const sent = events.map((e) => e.detail);
    expect(
      perRecord(
        a,
        got.map((g) => g.data),
      ),
    ).toEqual(perRecord(a, sent));
    expect(
      perRecord(
        b,
        got.map((g) => g.data),
      ),
    ).toEqual(perRecord(b, sent));
    const after = (await listDeliveries(sub.subscriptionId, 10)).deliveries;
    expect(after.map((d) => d.status)).toEqual(Array(events.length).fill('delivered'));
    expect(after.every((d) => d.responseCode === 204 && d.deliveredAt)).toBe(true);
    expect(after.find((d) => d.eventId === events[0]!.detail.eventId)!.attempts).toBe(failedTries + 1);

    // A resend goes again with the same webhook-id, verified like the first.
    const again = (await findDelivery(sub.subscriptionId, events[1]!.detail.eventId))!;
    const { requeueDelivery } = await import('../../functions/webhooks/store.js');
    await requeueDelivery(again);
    received.splice(0);
    await sweepDeliveries(at(t0, 131));
    expect(to(lane).map((r) => r.headers['webhook-id'])).toEqual([events[1]!.detail.eventId]);
    expect(verifier.verify(to(lane)[0]!.body, to(lane)[0]!.headers)).toBeTruthy();
    await disableSubscription(admin, (await getSubscription(sub.subscriptionId))!);
  });

  it('keeps a slow, a redirecting and a huge-answering receiver from holding up a good one', async () => {
    const lanes = { slow: `slow-${newId()}`, redirect: `redirect-${newId()}`, huge: `huge-${newId()}` };
    const good = await subscribe(`good-${newId()}`, ['OrderRouted']);
    const slow = await subscribe(lanes.slow, ['OrderRouted'], 'slow');
    const slowToo = [
      await subscribe(`slow2-${newId()}`, ['OrderRouted'], 'slow'),
      await subscribe(`slow3-${newId()}`, ['OrderRouted'], 'slow'),
    ];
    const redirect = await subscribe(lanes.redirect, ['OrderRouted'], 'redirect');
    const huge = await subscribe(lanes.huge, ['OrderRouted'], 'huge');
    received.splice(0);
    await fanOut(routed(newId(), 'cust-c', new Date()));
    const started = Date.now();
    await sweepDeliveries(new Date());
    // The lanes run side by side: the three slow receivers were waited for at once, not in turn.
    expect(mostOpen).toBe(3);
    expect(Date.now() - started).toBeLessThan(4000);
    const statusOf = async (id: string) => (await listDeliveries(id, 1)).deliveries[0];
    expect(await statusOf(good.subscriptionId)).toMatchObject({ status: 'delivered', responseCode: 204 });
    expect(await statusOf(slow.subscriptionId)).toMatchObject({ status: 'failing', error: 'timeout' });
    expect(await statusOf(redirect.subscriptionId)).toMatchObject({
      status: 'failing',
      error: 'redirect',
      responseCode: 302,
    });
    expect(await statusOf(huge.subscriptionId)).toMatchObject({ status: 'delivered', responseCode: 200 });
    expect(received.filter((r) => r.path.startsWith('/redirected/'))).toEqual([]);
    for (const s of [good, slow, redirect, huge, ...slowToo]) {
      await disableSubscription(admin, (await getSubscription(s.subscriptionId))!);
    }
  });

  it('disables a subscription failing for three days and mails its owner once', async () => {
    const lane = `dead-${newId()}`;
    const sub = await subscribe(lane, ['OrderRouted'], 'fail');
    const t0 = new Date();
    await fanOut(routed(newId(), 'cust-d', t0), t0);
    ses.reset();
    await sweepDeliveries(t0);
    expect((await getSubscription(sub.subscriptionId))!.status).toBe('active');
    await sweepDeliveries(at(t0, 3 * 24 * 60 - 1));
    expect((await getSubscription(sub.subscriptionId))!.status).toBe('active');
    await sweepDeliveries(at(t0, 3 * 24 * 60));
    const disabled = (await getSubscription(sub.subscriptionId))!;
    expect(disabled).toMatchObject({ status: 'disabled', disabledReason: 'failing' });
    await sweepDeliveries(at(t0, 3 * 24 * 60 + 5));
    const mails = ses.raw.filter((m) => m.includes(sub.subscriptionId));
    expect(mails).toHaveLength(1);
    expect(mails[0]).toContain('elif.admin@example.com');
    expect(mails[0]).toContain(`/webhooks/${sub.subscriptionId}/enable`);
    // Enabled again (receiver fixed): the event that waited goes out.
    behaviour[lane] = 'ok';
    received.splice(0);
    await enableSubscription(admin, disabled, at(t0, 3 * 24 * 60 + 10));
    await sweepDeliveries(at(t0, 3 * 24 * 60 + 10));
    expect(to(lane)).toHaveLength(1);
    await disableSubscription(admin, (await getSubscription(sub.subscriptionId))!);
  });
});
