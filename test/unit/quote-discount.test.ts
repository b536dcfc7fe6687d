// A discount on the whole quote, on top of each line's own: taken from every line after its own
// discount, each line rounded on its own, KDV on what is left; and the rows the PDF prints for it.
import { describe, expect, it } from 'vitest';
import { type PricingLine, priceQuote } from '../../functions/quote-approval/domain/pricing.js';
import type { QuoteLine } from '../../functions/quote-approval/domain/quote-builder.js';
import { createQuoteSchema, editQuoteSchema } from '../../functions/quote-approval/domain/quote-input.js';
import { quoteRows } from '../../functions/quote-approval/templates/quote-view.js';
import { validate } from '../../shared/http.js';
import { money } from '../../shared/money.js';
import { ValidationError } from '../../shared/problems.js';

const tl = (amount: number) => money(amount, 'TRY');
const line = (overrides: Partial<PricingLine>): PricingLine => ({
  sku: 'FORK-2T',
  quantity: 2,
  unitPrice: tl(45_000_000),
  discountBp: 1000,
  taxRateBp: 2000,
  unitCost: tl(30_000_000),
  ...overrides,
});

describe('a quote discount', () => {
  // 2 × 450 000,00 TL, 10% off the line, then 5% off the quote; and 3 × 333,33 TL at KDV 10%, 5% off.
  const priced = priceQuote({
    currency: 'TRY',
    quoteDiscountBp: 500,
    lines: [line({}), line({ sku: 'SRV-1Y', quantity: 3, unitPrice: tl(33_333), discountBp: 0, taxRateBp: 1000 })],
  });

  it('is taken from each line after its own discount, rounded per line, with KDV on the rest', () => {
    expect(priced.lines[0]).toMatchObject({
      gross: tl(90_000_000),
      quoteDiscount: tl(4_050_000), // 5% of 81 000 000
      discount: tl(13_050_000), // 9 000 000 + 4 050 000
      net: tl(76_950_000),
      tax: tl(15_390_000),
      total: tl(92_340_000),
    });
    // 5% of 99 999 kuruş is 4 999.95: rounded half up on this line alone.
    expect(priced.lines[1]).toMatchObject({ quoteDiscount: tl(5_000), net: tl(94_999), tax: tl(9_500) });
  });

  it('adds up: the totals are the sums of the lines, the overall discount counts both', () => {
    expect(priced.totals).toMatchObject({
      subtotal: tl(90_099_999),
      discountTotal: tl(13_055_000),
      quoteDiscountTotal: tl(4_055_000),
      netTotal: tl(77_044_999),
      taxTotal: tl(15_399_500),
      grandTotal: tl(92_444_499),
      discountBp: 1449, // what the approval policy weighs
      maxLineDiscountBp: 1000,
      taxByRate: [
        { taxRateBp: 2000, base: tl(76_950_000), tax: tl(15_390_000) },
        { taxRateBp: 1000, base: tl(94_999), tax: tl(9_500) },
      ],
    });
  });

  it('leaves a quote without one exactly as it was priced before (no quote-discount parts)', () => {
    const plain = priceQuote({ currency: 'TRY', lines: [line({})] });
    expect(plain.lines[0]).not.toHaveProperty('quoteDiscount');
    expect(plain.totals).not.toHaveProperty('quoteDiscountTotal');
    expect(plain.totals.discountTotal).toEqual(tl(9_000_000));
  });

  it('is a share from 0 to 10000 basis points: both ends pass, beyond them is refused naming the field', () => {
    expect(priceQuote({ currency: 'TRY', quoteDiscountBp: 10_000, lines: [line({})] }).totals.netTotal).toEqual(tl(0));
    expect(() => priceQuote({ currency: 'TRY', quoteDiscountBp: 10_001, lines: [line({})] })).toThrow(ValidationError);
    const body = { customerId: 'C1', priceListId: 'PL', lines: [{ sku: 'FORK-2T', quantity: 1 }] };
    expect(validate(createQuoteSchema, { ...body, quoteDiscountBp: 10_000 })).toMatchObject({
      quoteDiscountBp: 10_000,
    });
    expect(() => validate(createQuoteSchema, { ...body, quoteDiscountBp: -1 })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: 'quoteDiscountBp' })] }),
    );
  });

  it('delivery terms are free text up to 1000 characters; an edit clears them with null', () => {
    const body = { customerId: 'C1', priceListId: 'PL', lines: [{ sku: 'FORK-2T', quantity: 1 }] };
    expect(validate(createQuoteSchema, { ...body, deliveryTerms: 'x'.repeat(1000) })).toHaveProperty('deliveryTerms');
    expect(() => validate(createQuoteSchema, { ...body, deliveryTerms: 'x'.repeat(1001) })).toThrow(
      expect.objectContaining({ errors: [expect.objectContaining({ path: 'deliveryTerms' })] }),
    );
    expect(validate(editQuoteSchema, { deliveryTerms: null })).toEqual({ deliveryTerms: null });
  });

  it('prints as its own row: the lines after their own discount, then the line discounts, the quote discount, net, KDV', () => {
    const named = priced.lines.map(
      (l, i): QuoteLine => ({
        ...l,
        name: { tr: `Ürün ${i + 1}`, en: `Product ${i + 1}` },
        description: { tr: '', en: '' },
        unit: 'adet',
        unitPrice: i === 0 ? tl(45_000_000) : tl(33_333),
        discountBp: i === 0 ? 1000 : 0,
        unitCost: tl(0),
      }),
    );
    const rows = quoteRows(
      {
        lines: named,
        totals: priced.totals,
        currency: 'TRY',
        rateToTry: '1',
        grandTotalTry: priced.totals.grandTotal,
        paymentPlan: [],
        quoteDiscountBp: 500,
      },
      'tr',
    );
    expect(rows.lines.map((l) => l.amount)).toEqual(['₺810.000,00', '₺999,99']);
    expect(rows.totals.map((r) => `${r.label}: ${r.value}`)).toEqual([
      'Ara toplam: ₺900.999,99',
      'İndirim: −₺90.000,00',
      'Teklif indirimi (%5): −₺40.550,00',
      'Net toplam: ₺770.449,99',
      'KDV (%20): ₺153.900,00',
      'KDV (%10): ₺95,00',
      'Genel toplam: ₺924.444,99',
    ]);
  });
});
