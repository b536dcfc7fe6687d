// Webhook rules at their edges: the IPv6 forms the address guard must read (fully written out, ending
// in `::`, carrying an IPv4 only in some forms), each URL refusal on both sides of its line (a user
// name alone, port 1023 and 1024, a `.localhost` name, another scheme to loopback), a secret at the
// instant it expires and how a second rotation shortens an overlap, the subscription body's refusal
// in both languages, and the schedule's constants as loaded.
import { afterEach, describe, expect, it } from 'vitest';
import { classifyAddress, urlRefusal } from '../../functions/webhooks/domain/address-guard.js';
import { liveSecrets, rotate, signatureHeaders } from '../../functions/webhooks/domain/signing.js';
import { subscriptionSchema } from '../../functions/webhooks/domain/subscription-input.js';
import { validate } from '../../shared/http.js';
import { freshImport } from '../support/fresh-import.js';
import { issuesOf, refusal } from '../support/refusals.js';

const aws = { allowLoopback: false };
const local = { allowLoopback: true };

describe('the address guard, at the edges', () => {
  it.each([
    // Written out in full (no `::`), and ending in `::`.
    ['0:0:0:0:0:0:0:1', 'loopback'],
    ['2606:4700:4700:0:0:0:0:1111', 'public'],
    ['fe80::', 'link-local'],
    ['2001:db8::', 'reserved'],
    // The compatible form carries an IPv4 from ::0.0.0.2 on (:: and ::1 are IPv6's own).
    ['::2', 'unspecified'],
    // A public IPv4 in the deprecated compatible form is still refused as that form.
    ['::8.8.8.8', 'reserved'],
    // NAT64 needs both leading groups: either alone is an ordinary public address.
    ['64:1::a9fe:a9fe', 'public'],
    ['65:ff9b::a9fe:a9fe', 'public'],
  ])('%s is %s', (address, kind) => {
    expect(classifyAddress(address)).toBe(kind);
  });

  it('refuses a user name alone as it refuses a password', () => {
    expect(urlRefusal('https://user@hooks.example.com/', aws)).toBe('credentials');
    expect(urlRefusal('https://:pw@hooks.example.com/', aws)).toBe('credentials');
  });

  it('takes port 1024 and up, refuses a low port but the default, and any port of loopback on the local flag', () => {
    expect(urlRefusal('https://hooks.example.com:1024/', aws)).toBeUndefined();
    expect(urlRefusal('https://hooks.example.com:1023/', aws)).toBe('port');
    expect(urlRefusal('https://hooks.example.com:443/', aws)).toBeUndefined();
    expect(urlRefusal('https://localhost:22/', local)).toBeUndefined();
    expect(urlRefusal('https://[::1]:22/', local)).toBeUndefined();
    expect(urlRefusal('https://hooks.example.com:22/', local)).toBe('port');
  });

  it('takes a name under .localhost as loopback, and only http or https to it', () => {
    expect(urlRefusal('http://hooks.localhost:4000/in', local)).toBeUndefined();
    expect(urlRefusal('https://hooks.localhost/in', aws)).toBe('address');
    expect(urlRefusal('http://localhost.example.com/in', local)).toBe('not-https');
    expect(urlRefusal('ftp://localhost/in', local)).toBe('not-https');
  });
});

