import { describe, expect, it } from 'vitest';
import type { PriceList, Product } from '../../functions/catalogue/domain/catalogue.js';
import { instalments, planFromShares } from '../../functions/quote-approval/domain/payment-plan.js';
import { buildQuote, type LineInput, paymentPlanFor } from '../../functions/quote-approval/domain/quote-builder.js';
import { money } from '../../shared/money.js';
import { refusal } from '../support/refusals.js';

const tl = (amount: number) => money(amount, 'TRY');
const invalid = {
  status: 400,
  code: 'validation-failed',
  detail: { en: 'The request has invalid fields.', tr: 'İstekte geçersiz alanlar var.' },
};
const product: Product = {
  sku: 'A',
  name: { tr: 'A', en: 'A' },
  description: { tr: '', en: '' },
  unit: 'adet',
  category: 'test',
  cost: tl(500),
  taxRateBp: 2000,
  active: true,
};
const priceList: PriceList = {
  id: 'list-try',
  name: 'TRY',
  currency: 'TRY',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  prices: [{ sku: 'A', unitPrice: 1000 }],
};
const build = (lines: LineInput[]) =>
  buildQuote({ lines, products: new Map([['A', product]]), priceList, rates: [], quoteDate: '2026-03-01' });
const lines = (n: number) => Array.from({ length: n }, (): LineInput => ({ sku: 'A', quantity: 1, discountBp: 0 }));

describe('the limits of a quote', () => {
  it('prices 200 lines and refuses the 201st on the lines', () => {
    expect(build(lines(200)).totals.netTotal).toEqual(tl(200_000));
    expect(refusal(() => build(lines(201)))).toEqual({
      ...invalid,
      errors: [['lines', 'At most 200 lines.', 'En çok 200 satır.']],
    });
  });

  it('refuses a quote without lines on the lines', () => {
    expect(refusal(() => build([]))).toEqual({
      ...invalid,
      errors: [['lines', 'A quote needs at least one line.', 'Teklifte en az bir satır olmalı.']],
    });
  });

  it('names an unknown and a discontinued product each on its own line', () => {
    const products = new Map([
      ['A', product],
      ['OLD', { ...product, sku: 'OLD', active: false }],
    ]);
    const attempt = () =>
      buildQuote({
        lines: [
          { sku: 'X', quantity: 1, discountBp: 0 },
          { sku: 'OLD', quantity: 1, discountBp: 0 },
        ],
        products,
        priceList,
        rates: [],
        quoteDate: '2026-03-01',
      });
    expect(refusal(attempt)).toEqual({
      status: 422,
      code: 'product-unavailable',
      detail: {
        en: 'Some lines name products that cannot be quoted.',
        tr: 'Bazı satırlardaki ürünler teklife eklenemez.',
      },
      errors: [
        ['lines.0.sku', 'No product X in the catalogue.', 'Katalogda X diye bir ürün yok.'],
        ['lines.1.sku', 'OLD is no longer sold.', 'OLD artık satılmıyor.'],
      ],
    });
  });
});

describe('payment terms of a quote', () => {
  it('pays monthly when the terms name no interval', () => {
    const plan = paymentPlanFor(tl(300), { type: 'instalments', count: 3, firstDueDate: '2026-01-31' });
    expect(plan.map((p) => p.dueDate)).toEqual(['2026-01-31', '2026-02-28', '2026-03-31']);
  });

  it('spaces instalments by the interval the terms name', () => {
    const plan = paymentPlanFor(tl(300), {
      type: 'instalments',
      count: 3,
      firstDueDate: '2026-01-31',
      intervalMonths: 2,
    });
    expect(plan.map((p) => [p.dueDate, p.amount.amount])).toEqual([
      ['2026-01-31', 100],
      ['2026-03-31', 100],
      ['2026-05-31', 100],
    ]);
  });

  it('refuses an invalid first due date on paymentTerms.firstDueDate', () => {
    expect(
      refusal(() => paymentPlanFor(tl(300), { type: 'instalments', count: 3, firstDueDate: '2026-02-30' })),
    ).toEqual({
      ...invalid,
      errors: [['paymentTerms.firstDueDate', 'Not a date like 2025-01-31.', '2025-01-31 gibi bir tarih değil.']],
    });
  });

  it('names the fields of the terms as the request has them, not as the plan calls them', () => {
    expect(
      refusal(() => paymentPlanFor(tl(300), { type: 'instalments', count: 361, firstDueDate: '2026-01-01' })).errors,
    ).toEqual([['paymentTerms.count', 'Between 1 and 360 instalments.', '1 ile 360 arasında taksit.']]);
    const shares = [
      { dueDate: '2026-01-01', shareBp: 5000 },
      { dueDate: '2026-02-01', shareBp: 4999 },
    ];
    expect(refusal(() => paymentPlanFor(tl(300), { type: 'shares', parts: shares })).errors).toEqual([
      [
        'paymentTerms.parts',
        'The shares add up to 9999 basis points, not 10000.',
        'Payların toplamı 10000 değil, 9999 baz puan.',
      ],
    ]);
  });
});

