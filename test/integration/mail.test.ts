// Mail through shared/mail.ts against DynamoDB Local (markers, suppression, consent, quotas) and an
// SES stub that keeps the raw MIME it receives: the local SES endpoint drops custom headers, and
// neither it nor SES can be made to throttle or reject on demand, so those faults come from the stub.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { newId } from '../../shared/ids.js';
import {
  addressHash,
  composeMime,
  MailInProgressError,
  onceKey,
  sendMarketing,
  sendOnce,
  sendToUnverified,
  sendTransactional,
  UNVERIFIED_DAILY_LIMIT,
  unsubscribeLink,
} from '../../shared/mail.js';
import { suppress } from '../../shared/suppression.js';
import { startSesStandIn } from '../support/ses-stand-in.js';
import { ledger } from '../support/subscriptions.js';

let ses: Awaited<ReturnType<typeof startSesStandIn>>;
beforeAll(async () => {
  ses = await startSesStandIn();
});
afterAll(() => ses.close());
beforeEach(() => ses.reset());

const unique = (tag: string) => `${tag}-${newId().toLowerCase()}@example.com`;
const mail = (to: string) => ({ to, subject: 'Talebinizi aldık', text: 'Merhaba', html: '<p>Merhaba</p>' });

describe('sending', () => {
  it('retries SES throttling with backoff instead of losing the message (stub SES answers Throttling twice)', async () => {
    ses.failFirst = 2;
    ses.failWith = 'Throttling';
    expect(await sendTransactional(mail(unique('throttled')))).toEqual({ status: 'sent', messageId: 'msg-1' });
    expect(ses.calls).toBe(3);
  });

  it('builds a multipart message with both parts, Turkish subject encoded, and custom headers kept', async () => {
    const mime = (
      await composeMime({
        ...mail('ece@example.com'),
        headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
      })
    ).toString();
    expect(mime).toMatch(/Content-Type: multipart\/alternative/);
    expect(mime).toMatch(/Content-Type: text\/plain/);
    expect(mime).toMatch(/Content-Type: text\/html/);
    expect(mime).toMatch(/Subject: =\?UTF-8\?/);
    expect(mime).toMatch(/List-Unsubscribe-Post: List-Unsubscribe=One-Click/);
  });

  it('skips an address suppressed for a hard bounce or a complaint, in either letter case', async () => {
    const bounced = unique('bounced');
    const complained = unique('complained');
    await suppress(bounced, 'hard-bounce');
    await suppress(complained.toUpperCase(), 'complaint');
    expect(await sendTransactional(mail(bounced.toUpperCase()))).toEqual({ status: 'skipped', reason: 'hard-bounce' });
    expect(await sendTransactional(mail(complained))).toEqual({ status: 'skipped', reason: 'complaint' });
    expect(ses.calls).toBe(0);
    expect((await sendTransactional(mail(unique('fine')))).status).toBe('sent');
  });
});

describe('marketing mail', () => {
  const scope = (customerId: string) => ({ customerId, channel: 'email' as const, topic: 'offers' });

  it('needs consent recorded for that exact address: another address of the same customer does not count', async () => {
    const customerId = newId();
    const proven = unique('proven');
    const other = unique('other');
    await ledger(customerId, proven, 'granted');
    expect(await sendMarketing(mail(other), scope(customerId))).toEqual({ status: 'skipped', reason: 'no-consent' });
    expect(await sendMarketing(mail(proven), scope(newId()))).toEqual({ status: 'skipped', reason: 'no-consent' });
    expect(ses.calls).toBe(0);
    expect((await sendMarketing(mail(proven), scope(customerId))).status).toBe('sent');
  });

  it('honours the newest decision and the topic', async () => {
    const customerId = newId();
    const address = unique('withdrawn');
    const t = Date.now();
    await ledger(customerId, address, 'granted', 'all', new Date(t - 2000));
    await ledger(customerId, address, 'withdrawn', 'all', new Date(t - 1000));
    expect(await sendMarketing(mail(address), scope(customerId))).toEqual({ status: 'skipped', reason: 'no-consent' });
    const topical = unique('topic');
    await ledger(customerId, topical, 'granted', 'news');
    expect(await sendMarketing(mail(topical), scope(customerId))).toEqual({ status: 'skipped', reason: 'no-consent' });
    expect(await sendMarketing(mail(topical), { ...scope(customerId), topic: 'news' })).toMatchObject({
      status: 'sent',
    });
  });

  it('does not mail a suppressed address even with consent', async () => {
    const customerId = newId();
    const address = unique('suppressed-marketing');
    await ledger(customerId, address, 'granted');
    await suppress(address, 'complaint');
    expect(await sendMarketing(mail(address), scope(customerId))).toEqual({ status: 'skipped', reason: 'complaint' });
    expect(ses.calls).toBe(0);
  });

  it('carries RFC 8058 one-click unsubscribe headers with a signed https link, in the MIME sent', async () => {
    const customerId = newId();
    const address = unique('unsub');
    await ledger(customerId, address, 'granted');
    await sendMarketing(mail(address), scope(customerId));
    const [mime] = ses.raw;
    expect(mime).toMatch(/^List-Unsubscribe-Post: List-Unsubscribe=One-Click\r?$/m);
    // Header lines may be folded: unfold before reading the URL.
    const header = mime!.replace(/\r?\n[ \t]+/g, ' ').match(/^List-Unsubscribe: <([^>]+)>/m);
    expect(header).toBeTruthy();
    const url = new URL(header![1]!);
    expect(url.protocol).toBe('https:');
    expect(url.pathname).toBe('/unsubscribe');
    const read = await unsubscribeLink.read(url.searchParams.get('token')!);
    expect(read).toMatchObject({
      ok: true,
      claims: { customerId, channel: 'email', topic: 'offers', addressHash: addressHash(address) },
    });
    // The link names the address only by a hash: no address in URLs, so none in access logs.
    expect(url.toString()).not.toContain(encodeURIComponent(address));
    expect(Buffer.from(url.searchParams.get('token')!.split('.')[0]!, 'base64url').toString()).not.toContain(address);
  });
});