describe('signing, at the edges', () => {
  const at = (iso: string) => new Date(iso);
  const current = { secret: 'whsec_Y3VycmVudA==', createdAt: '2026-10-01T00:00:00.000Z' };
  const old = { secret: 'whsec_b2xk', createdAt: '2026-09-01T00:00:00.000Z', expiresAt: '2026-10-02T12:00:00.000Z' };

  it('a secret signs until the instant it expires, not at it', () => {
    expect(liveSecrets([current, old], at('2026-10-02T11:59:59.999Z'))).toEqual([current, old]);
    expect(liveSecrets([current, old], at('2026-10-02T12:00:00.000Z'))).toEqual([current]);
  });

  it('refuses to sign with no live secret', () => {
    expect(() => signatureHeaders('evt_1', '{}', [old], at('2026-10-03T00:00:00.000Z'))).toThrow(
      'A webhook subscription has no live signing secret',
    );
  });

  it('a second rotation keeps an earlier expiry and shortens a later one to the new overlap', () => {
    const now = at('2026-10-02T10:00:00.000Z');
    expect(rotate([current, old], now, 24, 'whsec_bmV3')).toEqual([
      { secret: 'whsec_bmV3', createdAt: '2026-10-02T10:00:00.000Z' },
      { ...current, expiresAt: '2026-10-03T10:00:00.000Z' },
      old,
    ]);
    expect(rotate([current, old], now, 1, 'whsec_bmV3')).toEqual([
      { secret: 'whsec_bmV3', createdAt: '2026-10-02T10:00:00.000Z' },
      { ...current, expiresAt: '2026-10-02T11:00:00.000Z' },
      { ...old, expiresAt: '2026-10-02T11:00:00.000Z' },
    ]);
  });

  it('as loaded: a fresh secret each time, and the body a receiver gets', async () => {
    const signing = await freshImport(() => import('../../functions/webhooks/domain/signing.js'));
    const secret = signing.newSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{43}=$/);
    expect(signing.newSecret()).not.toBe(secret);
    expect(signing.liveSecrets([current, old], at('2026-10-02T13:00:00.000Z'))).toEqual([current]);
    expect(signing.webhookBody('OrderRouted', '2026-10-02T10:00:00.000Z', { orderId: 'o1' })).toBe(
      '{"type":"OrderRouted","timestamp":"2026-10-02T10:00:00.000Z","data":{"orderId":"o1"}}',
    );
  });
});

describe('the subscription body, at the edges', () => {
  afterEach(() => {
    delete process.env.WEBHOOKS_ALLOW_LOOPBACK;
  });

  it('says why a URL is refused, in both languages, as a check of its own', () => {
    expect(issuesOf(subscriptionSchema, { url: 'https://10.0.0.5/in', eventTypes: ['OrderRouted'] })).toEqual([
      ['url', 'custom'],
    ]);
    expect(
      refusal(() => validate(subscriptionSchema, { url: 'https://10.0.0.5/in', eventTypes: ['OrderRouted'] })).errors,
    ).toEqual([
      [
        'url',
        'Private, loopback, link-local and metadata addresses are refused.',
        'Özel, geri döngü (loopback), bağlantı-yerel ve metadata adresleri kabul edilmez.',
      ],
    ]);
  });

  it('takes a loopback receiver over http where the stack allows it, and only there', () => {
    const body = { url: 'http://127.0.0.1:4000/hook', eventTypes: ['OrderRouted'] };
    process.env.WEBHOOKS_ALLOW_LOOPBACK = 'true';
    expect(validate(subscriptionSchema, body)).toEqual(body);
    delete process.env.WEBHOOKS_ALLOW_LOOPBACK;
    expect(refusal(() => validate(subscriptionSchema, body)).errors).toEqual([
      ['url', 'Webhooks are sent to https URLs only.', 'Webhook yalnızca https adreslerine gönderilir.'],
    ]);
  });
});

describe('the retry schedule, as loaded', () => {
  it('waits at most six hours and gives up three days after the first failure', async () => {
    const backoff = await freshImport(() => import('../../functions/webhooks/domain/backoff.js'));
    expect(backoff.longestWaitSeconds).toBe(21_600);
    expect(backoff.giveUpAfterMs).toBe(259_200_000);
    expect([1, 2, 11, 12].map(backoff.retryWaitSeconds)).toEqual([30, 60, 21_600, 21_600]);
    const start = new Date('2026-10-01T00:00:00.000Z');
    expect(backoff.retrySchedule(start).at(-1)).toEqual(new Date('2026-10-04T00:00:00.000Z'));
  });
});