describe('the limits of a payment plan', () => {
  it('takes 360 instalments and refuses 361, on the count', () => {
    expect(instalments(tl(360), 360, '2026-01-31')).toHaveLength(360);
    expect(instalments(tl(360), 1, '2026-01-31')).toEqual([{ dueDate: '2026-01-31', amount: tl(360) }]);
    for (const count of [0, 361, 2.5, Number.NaN]) {
      expect(refusal(() => instalments(tl(360), count, '2026-01-31'))).toEqual({
        ...invalid,
        errors: [['count', 'Between 1 and 360 instalments.', '1 ile 360 arasında taksit.']],
      });
    }
  });

  it('refuses an interval below a month or not whole, on the interval', () => {
    for (const interval of [0, -1, 1.5]) {
      expect(refusal(() => instalments(tl(300), 3, '2026-01-31', interval)).errors).toEqual([
        ['intervalMonths', 'At least one month apart.', 'Aralarında en az bir ay olmalı.'],
      ]);
    }
  });

  it('refuses a negative total, and plans a zero one', () => {
    expect(refusal(() => instalments(tl(-1), 1, '2026-01-31')).errors).toEqual([
      ['total', 'A payment plan needs a total of 0 or more.', 'Ödeme planının toplamı 0 veya daha fazla olmalı.'],
    ]);
    expect(refusal(() => planFromShares(tl(-1), [{ dueDate: '2026-01-31', shareBp: 10_000 }])).errors).toEqual([
      ['total', 'A payment plan needs a total of 0 or more.', 'Ödeme planının toplamı 0 veya daha fazla olmalı.'],
    ]);
    expect(planFromShares(tl(0), [{ dueDate: '2026-01-31', shareBp: 10_000 }])).toEqual([
      { dueDate: '2026-01-31', amount: tl(0) },
    ]);
  });

  it('takes 360 shares and refuses 361, on the parts', () => {
    // 360 shares: 280 of 28 bp and 80 of 27 bp make 10,000.
    const parts = (n: number) =>
      Array.from({ length: n }, (_, i) => ({ dueDate: '2026-01-31', shareBp: i < 280 ? 28 : 27 }));
    expect(planFromShares(tl(10_000), parts(360))).toHaveLength(360);
    const tooMany = [...parts(360), { dueDate: '2026-01-31', shareBp: 1 }];
    expect(refusal(() => planFromShares(tl(10_000), tooMany)).errors).toEqual([
      ['parts', 'At most 360 instalments.', 'En çok 360 taksit.'],
      ['parts', 'The shares add up to 10001 basis points, not 10000.', 'Payların toplamı 10000 değil, 10001 baz puan.'],
    ]);
  });

  it('refuses a share that is not a whole positive number of basis points', () => {
    const plan = (shareBp: number) =>
      planFromShares(tl(100), [
        { dueDate: '2026-01-31', shareBp },
        { dueDate: '2026-02-28', shareBp: 10_000 - shareBp },
      ]);
    for (const bad of [0, -5, 0.5]) {
      expect(refusal(() => plan(bad)).errors).toContainEqual([
        'parts.0.shareBp',
        'A share above 0 basis points.',
        '0 baz puandan büyük bir pay.',
      ]);
    }
    expect(plan(1).map((p) => p.amount.amount)).toEqual([1, 99]);
  });
});
