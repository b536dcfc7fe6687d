// Signed links in quote mail: approve and reject for approvers (one step, one approver, 72 hours),
// accept and decline for the customer (until the quote expires). A link is single-use because the
// move it makes is a conditional write: once the step or the quote has moved on, it changes nothing.
import { config } from '../../shared/config.js';
import * as z from '../../shared/schema.js';
import { signLink, verifyLink } from '../../shared/signed-link.js';
import type { Quote } from './quote-store.js';

export const APPROVAL_LINK_HOURS = 72;

const purposes = { approve: 'quote-approve', reject: 'quote-reject', accept: 'quote-accept', decline: 'quote-decline' } as const;

const approvalClaims = z.tuple([z.string(), z.string(), z.int(), z.int(), z.string()]);
const answerClaims = z.tuple([z.string(), z.string(), z.int()]);

export interface ApprovalLinkRef {
  customerId: string;
  quoteId: string;
  version: number;
  step: number;
  userId: string;
}

export interface AnswerLinkRef {
  customerId: string;
  quoteId: string;
  version: number;
}

const url = (path: string, token: string) => `${config.publicBaseUrl()}${path}?token=${encodeURIComponent(token)}`;

export const approvalLinks = async (quote: Quote, step: number, userId: string, now = new Date()) => {
  const id = JSON.stringify([quote.customerId, quote.quoteId, quote.version, step, userId]);
  const exp = Math.floor(now.getTime() / 1000) + APPROVAL_LINK_HOURS * 3600;
  const [approve, reject] = await Promise.all([
    signLink({ purpose: purposes.approve, id, exp }),
    signLink({ purpose: purposes.reject, id, exp }),
  ]);
  return { approveUrl: url('/quote-links/approval', approve), rejectUrl: url('/quote-links/approval', reject) };
};

export const answerLinks = async (quote: Quote) => {
  const id = JSON.stringify([quote.customerId, quote.quoteId, quote.version]);
  const exp = Math.floor(Date.parse(quote.expiresAt) / 1000);
  const [accept, decline] = await Promise.all([
    signLink({ purpose: purposes.accept, id, exp }),
    signLink({ purpose: purposes.decline, id, exp }),
  ]);
  return { acceptUrl: url('/quote-links/answer', accept), declineUrl: url('/quote-links/answer', decline) };
};

export type LinkRead<A, R> = { ok: true; action: A; ref: R } | { ok: false; reason: 'invalid' | 'expired' };

/** Tries each purpose the page serves: a token signed for anything else is invalid here. */
const read = async <A extends keyof typeof purposes, T>(token: string, actions: A[], claims: z.ZodMiniType<T>, now: Date) => {
  let reason: 'invalid' | 'expired' = 'invalid';
  for (const action of actions) {
    const check = await verifyLink(token, purposes[action], now);
    if (!check.ok) {
      if (check.reason === 'expired') reason = 'expired';
      continue;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(check.claims.id);
    } catch {
      return { ok: false as const, reason: 'invalid' as const };
    }
    const result = claims.safeParse(parsed);
    return result.success ? { ok: true as const, action, claims: result.data } : { ok: false as const, reason: 'invalid' as const };
  }
  return { ok: false as const, reason };
};

export const readApprovalLink = async (token: string, now = new Date()): Promise<LinkRead<'approve' | 'reject', ApprovalLinkRef>> => {
  const found = await read(token, ['approve', 'reject'], approvalClaims, now);
  if (!found.ok) return found;
  const [customerId, quoteId, version, step, userId] = found.claims;
  return { ok: true, action: found.action, ref: { customerId, quoteId, version, step, userId } };
};

export const readAnswerLink = async (token: string, now = new Date()): Promise<LinkRead<'accept' | 'decline', AnswerLinkRef>> => {
  const found = await read(token, ['accept', 'decline'], answerClaims, now);
  if (!found.ok) return found;
  const [customerId, quoteId, version] = found.claims;
  return { ok: true, action: found.action, ref: { customerId, quoteId, version } };
};
