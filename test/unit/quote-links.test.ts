import { beforeAll, describe, expect, it } from 'vitest';
import { answerLinks, approvalLinks, readAnswerLink, readApprovalLink } from '../../functions/quote-approval/links.js';
import type { Quote } from '../../functions/quote-approval/quote-store.js';

beforeAll(() => {
  process.env.SIGNING_SECRET ??= 'unit-test-secret';
  process.env.PUBLIC_BASE_URL ??= 'https://crm.example.com';
});

const quote = {
  customerId: '01KAQ00000000000000CUSTMR',
  quoteId: '01KAQ0000000000000000QUOTE',
  version: 2,
  expiresAt: new Date(Date.now() + 5 * 24 * 3600 * 1000).toISOString(),
} as Quote;

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!;

describe('quote links', () => {
  it('approve and reject links carry the step and the approver, and are told apart', async () => {
    const { approveUrl, rejectUrl } = await approvalLinks(quote, 1, 'mgr-zeynep');
    expect(new URL(approveUrl).pathname).toBe('/quote-links/approval');
    const ref = { customerId: quote.customerId, quoteId: quote.quoteId, version: 2, step: 1, userId: 'mgr-zeynep' };
    expect(await readApprovalLink(tokenOf(approveUrl))).toEqual({ ok: true, action: 'approve', ref });
    expect(await readApprovalLink(tokenOf(rejectUrl))).toEqual({ ok: true, action: 'reject', ref });
  });

  it('accept and decline links name the quote version and work only on the answer page', async () => {
    const { acceptUrl, declineUrl } = await answerLinks(quote);
    const ref = { customerId: quote.customerId, quoteId: quote.quoteId, version: 2 };
    expect(await readAnswerLink(tokenOf(acceptUrl))).toEqual({ ok: true, action: 'accept', ref });
    expect(await readAnswerLink(tokenOf(declineUrl))).toEqual({ ok: true, action: 'decline', ref });
    expect(await readApprovalLink(tokenOf(acceptUrl))).toEqual({ ok: false, reason: 'invalid' });
  });

  it('refuses tampered, truncated and expired tokens', async () => {
    const token = tokenOf((await approvalLinks(quote, 0, 'mgr-zeynep')).approveUrl);
    const [payload, signature] = token.split('.') as [string, string];
    const forged = Buffer.from(Buffer.from(payload, 'base64url').toString().replace('mgr-zeynep', 'dir-kemal')).toString('base64url');
    expect(await readApprovalLink(`${forged}.${signature}`)).toEqual({ ok: false, reason: 'invalid' });
    expect(await readApprovalLink(payload)).toEqual({ ok: false, reason: 'invalid' });
    expect(await readApprovalLink('')).toEqual({ ok: false, reason: 'invalid' });
    const later = new Date(Date.now() + 73 * 3600 * 1000);
    expect(await readApprovalLink(token, later)).toEqual({ ok: false, reason: 'expired' });
    const { acceptUrl } = await answerLinks(quote);
    expect(await readAnswerLink(tokenOf(acceptUrl), new Date(Date.parse(quote.expiresAt) + 1000))).toEqual({
      ok: false,
      reason: 'expired',
    });
  });
});
