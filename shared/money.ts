// Money as integer minor units plus an ISO-4217 code, never floats. Percentages are integer basis
// points (10% = 1000). Every division rounds through `roundedDivide`, so there is one rounding rule.
import type { Named, Text } from './messages.js';
import { ProblemError } from './problems.js';
import * as z from './schema.js';

export interface Money {
  /** Integer minor units: kuruş for TRY, cents for EUR/USD, yen for JPY. */
  readonly amount: number;
  /** ISO-4217 code. */
  readonly currency: string;
}

export class UnknownCurrencyError extends ProblemError {
  constructor(currency: string) {
    super(422, 'unknown-currency', {
      en: `"${currency}" is not an ISO-4217 currency code.`,
      tr: `"${currency}" bir ISO-4217 para birimi kodu değil.`,
    });
  }
}
export class InvalidAmountError extends ProblemError {
  constructor(message: Text) {
    super(422, 'invalid-amount', message);
  }
}
export class CurrencyMismatchError extends ProblemError {
  constructor(expected: string, actual: string) {
    super(422, 'currency-mismatch', {
      en: `Cannot combine ${actual} with ${expected}.`,
      tr: `${actual} ile ${expected} birlikte kullanılamaz.`,
    });
  }
}

const knownCurrencies = new Set(Intl.supportedValuesOf('currency'));
const exponents = new Map<string, number>();

/** How many decimals the currency's minor unit has: TRY, EUR, USD 2; JPY 0. */
export const minorUnits = (currency: string): number => {
  let exponent = exponents.get(currency);
  if (exponent === undefined) {
    if (!knownCurrencies.has(currency)) throw new UnknownCurrencyError(currency);
    exponent =
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exponent);
  }
  return exponent;
};

export const currencySchema = z
  .string()
  .check(
    z.refine(
      (code) => knownCurrencies.has(code),
      z.said({ en: 'Not an ISO-4217 currency code.', tr: 'ISO-4217 para birimi kodu değil.' }),
    ),
  );
/** `z.int()` is a safe integer: |amount| ≤ 2^53 − 1. */
export const moneySchema = z.object({ amount: z.int(), currency: currencySchema });
/** An exchange rate as data carries it: "34.5612", never the float 34.5612. */
export const rateSchema = z.string().check(
  z.regex(/^\d+(\.\d+)?$/, z.said({ en: 'Write a rate like 34.5612.', tr: '34.5612 gibi bir kur yazın.' })),
  z.refine(
    (rate) => /[1-9]/.test(rate),
    z.said({ en: 'A rate must be above zero.', tr: 'Kur sıfırdan büyük olmalı.' }),
  ),
);

export const money = (amount: number, currency: string): Money => {
  minorUnits(currency);
  if (!Number.isSafeInteger(amount)) {
    throw new InvalidAmountError({
      en: `${amount} is not a whole number of ${currency} minor units.`,
      tr: `${amount}, tam sayı bir ${currency} alt birim tutarı değil.`,
    });
  }
  return { amount, currency };
};

export const zero = (currency: string): Money => money(0, currency);

const sameCurrency = (a: Money, b: Money) => {
  if (a.currency !== b.currency) throw new CurrencyMismatchError(a.currency, b.currency);
};

export const add = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return money(a.amount + b.amount, a.currency);
};

export const subtract = (a: Money, b: Money): Money => {
  sameCurrency(a, b);
  return money(a.amount - b.amount, a.currency);
};

/** The currency is given so that an empty list still sums to a zero of the right currency. */
export const sum = (items: readonly Money[], currency: string): Money => items.reduce(add, zero(currency));

export const multiply = (m: Money, factor: number): Money => {
  if (!Number.isSafeInteger(factor)) {
    throw new InvalidAmountError({
      en: `Can multiply money only by a whole number, not ${factor}.`,
      tr: `Para yalnızca tam sayıyla çarpılabilir, ${factor} ile değil.`,
    });
  }
  return money(m.amount * factor, m.currency);
};

// Half-up (away from zero): the commercial rounding invoices and customers check a quote against.
export const roundedDivide = (numerator: bigint, denominator: bigint): bigint => {
  if (denominator === 0n) throw new RangeError('Division by zero.');
  const sign = numerator < 0n !== denominator < 0n ? -1n : 1n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  return sign * ((2n * n + d) / (2n * d));
};

const safeNumber = (value: bigint, what: Named): number => {
  const n = Number(value);
  if (!Number.isSafeInteger(n))
    throw new InvalidAmountError({ en: `${what.en} is too large.`, tr: `${what.tr} çok büyük.` });
  return n;
};

export const percentOf = (m: Money, basisPoints: number): Money =>
  money(
    safeNumber(roundedDivide(BigInt(m.amount) * BigInt(basisPoints), 10_000n), { en: 'The amount', tr: 'Tutar' }),
    m.currency,
  );

