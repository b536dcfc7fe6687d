import { beforeAll, describe, expect, it } from 'vitest';
import { answerLink, answerLinks, approvalLink, approvalLinks } from '../../functions/quote-approval/links.js';

// This worker's own settings: a run of every project may have set others (the local stack's base URL).
beforeAll(() => {
  process.env.SIGNING_SECRET = 'unit-test-secret';
  process.env.PUBLIC_BASE_URL = 'https://crm.example.com';
});

const quote = {
  customerId: '01KAQ00000000000000CUSTMR',
  quoteId: '01KAQ0000000000000000QUOTE',
  version: 2,
  expiresAt: new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString(),
};

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('quote links', () => {
  it('approve and reject links carry the step and the approver, and are told apart', async () => {
    const { approveUrl, rejectUrl } = await approvalLinks(quote, 1, 'mgr-zeynep');
    expect(new URL(approveUrl).pathname).toBe('/quote-links/approval');
    const ref = { customerId: quote.customerId, quoteId: quote.quoteId, version: 2, step: 1, userId: 'mgr-zeynep' };
    expect(await approvalLink.read(tokenOf(approveUrl))).toMatchObject({
      ok: true,
      claims: { ...ref, action: 'approve' },
    });
    expect(await approvalLink.read(tokenOf(rejectUrl))).toMatchObject({
      ok: true,
      claims: { ...ref, action: 'reject' },
    });
  });

  it('accept and decline links name the quote version and work only on the answer page', async () => {
    const { acceptUrl, declineUrl } = await answerLinks(quote);
    expect(new URL(acceptUrl).pathname).toBe('/quote-links/answer');
    const ref = { customerId: quote.customerId, quoteId: quote.quoteId, version: 2 };
    expect(await answerLink.read(tokenOf(acceptUrl))).toMatchObject({ ok: true, claims: { ...ref, action: 'accept' } });
    expect(await answerLink.read(tokenOf(declineUrl))).toMatchObject({
      ok: true,
      claims: { ...ref, action: 'decline' },
    });
    expect(await approvalLink.read(tokenOf(acceptUrl))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses tampered, truncated and expired tokens', async () => {
    const token = tokenOf((await approvalLinks(quote, 0, 'mgr-zeynep')).approveUrl);
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(
      Buffer.from(payload, 'base64url').toString().replace('mgr-zeynep', 'dir-kemal'),
    ).toString('base64url');
    expect(await approvalLink.read(`${forged}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await approvalLink.read(payload)).toEqual({ ok: false, reason: 'invalid' });
    expect(await approvalLink.read('')).toEqual({ ok: false, reason: 'invalid' });
    const later = new Date(Date.now() + 73 * 3600 * 1000);
    expect(await approvalLink.read(token, later)).toEqual({ ok: false, reason: 'expired' });
    const { acceptUrl } = await answerLinks(quote);
    expect(await answerLink.read(tokenOf(acceptUrl), new Date(Date.parse(quote.expiresAt) + 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});
