// Catalogue rules at the edges mutation testing found unchecked: a cost of zero, a one-day price list,
// a price twice refused in both languages, each refusal's code and Turkish words, and quantities
// shown in English units by number.
import { describe, expect, it } from 'vitest';
import {
  fxRateOn,
  priceFor,
  priceListSchema,
  productSchema,
  quantityIn,
} from '../../functions/catalogue/domain/catalogue.js';
import { ProblemError } from '../../shared/problems.js';
import { parseInBoth } from '../../shared/schema.js';

const product = {
  sku: 'KS-10',
  name: { tr: 'Kaynak seti', en: 'Welding set' },
  description: { tr: '', en: '' },
  unit: 'takım',
  category: 'Hırdavat',
  cost: { amount: 0, currency: 'TRY' },
  taxRateBp: 2000,
  active: true,
};
const list = {
  id: 'pl-2027',
  name: 'Liste 2027',
  currency: 'TRY',
  validFrom: '2027-01-01',
  validTo: '2027-01-01',
  prices: [{ sku: 'KS-10', unitPrice: 5_000 }],
};
const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    if (error instanceof ProblemError) return { status: error.status, code: error.code, detail: error.detail };
    throw error;
  }
  throw new Error('no problem');
};

describe('catalogue schemas', () => {
  it('take a cost of zero, not below it', () => {
    expect(productSchema.safeParse(product).success).toBe(true);
    const negative = parseInBoth(productSchema, { ...product, cost: { amount: -1, currency: 'TRY' } });
    expect(negative.success ? [] : negative.issues.map((i) => [i.path.join('.'), i.text])).toEqual([
      ['cost', { en: 'A cost cannot be negative.', tr: 'Maliyet negatif olamaz.' }],
    ]);
  });
  it('take a price list valid for one day, and refuse a price given twice in both languages', () => {
    expect(priceListSchema.safeParse(list).success).toBe(true);
    const twice = parseInBoth(priceListSchema, { ...list, prices: [...list.prices, { sku: 'KS-10', unitPrice: 1 }] });
    expect(twice.success ? [] : twice.issues.map((i) => [i.code, i.path.join('.'), i.text])).toEqual([
      ['custom', 'prices.1.sku', { en: 'Priced twice.', tr: 'İki kez fiyatlanmış.' }],
    ]);
  });
});

describe('refused prices and rates', () => {
  it('say their code and both languages', () => {
    expect(problemOf(() => priceFor(list, 'KS-10', '2027-01-02'))).toEqual({
      status: 422,
      code: 'price-not-found',
      detail: {
        en: 'Price list pl-2027 is valid from 2027-01-01 to 2027-01-01, not on 2027-01-02.',
        tr: 'pl-2027 fiyat listesi 2027-01-01 ile 2027-01-01 arasında geçerli, 2027-01-02 tarihinde değil.',
      },
    });
    expect(problemOf(() => priceFor(list, 'YOK-1', '2027-01-01'))).toEqual({
      status: 422,
      code: 'price-not-found',
      detail: {
        en: 'Price list pl-2027 has no price for YOK-1.',
        tr: 'pl-2027 fiyat listesinde YOK-1 için fiyat yok.',
      },
    });
    expect(problemOf(() => fxRateOn([], 'EUR', '2027-01-01'))).toEqual({
      status: 422,
      code: 'fx-rate-not-found',
      detail: { en: 'No EUR rate on or before 2027-01-01.', tr: '2027-01-01 ya da öncesine ait EUR kuru yok.' },
    });
  });
});

describe('quantities in words', () => {
  it('in English by number for the units the catalogue writes in Turkish, whatever their case', () => {
    expect(quantityIn(1, 'adet', 'en')).toBe('1 pc');
    expect(quantityIn(3, 'adet', 'en')).toBe('3 pcs');
    expect(quantityIn(0, 'saat', 'en')).toBe('0 hours');
    expect(quantityIn(2, 'TAKIM', 'en')).toBe('2 sets');
    expect(quantityIn(2, 'İKİLİ', 'en')).toBe('2 İKİLİ');
  });
  it('as written for a symbol, and always in Turkish', () => {
    expect(quantityIn(2.5, 'kg', 'en')).toBe('2.5 kg');
    expect(quantityIn(3, 'adet', 'tr')).toBe('3 adet');
    expect(quantityIn(1, 'takım', 'tr')).toBe('1 takım');
  });
});
