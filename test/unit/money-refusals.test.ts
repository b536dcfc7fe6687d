// Every refusal of the money module, with its code and what it says in both languages: a caller
// reads these on an invoice import or a price list, so a changed word is a changed answer.
import { describe, expect, it } from 'vitest';
import {
  add,
  basisPoints,
  convert,
  currencySchema,
  minorUnits,
  money,
  moneySchema,
  multiply,
  parseDecimalToMinor,
  parsePercent,
  percentOf,
  rateSchema,
  roundedDivide,
  subtract,
} from '../../shared/money.js';
import { fieldMessages } from '../../shared/schema.js';
import { issuesOf } from '../support/refusals.js';

const tl = (amount: number) => money(amount, 'TRY');
const problemOf = (run: () => unknown) => {
  try {
    run();
  } catch (error) {
    const { status, code, detail } = error as { status: number; code: string; detail: unknown };
    return { status, code, detail };
  }
  throw new Error('expected a refusal');
};

describe('multiplying money', () => {
  it('takes whole factors, zero and negative ones too', () => {
    expect(multiply(tl(250), 0)).toEqual(tl(0));
    expect(multiply(tl(250), -2)).toEqual(tl(-500));
    expect(multiply(money(7, 'JPY'), 1)).toEqual(money(7, 'JPY'));
  });

  it.each([0.5, Number.NaN, Number.POSITIVE_INFINITY, Number.MAX_SAFE_INTEGER + 1])(
    'refuses the factor %s, saying why',
    (factor) => {
      expect(problemOf(() => multiply(tl(1), factor))).toEqual({
        status: 422,
        code: 'invalid-amount',
        detail: {
          en: `Can multiply money only by a whole number, not ${factor}.`,
          tr: `Para yalnızca tam sayıyla çarpılabilir, ${factor} ile değil.`,
        },
      });
    },
  );

  it('refuses a product beyond whole minor units it can hold', () => {
    expect(problemOf(() => multiply(tl(2 ** 52), 2)).code).toBe('invalid-amount');
  });
});

describe('dividing', () => {
  it('refuses to divide by zero rather than answer a number', () => {
    expect(() => roundedDivide(1n, 0n)).toThrow(new RangeError('Division by zero.'));
    expect(() => roundedDivide(0n, 0n)).toThrow(RangeError);
  });

  it('rounds a negative denominator half away from zero too', () => {
    expect(roundedDivide(5n, -2n)).toBe(-3n);
    expect(roundedDivide(4n, -2n)).toBe(-2n);
    expect(roundedDivide(0n, -3n)).toBe(0n);
    expect(roundedDivide(1n, 3n)).toBe(0n);
    expect(roundedDivide(-1n, 3n)).toBe(0n);
  });

  it('gives 0 basis points of nothing, and refuses a ratio too large to be a number', () => {
    expect(basisPoints(0n, 0n)).toBe(0);
    expect(basisPoints(3n, 4n)).toBe(7500);
    expect(problemOf(() => basisPoints(2n ** 60n, 1n))).toEqual({
      status: 422,
      code: 'invalid-amount',
      detail: { en: 'The ratio is too large.', tr: 'Oran çok büyük.' },
    });
    expect(problemOf(() => percentOf(tl(Number.MAX_SAFE_INTEGER), 20_000)).detail).toEqual({
      en: 'The amount is too large.',
      tr: 'Tutar çok büyük.',
    });
  });
});

