import { describe, expect, it } from 'vitest';
import { type PricingLine, priceQuote } from '../../functions/quote-approval/domain/pricing.js';
import { CurrencyMismatchError, money } from '../../shared/money.js';
import { ValidationError } from '../../shared/problems.js';
import { refusal } from '../support/refusals.js';

const tl = (amount: number) => money(amount, 'TRY');
const line = (overrides: Partial<PricingLine>): PricingLine => ({
  sku: 'X',
  quantity: 1,
  unitPrice: tl(10_000),
  discountBp: 0,
  taxRateBp: 2000,
  unitCost: tl(5_000),
  ...overrides,
});

describe('pricing', () => {
  const quote = priceQuote({
    currency: 'TRY',
    lines: [
      line({ sku: 'CNC-500', quantity: 2, unitPrice: tl(1_234_567), discountBp: 1250, unitCost: tl(900_000) }),
      line({ sku: 'SRV-1Y', quantity: 3, unitPrice: tl(333), taxRateBp: 1000, unitCost: tl(100) }),
      line({ sku: 'BOOK-TR', unitPrice: tl(5), discountBp: 1000, taxRateBp: 100, unitCost: tl(10) }),
    ],
  });

  it('prices each line in whole kuruş, rounding half up', () => {
    expect(quote.lines[0]).toEqual({
      sku: 'CNC-500',
      quantity: 2,
      gross: tl(2_469_134),
      discount: tl(308_642), // 308 641.75
      net: tl(2_160_492),
      taxRateBp: 2000,
      tax: tl(432_098), // 432 098.4
      total: tl(2_592_590),
      cost: tl(1_800_000),
      margin: tl(360_492),
      marginBp: 1669, // 16.6856%
    });
    expect(quote.lines[1]).toMatchObject({ net: tl(999), tax: tl(100), total: tl(1099), marginBp: 6997 });
    // A loss-making line, where 10% of 0.05 is half a kuruş and rounds up to 0.01 off.
    expect(quote.lines[2]).toMatchObject({ discount: tl(1), net: tl(4), tax: tl(0), margin: tl(-6), marginBp: -15000 });
  });

  it('totals are the sums of the rounded lines', () => {
    expect(quote.totals).toEqual({
      subtotal: tl(2_470_138),
      discountTotal: tl(308_643),
      netTotal: tl(2_161_495),
      taxTotal: tl(432_198),
      grandTotal: tl(2_593_693),
      costTotal: tl(1_800_310),
      margin: tl(361_185),
      marginBp: 1671,
      discountBp: 1249, // 12.4949%: under the 12.5% line discount because the other lines have none
      maxLineDiscountBp: 1250,
      taxByRate: [
        { taxRateBp: 2000, base: tl(2_160_492), tax: tl(432_098) },
        { taxRateBp: 1000, base: tl(999), tax: tl(100) },
        { taxRateBp: 100, base: tl(4), tax: tl(0) },
      ],
    });
  });

  it('taxes per line, so three half-kuruş taxes are three kuruş, not two', () => {
    const small = priceQuote({
      currency: 'TRY',
      lines: [1, 2, 3].map((i) => line({ sku: `S-${i}`, unitPrice: tl(5), taxRateBp: 1000 })),
    });
    expect(small.totals.taxTotal).toEqual(tl(3));
    expect(small.totals.grandTotal).toEqual(tl(18));
  });

  it('keeps lines and totals consistent for many quantities and discounts', () => {
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    for (let q = 0; q < 200; q++) {
      const lines = Array.from({ length: 1 + next(6) }, (_, i) =>
        line({
          sku: `L${i}`,
          quantity: 1 + next(50),
          unitPrice: tl(next(1_000_000)),
          discountBp: next(10_001),
          taxRateBp: [0, 100, 1000, 2000][next(4)]!,
        }),
      );
      const { lines: priced, totals } = priceQuote({ currency: 'TRY', lines });
      const total = (pick: (l: (typeof priced)[number]) => number) => priced.reduce((a, l) => a + pick(l), 0);
      expect(totals.grandTotal.amount).toBe(totals.netTotal.amount + totals.taxTotal.amount);
      expect(totals.netTotal.amount).toBe(totals.subtotal.amount - totals.discountTotal.amount);
      expect(totals.taxTotal.amount).toBe(total((l) => l.tax.amount));
      expect(totals.grandTotal.amount).toBe(total((l) => l.total.amount));
      expect(totals.taxByRate.reduce((a, r) => a + r.tax.amount, 0)).toBe(totals.taxTotal.amount);
      for (const l of priced) expect(Number.isSafeInteger(l.net.amount) && l.net.amount >= 0).toBe(true);
    }
  });

  it('prices foreign-currency quotes with costs already converted, and refuses mixed currencies', () => {
    const eur = (amount: number) => money(amount, 'EUR');
    const inEur = priceQuote({ currency: 'EUR', lines: [line({ unitPrice: eur(100_000), unitCost: eur(61_500) })] });
    expect(inEur.totals).toMatchObject({ grandTotal: eur(120_000), marginBp: 3850 });
    expect(() => priceQuote({ currency: 'EUR', lines: [line({ unitPrice: eur(100), unitCost: tl(50) })] })).toThrow(
      CurrencyMismatchError,
    );
    expect(() => priceQuote({ currency: 'TRY', lines: [line({ unitPrice: eur(100), unitCost: eur(50) })] })).toThrow(
      CurrencyMismatchError,
    );
  });

  it('gives an empty quote zero totals and a fully discounted one no margin share', () => {
    expect(priceQuote({ currency: 'USD', lines: [] }).totals).toMatchObject({
      grandTotal: money(0, 'USD'),
      marginBp: 0,
      discountBp: 0,
      maxLineDiscountBp: 0,
    });
    expect(priceQuote({ currency: 'TRY', lines: [line({ discountBp: 10_000 })] }).totals).toMatchObject({
      netTotal: tl(0),
      discountBp: 10_000,
      marginBp: 0,
      margin: tl(-5_000),
    });
  });

  it('refuses fractional quantities and out-of-range percentages, naming each field', () => {
    expect(() =>
      priceQuote({ currency: 'TRY', lines: [line({}), line({ quantity: 1.5, discountBp: 10_001, taxRateBp: -1 })] }),
    ).toThrow(
      expect.objectContaining({
        code: 'validation-failed',
        errors: [
          expect.objectContaining({ path: 'lines.1.quantity' }),
          expect.objectContaining({ path: 'lines.1.discountBp' }),
          expect.objectContaining({ path: 'lines.1.taxRateBp' }),
        ],
      }),
    );
    expect(() => priceQuote({ currency: 'TRY', lines: [line({ quantity: 0 })] })).toThrow(ValidationError);
  });

  it('takes 0 and 10000 basis points and whole quantities from 1, refusing each side past them in both languages', () => {
    const bp = ['Between 0 and 10000 basis points.', '0 ile 10000 baz puan arasında.'];
    const whole = ['A whole number above 0.', '0’dan büyük bir tam sayı.'];
    const price =
      (...lines: Partial<PricingLine>[]) =>
      () =>
        priceQuote({ currency: 'TRY', lines: lines.map(line) });
    expect(price({ quantity: 1, discountBp: 0, taxRateBp: 10_000 })().totals.grandTotal).toEqual(tl(20_000));
    expect(price({ discountBp: 10_000, taxRateBp: 0 })().totals.grandTotal).toEqual(tl(0));
    expect(refusal(price({ quantity: 0, discountBp: -1, taxRateBp: 10_001 }))).toEqual({
      status: 400,
      code: 'validation-failed',
      detail: { en: 'The request has invalid fields.', tr: 'İstekte geçersiz alanlar var.' },
      errors: [
        ['lines.0.quantity', ...whole],
        ['lines.0.discountBp', ...bp],
        ['lines.0.taxRateBp', ...bp],
      ],
    });
    expect(refusal(price({}, {}, { quantity: Number.MAX_SAFE_INTEGER + 1, discountBp: 12.5 })).errors).toEqual([
      ['lines.2.quantity', ...whole],
      ['lines.2.discountBp', ...bp],
    ]);
    expect(refusal(price({ quantity: -2, taxRateBp: 0.5 })).errors).toEqual([
      ['lines.0.quantity', ...whole],
      ['lines.0.taxRateBp', ...bp],
    ]);
  });

  it('lists KDV per rate from the highest, each over the lines at that rate, and the largest line discount', () => {
    const { totals } = priceQuote({
      currency: 'TRY',
      lines: [
        line({ taxRateBp: 100, discountBp: 500 }),
        line({ taxRateBp: 2000 }),
        line({ taxRateBp: 100, quantity: 2, discountBp: 2500 }),
      ],
    });
    expect(totals.taxByRate).toEqual([
      { taxRateBp: 2000, base: tl(10_000), tax: tl(2_000) },
      { taxRateBp: 100, base: tl(9_500 + 15_000), tax: tl(95 + 150) },
    ]);
    expect(totals).toMatchObject({ maxLineDiscountBp: 2500, costTotal: tl(20_000), taxTotal: tl(2_245) });
  });
});
