// Signed, expiring tokens for links in mail (consent confirmation, quote approval). The signature
// proves the CRM issued the link; single use is enforced by the conditional write the link triggers.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { signingSecret } from './secrets.js';

export interface LinkClaims {
  /** What the link may do: a token for one purpose is useless for another. */
  purpose: string;
  id: string;
  /** Expiry, seconds since the epoch. */
  exp: number;
}

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

export const signLink = async (claims: LinkClaims) => {
  const payload = Buffer.from(JSON.stringify(claims)).toString('base64url');
  return `${payload}.${sign(payload, await signingSecret())}`;
};

export type LinkCheck = { ok: true; claims: LinkClaims } | { ok: false; reason: 'invalid' | 'expired' };

export const verifyLink = async (token: string, purpose: string, now = new Date()): Promise<LinkCheck> => {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return { ok: false, reason: 'invalid' };
  const expected = Buffer.from(sign(payload, await signingSecret()));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'invalid' };
  let claims: LinkClaims;
  try {
    claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
  } catch {
    return { ok: false, reason: 'invalid' };
  }
  if (claims.purpose !== purpose || typeof claims.id !== 'string') return { ok: false, reason: 'invalid' };
  if (claims.exp * 1000 < now.getTime()) return { ok: false, reason: 'expired' };
  return { ok: true, claims };
};