/** `part` as basis points of `whole`; 0 when `whole` is 0, where there is nothing to be a share of. */
export const basisPoints = (part: number | bigint, whole: number | bigint): number =>
  BigInt(whole) === 0n
    ? 0
    : safeNumber(roundedDivide(BigInt(part) * 10_000n, BigInt(whole)), { en: 'The ratio', tr: 'Oran' });

// ---- exact decimals -----------------------------------------------------------------------------

const pow10 = (n: number) => 10n ** BigInt(n);
const decimalPattern = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The exact value of a canonical decimal ("-1234.56") as `units / 10^scale`. */
const parseDecimal = (text: string): { units: bigint; scale: number } | undefined => {
  const match = decimalPattern.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  return { units: BigInt(`${sign}${whole}${fraction}`), scale: fraction.length };
};

/** `text` as an integer count of `1 / 10^scale`; refuses digits beyond that scale unless they are zeros. */
const parseScaled = (text: string, scale: number, what: Named): number => {
  const decimal = parseDecimal(text);
  if (!decimal) {
    throw new InvalidAmountError({
      en: `"${text}" is not a plain decimal: write ${what.en} like 1234.56, with no thousands separators.`,
      tr: `"${text}" düz bir ondalık sayı değil: ${what.tr} 1234.56 gibi, binlik ayırıcı olmadan yazın.`,
    });
  }
  const shift = scale - decimal.scale;
  const units = shift >= 0 ? decimal.units * pow10(shift) : decimal.units / pow10(-shift);
  if (shift < 0 && units * pow10(-shift) !== decimal.units) {
    throw new InvalidAmountError({
      en: `"${text}" has more than ${scale} decimals.`,
      tr: `"${text}" içinde ${scale} basamaktan fazla ondalık var.`,
    });
  }
  return safeNumber(units, { en: `"${text}"`, tr: `"${text}"` });
};

const formatScaled = (units: number, scale: number): string => {
  const digits = Math.abs(units)
    .toString()
    .padStart(scale + 1, '0');
  const sign = units < 0 ? '-' : '';
  return scale === 0 ? `${sign}${digits}` : `${sign}${digits.slice(0, -scale)}.${digits.slice(-scale)}`;
};

/** "1234.56" → 123456 for TRY. Only the canonical form: "1.234,56" is refused, never guessed at. */
export const parseDecimalToMinor = (text: string, currency: string): number =>
  parseScaled(text, minorUnits(currency), { en: 'amounts', tr: 'tutarları' });

/** 123456 TRY → "1234.56": the canonical form `parseDecimalToMinor` reads back. */
export const minorToDecimal = (m: Money): string => formatScaled(m.amount, minorUnits(m.currency));

/** "20" → 2000, "0.5" → 50. */
export const parsePercent = (text: string): number => parseScaled(text, 2, { en: 'percentages', tr: 'yüzdeleri' });

/** 2000 → "20", 50 → "0.5": the form `parsePercent` reads back. */
export const percentToDecimal = (basisPoints: number): string => formatScaled(basisPoints, 2).replace(/\.?0+$/, '');

const positiveRate = (text: string): { units: bigint; scale: number } => {
  if (!rateSchema.safeParse(text).success) {
    throw new InvalidAmountError({
      en: `"${text}" is not a rate above zero like 34.5612.`,
      tr: `"${text}", 34.5612 gibi sıfırdan büyük bir kur değil.`,
    });
  }
  return parseDecimal(text)!;
};

/**
 * Converts at `rate` units of `toCurrency` per unit of `m.currency`, divided by `perRate` (so a cross
 * rate through TRY is `convert(m, fromRateToTry, to, toRateToTry)`). Exact, rounded once at the end.
 */
export const convert = (m: Money, rate: string, toCurrency: string, perRate = '1'): Money => {
  const r = positiveRate(rate);
  const p = positiveRate(perRate);
  const numerator = BigInt(m.amount) * r.units * pow10(p.scale + minorUnits(toCurrency));
  const denominator = p.units * pow10(r.scale + minorUnits(m.currency));
  return money(
    safeNumber(roundedDivide(numerator, denominator), { en: 'The converted amount', tr: 'Çevrilen tutar' }),
    toCurrency,
  );
};

// ---- display ------------------------------------------------------------------------------------

const locales = { tr: 'tr-TR', en: 'en-GB' } as const;
export type Locale = keyof typeof locales;

// Intl is given the exact decimal string, so nothing passes through a float on the way to the screen.
const exactly = (decimal: string) => decimal as Intl.StringNumericLiteral;

/** tr: ₺1.234,56; en: ₺1,234.56. */
export const formatMoney = (m: Money, locale: Locale): string =>
  new Intl.NumberFormat(locales[locale], {
    style: 'currency',
    currency: m.currency,
    currencyDisplay: 'narrowSymbol',
  }).format(exactly(minorToDecimal(m)));

/** 1250 → tr: %12,5; en: 12.5%. */
export const formatPercent = (basisPoints: number, locale: Locale): string =>
  new Intl.NumberFormat(locales[locale], { style: 'percent', maximumFractionDigits: 2 }).format(
    exactly(formatScaled(basisPoints, 4)),
  );
