// Coupon codes and what a coupon takes off a basket. A code is 10 characters from an alphabet with
// no look-alikes (no 0/O, 1/I/L), drawn by the crypto generator: 31^10 ≈ 8·10^14 codes, short enough to
// read out at a till and far too many to guess behind a keyed, rate-limited API.
import { randomInt } from 'node:crypto';

export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 10;

export const newCouponCode = () =>
  Array.from({ length: CODE_LENGTH }, () => CODE_ALPHABET[randomInt(CODE_ALPHABET.length)]).join('');

/** As typed: spaces and dashes dropped, upper-cased. */
export const normalizeCode = (typed: string) => typed.replace(/[\s-]/g, '').toUpperCase();

export type Benefit = { kind: 'amount'; amount: number } | { kind: 'percent'; bp: number };

export interface CouponTerms {
  benefit: Benefit;
  /** Only lines of these categories count; absent: the whole basket. */
  categories?: string[];
  /** The counted lines must add up to at least this (minor units, KDV included). */
  minimumBasket?: number;
  validFrom: string;
  validTo: string;
}

export interface BasketLine {
  sku?: string;
  category?: string;
  /** The line's amount in minor units, KDV included. */
  amount: number;
}

export type Refusal =
  | { reason: 'not-yet-valid' | 'expired'; path: 'code' }
  | { reason: 'no-eligible-lines'; path: 'basket.lines' }
  | { reason: 'below-minimum'; path: 'basket.lines'; minimum: number; eligible: number };

/** What the coupon takes off this basket on `today`, or why it does not apply. */
export const applyCoupon = (
  terms: CouponTerms,
  lines: readonly BasketLine[],
  today: string,
): { ok: true; eligible: number; discount: number } | ({ ok: false } & Refusal) => {
  if (today < terms.validFrom) return { ok: false, reason: 'not-yet-valid', path: 'code' };
  if (today > terms.validTo) return { ok: false, reason: 'expired', path: 'code' };
  const counted = terms.categories
    ? lines.filter((line) => line.category && terms.categories!.includes(line.category))
    : lines;
  if (!counted.length) return { ok: false, reason: 'no-eligible-lines', path: 'basket.lines' };
  const eligible = counted.reduce((sum, line) => sum + line.amount, 0);
  if (terms.minimumBasket !== undefined && eligible < terms.minimumBasket)
    return { ok: false, reason: 'below-minimum', path: 'basket.lines', minimum: terms.minimumBasket, eligible };
  const discount =
    terms.benefit.kind === 'amount'
      ? Math.min(terms.benefit.amount, eligible)
      : Number((BigInt(eligible) * BigInt(terms.benefit.bp) + 5_000n) / 10_000n);
  return { ok: true, eligible, discount: Math.min(discount, eligible) };
};
