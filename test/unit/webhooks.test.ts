// Outbound webhooks without AWS: which addresses the SSRF guard lets through (IPv4, IPv6 and the IPv4
// an IPv6 address carries), what a subscription URL must be, the Standard Webhooks signature as a
// receiver checks it (a tampered body, an old timestamp, both secrets of a rotation), the retry
// schedule, and the subscription body's refusals with their field paths.
import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { classifyAddress, urlRefusal } from '../../functions/webhooks/domain/address-guard.js';
import { giveUpAfterMs, nextTry, retrySchedule, retryWaitSeconds } from '../../functions/webhooks/domain/backoff.js';
import {
  liveSecrets,
  newSecret,
  rotate,
  signatureHeaders,
  webhookBody,
} from '../../functions/webhooks/domain/signing.js';
import { subscriptionSchema } from '../../functions/webhooks/domain/subscription-input.js';
import { resolvedRefusal } from '../../functions/webhooks/sender.js';
import type { Subscription } from '../../functions/webhooks/store.js';
import { subscriptionView } from '../../functions/webhooks/webhooks.js';
import { setClock } from '../../shared/clock.js';
import { validate } from '../../shared/http.js';
import type { ProblemError } from '../../shared/problems.js';

describe('the address guard', () => {
  it.each([
    ['8.8.8.8', 'public'],
    ['1.1.1.1', 'public'],
    ['9.255.255.255', 'public'],
    ['11.0.0.0', 'public'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['172.32.0.1', 'public'],
    ['192.168.1.10', 'private'],
    ['100.64.0.1', 'private'],
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['169.254.169.254', 'metadata'],
    ['169.254.10.1', 'link-local'],
    ['0.0.0.0', 'unspecified'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['2606:4700:4700::1111', 'public'],
    ['::1', 'loopback'],
    ['::', 'unspecified'],
    ['fe80::1', 'link-local'],
    ['fc00::1', 'private'],
    ['fd12:3456::1', 'private'],
    ['fd00:ec2::254', 'metadata'],
    ['ff02::1', 'multicast'],
    ['2001:db8::1', 'reserved'],
    ['::ffff:127.0.0.1', 'loopback'],
    ['::ffff:7f00:1', 'loopback'],
    ['::ffff:10.1.2.3', 'private'],
    ['::ffff:169.254.169.254', 'metadata'],
    ['::ffff:8.8.8.8', 'public'],
    ['64:ff9b::a9fe:a9fe', 'metadata'],
    ['2002:c0a8:0101::1', 'private'],
    ['::127.0.0.1', 'loopback'],
    ['FE80::1%eth0', 'link-local'],
    ['not-an-address', 'reserved'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  const aws = { allowLoopback: false };
  const local = { allowLoopback: true };
  it('takes an https URL with a name or a public address, and refuses the rest', () => {
    expect(urlRefusal('https://hooks.example.com/crm', aws)).toBeUndefined();
    expect(urlRefusal('https://8.8.8.8:8443/in', aws)).toBeUndefined();
    expect(urlRefusal('http://hooks.example.com/crm', aws)).toBe('not-https');
    expect(urlRefusal('ftp://hooks.example.com/', aws)).toBe('not-https');
    expect(urlRefusal('https://user:pw@hooks.example.com/', aws)).toBe('credentials');
    expect(urlRefusal('https://hooks.example.com:22/', aws)).toBe('port');
    expect(urlRefusal('https://169.254.169.254/latest/meta-data/', aws)).toBe('address');
    expect(urlRefusal('https://[::ffff:127.0.0.1]/', aws)).toBe('address');
    expect(urlRefusal('https://[fd00:ec2::254]/', aws)).toBe('address');
    expect(urlRefusal('https://10.0.0.5/', aws)).toBe('address');
    expect(urlRefusal('https://localhost/', aws)).toBe('address');
    expect(urlRefusal('not a url', aws)).toBe('not-a-url');
  });

  it('lets loopback (and plain http to it) through only on the local flag', () => {
    expect(urlRefusal('http://127.0.0.1:4000/hook', aws)).toBe('not-https');
    expect(urlRefusal('http://127.0.0.1:4000/hook', local)).toBeUndefined();
    expect(urlRefusal('http://localhost:4000/hook', local)).toBeUndefined();
    expect(urlRefusal('http://[::1]:4000/hook', local)).toBeUndefined();
    // The flag opens loopback only: private and metadata addresses stay refused.
    expect(urlRefusal('http://10.0.0.5:4000/hook', local)).toBe('not-https');
    expect(urlRefusal('https://169.254.169.254/', local)).toBe('address');
  });
});

describe('signing', () => {
  const body = webhookBody('OrderRouted', '2026-12-01T09:00:00.000Z', { orderId: 'o1', customerId: 'c1' });
  const now = new Date();

  it('verifies with the library, and refuses a tampered body, an old timestamp and another secret', () => {
    const secret = newSecret();
    const headers = signatureHeaders('evt_1', body, [{ secret, createdAt: now.toISOString() }], now);
    expect(new Webhook(secret).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => new Webhook(secret).verify(body.replace('o1', 'o2'), headers)).toThrow(/signature/i);
    const old = new Date(now.getTime() - 10 * 60 * 1000);
    const stale = signatureHeaders('evt_1', body, [{ secret, createdAt: old.toISOString() }], old);
    expect(() => new Webhook(secret).verify(body, stale)).toThrow(/timestamp/i);
    expect(() => new Webhook(newSecret()).verify(body, headers)).toThrow(/signature/i);
  });

  it('signs with both secrets during a rotation’s overlap and with the new one after it', () => {
    const before = [{ secret: newSecret(), createdAt: '2026-12-01T00:00:00.000Z' }];
    const rotated = rotate(before, now, 24);
    expect(rotated).toHaveLength(2);
    const during = signatureHeaders('evt_2', body, rotated, now);
    expect(during['webhook-signature']!.split(' ')).toHaveLength(2);
    for (const s of rotated) expect(new Webhook(s.secret).verify(body, during)).toBeTruthy();
    const after = new Date(now.getTime() + 24 * 3600 * 1000 + 1);
    expect(liveSecrets(rotated, after).map((s) => s.secret)).toEqual([rotated[0]!.secret]);
    const later = signatureHeaders('evt_2', body, rotated, after);
    expect(later['webhook-signature']!.split(' ')).toHaveLength(1);
  });

  it('counts the live secrets a subscription shows by the one clock, not the machine’s', () => {
    const rotated = rotate([{ secret: newSecret(), createdAt: '2026-12-01T00:00:00.000Z' }], now, 24);
    const subscription = { secrets: rotated } as unknown as Subscription;
    try {
      // the set clock keeps running, so a second either side of the expiry
      setClock(new Date(now.getTime() + 24 * 3600 * 1000 - 1000));
      expect(subscriptionView(subscription).secretsLive).toBe(2);
      setClock(new Date(now.getTime() + 24 * 3600 * 1000 + 1000));
      expect(subscriptionView(subscription).secretsLive).toBe(1);
    } finally {
      setClock(undefined);
    }
  });
});

describe('the retry schedule', () => {
  it('waits 30 s, then twice as long each time, at most six hours', () => {
    expect([1, 2, 3, 4, 10, 11, 12, 30].map(retryWaitSeconds)).toEqual([
      30, 60, 120, 240, 15_360, 21_600, 21_600, 21_600,
    ]);
  });

  it('tries for three days from the first failure, then gives up', () => {
    const start = new Date('2026-12-01T00:00:00Z');
    const tries = retrySchedule(start);
    const last = tries.at(-1)!;
    expect(last.getTime() - start.getTime()).toBe(giveUpAfterMs);
    const waits = tries.slice(1).map((t, i) => (t.getTime() - tries[i]!.getTime()) / 1000);
    expect(waits.slice(0, 4)).toEqual([30, 60, 120, 240]);
    expect(Math.max(...waits)).toBe(21_600);
    expect(tries.length).toBe(22);
    const atThreeDays = new Date(start.getTime() + giveUpAfterMs);
    expect(nextTry(start.toISOString(), 20, new Date(atThreeDays.getTime() - 1))).toBeInstanceOf(Date);
    expect(nextTry(start.toISOString(), 20, atThreeDays)).toBe('give-up');
  });
});

describe('the subscription body', () => {
  const refused = (body: unknown) => {
    try {
      validate(subscriptionSchema, body);
    } catch (error) {
      return (error as ProblemError).errors.map((e) => e.path);
    }
    return [];
  };

  it('takes known event types and an https URL', () => {
    expect(refused({ url: 'https://hooks.example.com/in', eventTypes: ['OrderRouted', 'CustomerCreated'] })).toEqual(
      [],
    );
  });

  it('refuses an unknown event type, an empty list and an SSRF URL at their paths', () => {
    expect(refused({ url: 'https://hooks.example.com/in', eventTypes: ['OrderRouted', 'OrderTeleported'] })).toEqual([
      'eventTypes.1',
    ]);
    expect(refused({ url: 'https://hooks.example.com/in', eventTypes: [] })).toEqual(['eventTypes']);
    expect(refused({ url: 'https://169.254.169.254/latest', eventTypes: ['OrderRouted'] })).toEqual(['url']);
    expect(refused({ url: 'https://hooks.example.com/in', eventTypes: ['OrderRouted'], secret: 'x' })).toEqual([
      'secret',
    ]);
  });
});

describe('the check of a URL when subscribing', () => {
  it('resolves the name and refuses it when any address it has is refused', async () => {
    // localhost resolves on every machine (no network): to loopback only.
    expect(await resolvedRefusal('https://localhost/hook', { allowLoopback: false })).toBe('address');
    expect(await resolvedRefusal('http://localhost:4000/hook', { allowLoopback: true })).toBeUndefined();
    expect(await resolvedRefusal('https://no-such-host.invalid/hook', { allowLoopback: false })).toBe('unresolved');
    expect(await resolvedRefusal('https://[::ffff:10.0.0.1]/hook', { allowLoopback: true })).toBe('address');
  });
});
