import { createHmac } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import { defineLink } from '../../shared/links.js';
import * as z from '../../shared/schema.js';

const SECRET = 'unit-test-secret';
// This worker's own settings: a run of every project may have set others (the local stack's base URL).
beforeAll(() => {
  process.env.SIGNING_SECRET = SECRET;
  process.env.PUBLIC_BASE_URL = 'https://crm.example.com';
});

const consent = defineLink({
  purpose: 'consent-confirm',
  path: '/consents/confirm',
  claims: z.object({ requestId: z.string() }),
  ttlSeconds: 3600,
  singleUse: { by: 'move', guard: 'test' },
});
const approval = defineLink({
  purpose: 'quote-approval',
  path: '/quote-links/approval',
  claims: z.object({ requestId: z.string() }),
  ttlSeconds: 3600,
  singleUse: { by: 'move', guard: 'test' },
});

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;
/** Signs any payload as the CRM would, to build tokens the CRM itself never issues. */
const signed = (payload: unknown) => {
  const body = Buffer.from(JSON.stringify(payload)).toString('base64url');
  return `${body}.${createHmac('sha256', process.env.SIGNING_SECRET!).update(body).digest('base64url')}`;
};

describe('signed links', () => {
  it('round-trips its claims through a URL on its own path', async () => {
    const url = await consent.url({ requestId: 'r1' });
    expect(new URL(url).origin + new URL(url).pathname).toBe('https://crm.example.com/consents/confirm');
    expect(await consent.read(tokenOf(url))).toMatchObject({
      ok: true,
      claims: { requestId: 'r1' },
      purpose: 'consent-confirm',
    });
  });

  it('refuses a token for another purpose', async () => {
    const token = tokenOf(await approval.url({ requestId: 'q1' }));
    expect(await consent.read(token)).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a tampered payload or signature', async () => {
    const token = tokenOf(await consent.url({ requestId: 'a' }));
    const [payload, signature] = token.split('.') as [string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    const forged = `${Buffer.from(JSON.stringify({ ...claims, claims: { requestId: 'b' } })).toString('base64url')}.${signature}`;
    expect(await consent.read(forged)).toEqual({ ok: false, reason: 'invalid' });
    expect(await consent.read(`${token}x`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await consent.read('garbage')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an expired token, and `until` ends a token before its ttl', async () => {
    const token = tokenOf(await consent.url({ requestId: 'a' }, { now: new Date(1000_000) }));
    expect(await consent.read(token)).toEqual({ ok: false, reason: 'expired' });
    const now = new Date();
    const soon = tokenOf(await consent.url({ requestId: 'a' }, { now, until: new Date(now.getTime() + 60_000) }));
    expect(await consent.read(soon, new Date(now.getTime() + 59_000))).toMatchObject({ ok: true });
    expect(await consent.read(soon, new Date(now.getTime() + 61_000))).toEqual({ ok: false, reason: 'expired' });
  });

  it('refuses a correctly signed token with no exp: such a token would never expire', async () => {
    const noExp = signed({ purpose: 'consent-confirm', jti: 'abcdefghijkl', claims: { requestId: 'r1' } });
    expect(await consent.read(noExp)).toEqual({ ok: false, reason: 'invalid' });
    const withExp = signed({
      purpose: 'consent-confirm',
      jti: 'abcdefghijkl',
      exp: Math.floor(Date.now() / 1000) + 60,
      claims: { requestId: 'r1' },
    });
    expect(await consent.read(withExp)).toMatchObject({ ok: true });
  });

  it('refuses a correctly signed token whose claims break the link schema', async () => {
    const bad = signed({
      purpose: 'consent-confirm',
      jti: 'abcdefghijkl',
      exp: Math.floor(Date.now() / 1000) + 60,
      claims: { requestId: 7 },
    });
    expect(await consent.read(bad)).toEqual({ ok: false, reason: 'invalid' });
    await expect(consent.url({ requestId: 7 } as unknown as { requestId: string })).rejects.toThrow();
  });

  it('a move link has no used-token marker to spend', async () => {
    const read = await consent.read(tokenOf(await consent.url({ requestId: 'r' })));
    if (!read.ok) throw new Error('expected a valid token');
    expect(() => consent.spend(read)).toThrow(/not spent by a marker/);
  });
});
