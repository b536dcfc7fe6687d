import { describe, expect, it } from 'vitest';
import {
  convertOn,
  type FxRate,
  FxRateNotFoundError,
  fxRateOn,
  fxRateSchema,
  type PriceList,
  PriceNotFoundError,
  priceFor,
  priceListSchema,
  productSchema,
} from '../../functions/catalogue/domain/catalogue.js';
import { money } from '../../shared/money.js';

const list: PriceList = {
  id: 'PL-2025-EUR',
  name: 'Makine fiyat listesi 2025',
  currency: 'EUR',
  validFrom: '2025-01-01',
  validTo: '2025-06-30',
  prices: [
    { sku: 'CNC-500', unitPrice: 4_250_000 },
    { sku: 'SRV-1Y', unitPrice: 120_000 },
  ],
};

const rates: FxRate[] = [
  { date: '2025-03-07', currency: 'EUR', rateToTry: '39.4511' },
  { date: '2025-03-10', currency: 'EUR', rateToTry: '39.6120' },
  { date: '2025-03-10', currency: 'USD', rateToTry: '36.5002' },
  { date: '2025-03-05', currency: 'EUR', rateToTry: '38.9000' },
];

describe('catalogue', () => {
  it('prices a SKU from a list valid on the date, both ends inclusive', () => {
    expect(priceFor(list, 'CNC-500', '2025-01-01')).toEqual(money(4_250_000, 'EUR'));
    expect(priceFor(list, 'SRV-1Y', '2025-06-30')).toEqual(money(120_000, 'EUR'));
    expect(() => priceFor(list, 'CNC-500', '2024-12-31')).toThrow(PriceNotFoundError);
    expect(() => priceFor(list, 'CNC-500', '2025-07-01')).toThrow(
      /valid from 2025-01-01 to 2025-06-30, not on 2025-07-01/,
    );
    expect(() => priceFor(list, 'LASER-1', '2025-03-01')).toThrow(/no price for LASER-1/);
  });

  it('takes the latest FX rate on or before the date, across weekends', () => {
    expect(fxRateOn(rates, 'EUR', '2025-03-10').rateToTry).toBe('39.6120');
    // Saturday and Sunday have no rate: Friday's holds.
    expect(fxRateOn(rates, 'EUR', '2025-03-09')).toEqual(rates[0]);
    expect(fxRateOn(rates, 'EUR', '2025-03-06').rateToTry).toBe('38.9000');
    expect(() => fxRateOn(rates, 'EUR', '2025-03-04')).toThrow(FxRateNotFoundError);
    expect(() => fxRateOn(rates, 'GBP', '2025-03-10')).toThrow(/No GBP rate on or before 2025-03-10/);
  });

  it('converts to and from TRY and across currencies through TRY', () => {
    expect(convertOn(money(100_000, 'EUR'), 'TRY', rates, '2025-03-10')).toEqual(money(3_961_200, 'TRY'));
    expect(convertOn(money(3_961_200, 'TRY'), 'EUR', rates, '2025-03-10')).toEqual(money(100_000, 'EUR'));
    // 1 000.00 USD → EUR at 36.5002 / 39.6120 = 921.4425… EUR
    expect(convertOn(money(100_000, 'USD'), 'EUR', rates, '2025-03-10')).toEqual(money(92_144, 'EUR'));
    const same = money(5, 'USD');
    expect(convertOn(same, 'USD', [], '2025-03-10')).toBe(same);
  });

  it('validates products, price lists and rates', () => {
    const product = {
      sku: 'CNC-500',
      name: { tr: 'CNC torna tezgâhı', en: 'CNC lathe' },
      description: { tr: '', en: '' },
      unit: 'adet',
      category: 'Makine',
      cost: { amount: 3_100_000, currency: 'EUR' },
      taxRateBp: 2000,
      active: true,
    };
    expect(productSchema.safeParse(product).success).toBe(true);
    expect(productSchema.safeParse({ ...product, taxRateBp: 10_001 }).success).toBe(false);
    expect(productSchema.safeParse({ ...product, taxRateBp: 20.5 }).success).toBe(false);
    expect(productSchema.safeParse({ ...product, cost: { amount: 1.5, currency: 'EUR' } }).success).toBe(false);
    expect(productSchema.safeParse({ ...product, name: { tr: ' ', en: 'x' } }).success).toBe(false);

    expect(priceListSchema.safeParse(list).success).toBe(true);
    const backwards = priceListSchema.safeParse({ ...list, validTo: '2024-12-31' });
    expect(backwards.error?.issues.map((i) => i.path)).toEqual([['validTo']]);
    const twice = priceListSchema.safeParse({ ...list, prices: [...list.prices, { sku: 'CNC-500', unitPrice: 1 }] });
    expect(twice.error?.issues.map((i) => i.path)).toEqual([['prices', 2, 'sku']]);
    expect(priceListSchema.safeParse({ ...list, prices: [] }).success).toBe(false);
    expect(priceListSchema.safeParse({ ...list, validFrom: '2025-02-30' }).success).toBe(false);

    expect(fxRateSchema.safeParse(rates[0]).success).toBe(true);
    expect(fxRateSchema.safeParse({ ...rates[0], rateToTry: 39.4511 }).success).toBe(false);
    expect(fxRateSchema.safeParse({ ...rates[0], rateToTry: '39,4511' }).success).toBe(false);
    expect(fxRateSchema.safeParse({ ...rates[0], currency: 'TRY' }).success).toBe(false);
  });
});
