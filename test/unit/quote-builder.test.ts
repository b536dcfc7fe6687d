import { describe, expect, it } from 'vitest';
import type { FxRate, PriceList, Product } from '../../functions/catalogue/domain/catalogue.js';
import { buildQuote, type LineInput, paymentPlanFor } from '../../functions/quote-approval/domain/quote-builder.js';
import { money } from '../../shared/money.js';
import { ProblemError } from '../../shared/problems.js';

const product = (sku: string, cost: [number, string], taxRateBp = 2000, active = true): Product => ({
  sku,
  name: { tr: `${sku} tr`, en: `${sku} en` },
  description: { tr: '', en: '' },
  unit: 'adet',
  category: 'test',
  cost: { amount: cost[0], currency: cost[1] },
  taxRateBp,
  active,
});

const products = new Map(
  [product('A', [50_000, 'TRY']), product('B', [1_000, 'EUR'], 1000), product('OLD', [1, 'TRY'], 2000, false)].map(
    (p) => [p.sku, p],
  ),
);
const list = (currency: string, prices: Record<string, number>): PriceList => ({
  id: `list-${currency}`,
  name: currency,
  currency,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  prices: Object.entries(prices).map(([sku, unitPrice]) => ({ sku, unitPrice })),
});
const rates: FxRate[] = [
  { date: '2026-01-02', currency: 'EUR', rateToTry: '37.2500' },
  { date: '2026-07-01', currency: 'EUR', rateToTry: '40.0000' },
];
const build = (lines: LineInput[], priceList = list('TRY', { A: 100_000, B: 60_000 }), quoteDate = '2026-08-01') =>
  buildQuote({ lines, products, priceList, rates, quoteDate });

describe('building a quote from the catalogue', () => {
  it('takes unit prices from the list, converts costs into the quote currency, and sums the rounded lines', () => {
    const quote = build([
      { sku: 'A', quantity: 3, discountBp: 1000 },
      { sku: 'B', quantity: 2, discountBp: 0 },
    ]);
    expect(quote.currency).toBe('TRY');
    expect(quote.lines.map((l) => [l.sku, l.unitPrice.amount, l.net.amount, l.tax.amount, l.unitCost])).toEqual([
      ['A', 100_000, 270_000, 54_000, money(50_000, 'TRY')],
      // 10.00 EUR at the July rate of 40 = 400.00 TRY.
      ['B', 60_000, 120_000, 12_000, money(40_000, 'TRY')],
    ]);
    expect(quote.totals.netTotal.amount).toBe(390_000);
    expect(quote.totals.grandTotal.amount).toBe(456_000);
    expect(quote.totals.taxByRate.map((r) => [r.taxRateBp, r.tax.amount])).toEqual([
      [2000, 54_000],
      [1000, 12_000],
    ]);
    expect(quote.lines[1]!.name).toEqual({ tr: 'B tr', en: 'B en' });
    expect(quote.rateToTry).toBe('1');
    expect(quote.grandTotalTry).toEqual(quote.totals.grandTotal);
  });

  it('gives a foreign-currency quote its TRY equivalent at the rate on or before the quote date', () => {
    const quote = build([{ sku: 'B', quantity: 1, discountBp: 0 }], list('EUR', { B: 2_000 }), '2026-06-30');
    expect(quote.currency).toBe('EUR');
    expect(quote.rateToTry).toBe('37.2500');
    expect(quote.totals.grandTotal).toEqual(money(2_200, 'EUR'));
    expect(quote.grandTotalTry).toEqual(money(81_950, 'TRY'));
    expect(quote.netTotalTry).toEqual(money(74_500, 'TRY'));
    // Cost already in EUR: no conversion.
    expect(quote.lines[0]!.unitCost).toEqual(money(1_000, 'EUR'));
  });

  it('names every line whose product is unknown or discontinued, and prices nothing', () => {
    const attempt = () =>
      build([
        { sku: 'A', quantity: 1, discountBp: 0 },
        { sku: 'X', quantity: 1, discountBp: 0 },
        { sku: 'OLD', quantity: 1, discountBp: 0 },
      ]);
    expect(attempt).toThrow(ProblemError);
    expect(attempt).toThrow(
      expect.objectContaining({
        status: 422,
        code: 'product-unavailable',
        errors: [expect.objectContaining({ path: 'lines.1.sku' }), expect.objectContaining({ path: 'lines.2.sku' })],
      }),
    );
  });

  it('refuses a product the list does not price, a date outside the list, and a cost with no rate', () => {
    expect(() => build([{ sku: 'B', quantity: 1, discountBp: 0 }], list('TRY', { A: 1 }))).toThrow(/no price for B/);
    expect(() => build([{ sku: 'A', quantity: 1, discountBp: 0 }], undefined, '2027-01-01')).toThrow(
      /not on 2027-01-01/,
    );
    expect(() => build([{ sku: 'B', quantity: 1, discountBp: 0 }], undefined, '2026-01-01')).toThrow(/No EUR rate/);
  });

  it('refuses an empty quote and a quantity or discount out of range', () => {
    expect(() => build([])).toThrow(
      expect.objectContaining({
        errors: [{ path: 'lines', message: expect.objectContaining({ en: 'A quote needs at least one line.' }) }],
      }),
    );
    expect(() => build([{ sku: 'A', quantity: 0, discountBp: 0 }])).toThrow(ProblemError);
    expect(() => build([{ sku: 'A', quantity: 1, discountBp: 10_001 }])).toThrow(ProblemError);
  });

  it('splits the grand total into the payment plan, to the kuruş', () => {
    const quote = buildQuote({
      lines: [{ sku: 'A', quantity: 1, discountBp: 0 }],
      products,
      priceList: list('TRY', { A: 100_001 }),
      rates,
      quoteDate: '2026-08-01',
      paymentTerms: { type: 'instalments', count: 3, firstDueDate: '2026-08-31' },
    });
    expect(quote.paymentPlan.map((p) => [p.dueDate, p.amount.amount])).toEqual([
      ['2026-08-31', 40_001],
      ['2026-09-30', 40_000],
      ['2026-10-31', 40_000],
    ]);
    expect(quote.paymentPlan.reduce((a, p) => a + p.amount.amount, 0)).toBe(quote.totals.grandTotal.amount);
    expect(paymentPlanFor(money(1000, 'TRY'), undefined)).toEqual([]);
    expect(
      paymentPlanFor(money(1000, 'TRY'), {
        type: 'shares',
        parts: [
          { dueDate: '2026-09-01', shareBp: 3000 },
          { dueDate: '2026-10-01', shareBp: 7000 },
        ],
      }).map((p) => p.amount.amount),
    ).toEqual([300, 700]);
    expect(() =>
      paymentPlanFor(money(1000, 'TRY'), { type: 'instalments', count: 2, firstDueDate: '2026-02-30' }),
    ).toThrow(ProblemError);
  });
});
