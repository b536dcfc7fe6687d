// What staff send to draft an agreement, order under it, skip a period or start a standing order:
// each field's bounds on both sides, and each rule across fields refused on its field in both languages.
import { describe, expect, it } from 'vitest';
import {
  createAgreementSchema,
  createStandingOrderSchema,
  orderUnderSchema,
  seqBody,
  skipBody,
} from '../../functions/agreements/domain/agreement-input.js';
import { issuesOf, messagesOf } from '../support/refusals.js';

const agreement = {
  kind: 'framework',
  title: 'Yıllık çerçeve',
  terms: 'Koşullar',
  validFrom: '2026-01-01',
  validUntil: '2026-12-31',
};
const withPrice = (price: Record<string, unknown>) => ({ ...agreement, prices: [price] });

describe('an agreed price', () => {
  it('takes a product at a unit price, or a product or a category at a discount', () => {
    expect(issuesOf(createAgreementSchema, withPrice({ sku: 'A', unitPrice: 0 }))).toEqual([]);
    expect(issuesOf(createAgreementSchema, withPrice({ sku: 'A', discountBp: 1 }))).toEqual([]);
    expect(issuesOf(createAgreementSchema, withPrice({ category: 'tv', discountBp: 10_000 }))).toEqual([]);
    expect(issuesOf(createAgreementSchema, withPrice({ sku: 'A', unitPrice: -1 }))).toEqual([
      ['prices.0.unitPrice', 'too_small'],
    ]);
    expect(issuesOf(createAgreementSchema, withPrice({ sku: 'A', discountBp: 0 }))).toEqual([
      ['prices.0.discountBp', 'too_small'],
    ]);
    expect(issuesOf(createAgreementSchema, withPrice({ sku: 'A', discountBp: 10_001 }))).toEqual([
      ['prices.0.discountBp', 'too_big'],
    ]);
  });

  it('names a product or a category, not both and not neither, on sku', () => {
    for (const price of [{ sku: 'A', category: 'tv', discountBp: 5 }, { discountBp: 5 }]) {
      expect(messagesOf(createAgreementSchema, withPrice(price))).toEqual([
        ['prices.0.sku', 'Name a product (sku) or a category, not both.'],
      ]);
      expect(messagesOf(createAgreementSchema, withPrice(price), 'tr')).toEqual([
        ['prices.0.sku', 'Bir ürün (sku) ya da bir kategori yazın, ikisini değil.'],
      ]);
    }
  });

  it('takes a unit price or a discount, not both and not neither, on unitPrice', () => {
    for (const price of [{ sku: 'A', unitPrice: 5, discountBp: 5 }, { sku: 'A' }]) {
      expect(messagesOf(createAgreementSchema, withPrice(price))).toEqual([
        ['prices.0.unitPrice', 'Give a unit price or a discount, not both.'],
      ]);
      expect(messagesOf(createAgreementSchema, withPrice(price), 'tr')).toEqual([
        ['prices.0.unitPrice', 'Birim fiyat ya da indirim verin, ikisini değil.'],
      ]);
    }
  });

  it('gives a category a discount, never a unit price, on category', () => {
    const price = { category: 'tv', unitPrice: 5 };
    expect(messagesOf(createAgreementSchema, withPrice(price))).toEqual([
      ['prices.0.category', 'A category takes a discount, not a unit price.'],
    ]);
    expect(messagesOf(createAgreementSchema, withPrice(price), 'tr')).toEqual([
      ['prices.0.category', 'Kategoriye birim fiyat değil indirim verilir.'],
    ]);
  });
});

