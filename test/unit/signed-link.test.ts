import { beforeAll, describe, expect, it } from 'vitest';
import { signLink, verifyLink } from '../../shared/signed-link.js';

beforeAll(() => {
  process.env.SIGNING_SECRET = 'unit-test-secret';
});

const inAnHour = () => Math.floor(Date.now() / 1000) + 3600;

describe('signed links', () => {
  it('round-trips its claims', async () => {
    const token = await signLink({ purpose: 'consent-confirm', id: 'r1', exp: inAnHour() });
    expect(await verifyLink(token, 'consent-confirm')).toMatchObject({ ok: true, claims: { id: 'r1' } });
  });

  it('refuses a token for another purpose', async () => {
    const token = await signLink({ purpose: 'quote-approve', id: 'q1', exp: inAnHour() });
    expect(await verifyLink(token, 'consent-confirm')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses a tampered payload or signature', async () => {
    const token = await signLink({ purpose: 'p', id: 'a', exp: inAnHour() });
    const [, signature] = token.split('.');
    const forged = `${Buffer.from(JSON.stringify({ purpose: 'p', id: 'b', exp: inAnHour() })).toString('base64url')}.${signature}`;
    expect(await verifyLink(forged, 'p')).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyLink(`${token}x`, 'p')).toEqual({ ok: false, reason: 'invalid' });
    expect(await verifyLink('garbage', 'p')).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses an expired token', async () => {
    const token = await signLink({ purpose: 'p', id: 'a', exp: 1000 });
    expect(await verifyLink(token, 'p')).toEqual({ ok: false, reason: 'expired' });
  });
});