describe('sendOnce', () => {
  it('10 parallel senders of one mail: one SES call; the rest see it in progress or done', async () => {
    const key = onceKey('test', newId());
    const to = unique('once');
    const results = await Promise.allSettled(
      Array.from({ length: 10 }, () => sendOnce(key, () => sendTransactional(mail(to)))),
    );
    expect(ses.calls).toBe(1);
    const firsts = results.filter((r) => r.status === 'fulfilled' && r.value.first);
    expect(firsts).toHaveLength(1);
    for (const r of results) {
      if (r.status === 'rejected') expect(r.reason).toBeInstanceOf(MailInProgressError);
      else if (!r.value.first) expect(r.value).toMatchObject({ status: 'sent', messageId: 'msg-1' });
    }
    // Afterwards: the recorded outcome, and still one call.
    expect(await sendOnce(key, () => sendTransactional(mail(to)))).toEqual({
      status: 'sent',
      messageId: 'msg-1',
      first: false,
    });
    expect(ses.calls).toBe(1);
  });

  it('a claim whose holder died while SES had its message is taken over after its lease, not before', async () => {
    const key = onceKey('test', newId());
    const t0 = new Date();
    // The first sender hands SES the message and never hears back (a Lambda that timed out mid-send).
    ses.hold = true;
    const holder = sendOnce(key, () => sendTransactional(mail(unique('lease'))), t0).catch((error: unknown) => error);
    await expect.poll(() => ses.held.length).toBe(1);
    ses.hold = false;
    await expect(
      sendOnce(key, () => sendTransactional(mail(unique('lease'))), new Date(t0.getTime() + 60_000)),
    ).rejects.toBeInstanceOf(MailInProgressError);
    expect(ses.calls).toBe(1);
    expect(ses.raw).toHaveLength(0);
    const later = await sendOnce(
      key,
      () => sendTransactional(mail(unique('lease'))),
      new Date(t0.getTime() + 6 * 60_000),
    );
    expect(later).toMatchObject({ status: 'sent', first: true });
    expect(ses.raw).toHaveLength(1);
    // The held call ends; its sender finds its claim taken over and records nothing over the outcome.
    ses.reset();
    expect(await holder).toBeInstanceOf(MailInProgressError);
    expect(await sendOnce(key, () => sendTransactional(mail(unique('lease'))))).toMatchObject({
      status: 'sent',
      first: false,
    });
  });

  it('releases the claim when SES fails for now, and keeps a rejection for good (stub SES faults)', async () => {
    const key = onceKey('test', newId());
    ses.failFirst = 6; // every attempt of the SDK's adaptive retry
    ses.failWith = 'ServiceUnavailable';
    await expect(sendOnce(key, () => sendTransactional(mail(unique('transient'))))).rejects.toThrow();
    ses.failFirst = 0;
    ses.calls = 0;
    expect(await sendOnce(key, () => sendTransactional(mail(unique('transient'))))).toMatchObject({
      status: 'sent',
      first: true,
    });

    const rejectedKey = onceKey('test', newId());
    ses.calls = 0;
    ses.failFirst = 1;
    ses.failWith = 'MessageRejected';
    expect(await sendOnce(rejectedKey, () => sendTransactional(mail(unique('rejected'))))).toEqual({
      status: 'skipped',
      reason: 'rejected',
      first: true,
    });
    expect(await sendOnce(rejectedKey, () => sendTransactional(mail(unique('rejected'))))).toMatchObject({
      status: 'skipped',
      first: false,
    });
    expect(ses.calls).toBe(1);
  });
});

describe('mail to unverified addresses', () => {
  it(`sends at most ${UNVERIFIED_DAILY_LIMIT} of a kind per address and Istanbul day`, async () => {
    const to = unique('flooded');
    const now = new Date('2026-11-29T12:00:00Z');
    const outcomes = await Promise.all(
      Array.from({ length: 6 }, () => sendToUnverified('auto-response', mail(to), now)),
    );
    expect(outcomes.filter((o) => o.status === 'sent')).toHaveLength(UNVERIFIED_DAILY_LIMIT);
    expect(outcomes.filter((o) => o.status === 'skipped' && o.reason === 'daily-limit')).toHaveLength(
      6 - UNVERIFIED_DAILY_LIMIT,
    );
    // Another kind, another address, or the next day has its own count.
    expect((await sendToUnverified('consent-confirmation', mail(to), now)).status).toBe('sent');
    expect((await sendToUnverified('auto-response', mail(unique('other')), now)).status).toBe('sent');
    expect(
      (await sendToUnverified('auto-response', mail(to.toUpperCase()), new Date('2026-11-30T12:00:00Z'))).status,
    ).toBe('sent');
    expect((await sendToUnverified('auto-response', mail(to.toUpperCase()), now)).status).toBe('skipped');
  });
});