describe('a commitment', () => {
  const committed = (commitment: Record<string, unknown>) => ({ ...agreement, commitments: [commitment] });

  it('commits 1 to 1 000 000 of a product or a category, not both and not neither', () => {
    expect(issuesOf(createAgreementSchema, committed({ sku: 'A', quantity: 1 }))).toEqual([]);
    expect(issuesOf(createAgreementSchema, committed({ category: 'tv', quantity: 1_000_000 }))).toEqual([]);
    expect(issuesOf(createAgreementSchema, committed({ sku: 'A', quantity: 0 }))).toEqual([
      ['commitments.0.quantity', 'too_small'],
    ]);
    expect(issuesOf(createAgreementSchema, committed({ sku: 'A', quantity: 1_000_001 }))).toEqual([
      ['commitments.0.quantity', 'too_big'],
    ]);
    for (const both of [{ sku: 'A', category: 'tv', quantity: 1 }, { quantity: 1 }]) {
      expect(messagesOf(createAgreementSchema, committed(both), 'tr')).toEqual([
        ['commitments.0.sku', 'Bir ürün (sku) ya da bir kategori yazın, ikisini değil.'],
      ]);
      expect(messagesOf(createAgreementSchema, committed(both))).toEqual([
        ['commitments.0.sku', 'Name a product (sku) or a category, not both.'],
      ]);
    }
  });
});

describe('the agreement', () => {
  it('takes a reminder of 0 to 120 working days and a schedule day of 1 to 28', () => {
    const schedule = (dayOfMonth: number) => ({
      dayOfMonth,
      startsOn: '2026-02-01',
      lines: [{ sku: 'A', quantity: 1 }],
    });
    expect(issuesOf(createAgreementSchema, { ...agreement, reminderWorkingDays: 0, schedule: schedule(1) })).toEqual(
      [],
    );
    expect(issuesOf(createAgreementSchema, { ...agreement, reminderWorkingDays: 120, schedule: schedule(28) })).toEqual(
      [],
    );
    expect(issuesOf(createAgreementSchema, { ...agreement, reminderWorkingDays: -1, schedule: schedule(0) })).toEqual([
      ['reminderWorkingDays', 'too_small'],
      ['schedule.dayOfMonth', 'too_small'],
    ]);
    expect(issuesOf(createAgreementSchema, { ...agreement, reminderWorkingDays: 121, schedule: schedule(29) })).toEqual(
      [
        ['reminderWorkingDays', 'too_big'],
        ['schedule.dayOfMonth', 'too_big'],
      ],
    );
    expect(issuesOf(createAgreementSchema, { ...agreement, kind: 'lease' })).toEqual([['kind', 'invalid_value']]);
  });
});

describe('orders, skips and standing orders', () => {
  const line = { sku: 'A', quantity: 1 };

  it('orders one line or more', () => {
    expect(issuesOf(orderUnderSchema, { currency: 'TRY', lines: [line] })).toEqual([]);
    expect(issuesOf(orderUnderSchema, { currency: 'TRY', lines: [] })).toEqual([['lines', 'too_small']]);
  });

  it('skips a period named as a month, with a positive seq', () => {
    expect(issuesOf(skipBody, { seq: 1, period: '2026-12' })).toEqual([]);
    expect(issuesOf(skipBody, { seq: 1, period: '2026-13' })).toEqual([['period', 'invalid_format']]);
    expect(issuesOf(skipBody, { seq: 1, period: '2026-00' })).toEqual([['period', 'invalid_format']]);
    expect(issuesOf(skipBody, { seq: 0, period: '2026-01' })).toEqual([['seq', 'too_small']]);
    expect(issuesOf(seqBody, { seq: 1 })).toEqual([]);
    expect(issuesOf(seqBody, { seq: 0 })).toEqual([['seq', 'too_small']]);
  });

  it('starts a standing order on a day of 1 to 28 with lines at a price of zero or more', () => {
    const standing = { currency: 'TRY', dayOfMonth: 1, startsOn: '2026-01-01', lines: [{ ...line, unitPrice: 0 }] };
    expect(issuesOf(createStandingOrderSchema, standing)).toEqual([]);
    expect(issuesOf(createStandingOrderSchema, { ...standing, dayOfMonth: 28 })).toEqual([]);
    expect(issuesOf(createStandingOrderSchema, { ...standing, dayOfMonth: 29 })).toEqual([['dayOfMonth', 'too_big']]);
    expect(issuesOf(createStandingOrderSchema, { ...standing, lines: [{ ...line, unitPrice: -1 }] })).toEqual([
      ['lines.0.unitPrice', 'too_small'],
    ]);
    expect(issuesOf(createStandingOrderSchema, { ...standing, lines: [] })).toEqual([['lines', 'too_small']]);
  });
});
