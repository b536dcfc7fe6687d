// Signed links in mail: every link the product mails is declared once with `defineLink`, which
// builds its URL and reads it back. The HMAC proves the CRM issued the token; the purpose keeps a
// token for one page useless on another; the claims are checked against the link's schema; and
// `exp` is always written and always required when reading, so no token lives forever.
//
// Single use is one of two kinds, declared per link:
// - `move`: the link makes a conditional move (a state change guarded by status and version, or
//   the deletion of a pending request); once made, the same token finds nothing to move.
// - `marker`: the link has no such move, so the caller adds `spend(read)` to the transaction it
//   writes: a used-token marker that exists until the token expires, written only if absent.

import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { clockNow } from './clock.js';
import { config } from './config.js';
import { putNew, type TransactItem } from './db.js';
import * as z from './schema.js';
import { signingSecret } from './secrets.js';
import { type ItemType, keys } from './table.js';

export type SingleUse = { by: 'move'; guard: string } | { by: 'marker' } | { by: 'none'; why: string };

export interface LinkSpec<C> {
  /** What the token may do; part of the signed payload. */
  purpose: string;
  /** The public page it opens, e.g. `/consents/confirm`. */
  path: string;
  claims: z.ZodMiniType<C>;
  /** The longest a token lives, in seconds; `url(…, { until })` can end it sooner. */
  ttlSeconds: number;
  singleUse: SingleUse;
}

export type LinkRead<C> =
  | { ok: true; claims: C; exp: number; jti: string; purpose: string }
  | { ok: false; reason: 'invalid' | 'expired' };

const payloadSchema = z.object({
  purpose: z.string(),
  exp: z.int().check(z.positive()),
  jti: z.string().check(z.minLength(8)),
  claims: z.unknown(),
});

const sign = (payload: string, secret: string) => createHmac('sha256', secret).update(payload).digest('base64url');

const decode = async (token: string) => {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return undefined;
  const expected = Buffer.from(sign(payload, await signingSecret()));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return undefined;
  try {
    const parsed = payloadSchema.safeParse(JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
};

export const defineLink = <C>(spec: LinkSpec<C>) => {
  const token = async (claims: C, options: { now?: Date; until?: Date } = {}) => {
    const now = options.now ?? clockNow();
    const longest = Math.floor(now.getTime() / 1000) + spec.ttlSeconds;
    const exp = options.until ? Math.min(longest, Math.floor(options.until.getTime() / 1000)) : longest;
    const body = {
      purpose: spec.purpose,
      exp,
      jti: randomBytes(12).toString('base64url'),
      claims: spec.claims.parse(claims),
    };
    const payload = Buffer.from(JSON.stringify(body)).toString('base64url');
    return `${payload}.${sign(payload, await signingSecret())}`;
  };

  return {
    ...spec,
    token,
    url: async (claims: C, options: { now?: Date; until?: Date } = {}) =>
      `${config.publicBaseUrl()}${spec.path}?token=${encodeURIComponent(await token(claims, options))}`,

    read: async (given: string, now = clockNow()): Promise<LinkRead<C>> => {
      const decoded = await decode(given);
      if (!decoded || decoded.purpose !== spec.purpose) return { ok: false, reason: 'invalid' };
      const claims = spec.claims.safeParse(decoded.claims);
      if (!claims.success) return { ok: false, reason: 'invalid' };
      if (decoded.exp * 1000 <= now.getTime()) return { ok: false, reason: 'expired' };
      return { ok: true, claims: claims.data, exp: decoded.exp, jti: decoded.jti, purpose: decoded.purpose };
    },

    /** For `marker` links: the used-token marker, to write in the same transaction as what the link does. */
    spend: (read: { purpose: string; jti: string; exp: number }): TransactItem => {
      if (spec.singleUse.by !== 'marker') throw new Error(`Link ${spec.purpose} is not spent by a marker`);
      return putNew({
        ...keys.usedLink(read.purpose, read.jti),
        type: 'used-link' satisfies ItemType,
        expiresAt: read.exp,
      });
    },
  };
};