describe('what each money refusal says', () => {
  it('names an unknown currency in both languages', () => {
    expect(problemOf(() => minorUnits('XYZ'))).toEqual({
      status: 422,
      code: 'unknown-currency',
      detail: { en: '"XYZ" is not an ISO-4217 currency code.', tr: '"XYZ" bir ISO-4217 para birimi kodu değil.' },
    });
  });

  it('names a fraction of a minor unit', () => {
    expect(problemOf(() => tl(1.5))).toEqual({
      status: 422,
      code: 'invalid-amount',
      detail: {
        en: '1.5 is not a whole number of TRY minor units.',
        tr: '1.5, tam sayı bir TRY alt birim tutarı değil.',
      },
    });
  });

  it('names both currencies that cannot be combined', () => {
    const mismatch = {
      status: 422,
      code: 'currency-mismatch',
      detail: { en: 'Cannot combine EUR with TRY.', tr: 'EUR ile TRY birlikte kullanılamaz.' },
    };
    expect(problemOf(() => add(tl(1), money(1, 'EUR')))).toEqual(mismatch);
    expect(problemOf(() => subtract(tl(1), money(1, 'EUR')))).toEqual(mismatch);
  });

  it('says how to write an amount and a percentage, and what is too precise or too large', () => {
    expect(problemOf(() => parseDecimalToMinor('1.234,56', 'TRY')).detail).toEqual({
      en: '"1.234,56" is not a plain decimal: write amounts like 1234.56, with no thousands separators.',
      tr: '"1.234,56" düz bir ondalık sayı değil: tutarları 1234.56 gibi, binlik ayırıcı olmadan yazın.',
    });
    expect(problemOf(() => parsePercent('%5')).detail).toEqual({
      en: '"%5" is not a plain decimal: write percentages like 1234.56, with no thousands separators.',
      tr: '"%5" düz bir ondalık sayı değil: yüzdeleri 1234.56 gibi, binlik ayırıcı olmadan yazın.',
    });
    expect(problemOf(() => parseDecimalToMinor('1.005', 'TRY')).detail).toEqual({
      en: '"1.005" has more than 2 decimals.',
      tr: '"1.005" içinde 2 basamaktan fazla ondalık var.',
    });
    expect(problemOf(() => parseDecimalToMinor('99999999999999999', 'JPY')).detail).toEqual({
      en: '"99999999999999999" is too large.',
      tr: '"99999999999999999" çok büyük.',
    });
    // Trailing zeros beyond the scale are the same amount, not more precision.
    expect(parseDecimalToMinor('1.2300', 'TRY')).toBe(123);
  });

  it('says what a rate should look like', () => {
    expect(problemOf(() => convert(tl(1), '0', 'EUR'))).toEqual({
      status: 422,
      code: 'invalid-amount',
      detail: {
        en: '"0" is not a rate above zero like 34.5612.',
        tr: '"0", 34.5612 gibi sıfırdan büyük bir kur değil.',
      },
    });
    expect(problemOf(() => convert(tl(1), '1', 'EUR', '-2')).detail).toEqual({
      en: '"-2" is not a rate above zero like 34.5612.',
      tr: '"-2", 34.5612 gibi sıfırdan büyük bir kur değil.',
    });
    expect(problemOf(() => convert(tl(Number.MAX_SAFE_INTEGER), '1000', 'TRY')).detail).toEqual({
      en: 'The converted amount is too large.',
      tr: 'Çevrilen tutar çok büyük.',
    });
  });

  it('gives schema messages in both languages', () => {
    const said = (schema: typeof rateSchema, value: string, language: 'en' | 'tr') =>
      schema.safeParse(value, { error: fieldMessages(language) }).error?.issues.map((i) => i.message);
    expect(said(rateSchema, '34,5', 'en')).toEqual(['Write a rate like 34.5612.']);
    expect(said(rateSchema, '34,5', 'tr')).toEqual(['34.5612 gibi bir kur yazın.']);
    expect(said(rateSchema, '0.00', 'en')).toEqual(['A rate must be above zero.']);
    expect(said(rateSchema, '0.00', 'tr')).toEqual(['Kur sıfırdan büyük olmalı.']);
    expect(said(rateSchema, '1.5.2', 'en')).toEqual(['Write a rate like 34.5612.']);
    expect(said(rateSchema, 'x12', 'en')).toEqual(['Write a rate like 34.5612.']);
    expect(said(currencySchema, 'LIRA', 'en')).toEqual(['Not an ISO-4217 currency code.']);
    expect(said(currencySchema, 'LIRA', 'tr')).toEqual(['ISO-4217 para birimi kodu değil.']);
  });
});

describe('what the money schemas accept', () => {
  it('takes an ISO-4217 code and a whole amount of it, naming the field that is not', () => {
    expect(issuesOf(currencySchema, 'TRY')).toEqual([]);
    expect(issuesOf(moneySchema, { amount: -1250, currency: 'EUR' })).toEqual([]);
    expect(issuesOf(moneySchema, { amount: 12.5, currency: 'EUR' })).toEqual([['amount', 'invalid_type']]);
    expect(issuesOf(moneySchema, { amount: 1250, currency: 'LIRA' })).toEqual([['currency', 'custom']]);
    expect(issuesOf(moneySchema, { currency: 'TRY' })).toEqual([['amount', 'invalid_type']]);
  });

  it('knows currencies whose minor unit has three decimals', () => {
    // Kuwaiti dinar: 1 KWD is 1000 fils.
    expect(minorUnits('KWD')).toBe(3);
    expect(parseDecimalToMinor('1.005', 'KWD')).toBe(1005);
  });
});
