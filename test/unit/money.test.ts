import { describe, expect, it } from 'vitest';
import {
  add,
  basisPoints,
  CurrencyMismatchError,
  convert,
  currencySchema,
  formatMoney,
  formatPercent,
  InvalidAmountError,
  minorToDecimal,
  minorUnits,
  money,
  multiply,
  parseDecimalToMinor,
  parsePercent,
  percentOf,
  percentToDecimal,
  rateSchema,
  roundedDivide,
  subtract,
  sum,
  UnknownCurrencyError,
} from '../../shared/money.js';

const try_ = (amount: number) => money(amount, 'TRY');

describe('money', () => {
  it('knows each currency’s minor unit', () => {
    expect(minorUnits('TRY')).toBe(2);
    expect(minorUnits('EUR')).toBe(2);
    expect(minorUnits('USD')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(() => minorUnits('XYZ')).toThrow(UnknownCurrencyError);
    expect(currencySchema.safeParse('try').success).toBe(false);
  });

  it('holds only whole minor units', () => {
    expect(try_(123456)).toEqual({ amount: 123456, currency: 'TRY' });
    expect(() => try_(1.5)).toThrow(InvalidAmountError);
    expect(() => try_(Number.MAX_SAFE_INTEGER + 1)).toThrow(InvalidAmountError);
    expect(() => money(1, 'LIRA')).toThrow(UnknownCurrencyError);
  });

  it('adds, subtracts and sums within one currency only', () => {
    expect(add(try_(150), try_(275))).toEqual(try_(425));
    expect(subtract(try_(150), try_(275))).toEqual(try_(-125));
    expect(sum([try_(1), try_(2), try_(3)], 'TRY')).toEqual(try_(6));
    expect(sum([], 'EUR')).toEqual(money(0, 'EUR'));
    expect(() => add(try_(1), money(1, 'EUR'))).toThrow(CurrencyMismatchError);
    expect(() => sum([money(1, 'EUR')], 'TRY')).toThrow(CurrencyMismatchError);
    expect(multiply(try_(1999), 3)).toEqual(try_(5997));
    expect(() => multiply(try_(1), 0.5)).toThrow(InvalidAmountError);
    expect(() => add(try_(Number.MAX_SAFE_INTEGER), try_(1))).toThrow(InvalidAmountError);
  });

  it('rounds half up, away from zero, and only there', () => {
    expect(roundedDivide(5n, 2n)).toBe(3n);
    expect(roundedDivide(-5n, 2n)).toBe(-3n);
    expect(roundedDivide(7n, 3n)).toBe(2n);
    expect(roundedDivide(-7n, -2n)).toBe(4n);
    // 12.5% of 1.00 is exactly 0.125: half a kuruş rounds up.
    expect(percentOf(try_(100), 1250)).toEqual(try_(13));
    expect(percentOf(try_(-100), 1250)).toEqual(try_(-13));
    expect(percentOf(try_(100), 1249)).toEqual(try_(12));
    expect(percentOf(try_(99_999_999_999), 2000)).toEqual(try_(20_000_000_000));
    expect(percentOf(try_(Number.MAX_SAFE_INTEGER), 5000)).toEqual(try_(4_503_599_627_370_496));
    expect(basisPoints(1, 3)).toBe(3333);
    expect(basisPoints(2, 3)).toBe(6667);
    expect(basisPoints(5, 0)).toBe(0);
  });

  it('reads and writes only canonical decimals, exactly', () => {
    expect(parseDecimalToMinor('1234.56', 'TRY')).toBe(123456);
    expect(parseDecimalToMinor('1234.5', 'TRY')).toBe(123450);
    expect(parseDecimalToMinor('1234', 'TRY')).toBe(123400);
    expect(parseDecimalToMinor('-0.05', 'EUR')).toBe(-5);
    expect(parseDecimalToMinor('0.10', 'TRY')).toBe(10);
    expect(parseDecimalToMinor('1234.00', 'JPY')).toBe(1234);
    expect(parseDecimalToMinor('90071992547409.91', 'TRY')).toBe(9007199254740991);
    for (const bad of ['1.234,56', '1,234.56', '1234,56', ' 12', '+12', '12.', '.5', '1e3', '', '₺12']) {
      expect(() => parseDecimalToMinor(bad, 'TRY'), bad).toThrow(InvalidAmountError);
    }
    expect(() => parseDecimalToMinor('1234.567', 'TRY')).toThrow(/more than 2 decimals/);
    expect(() => parseDecimalToMinor('1234.5', 'JPY')).toThrow(/more than 0 decimals/);
    expect(() => parseDecimalToMinor('90071992547409.92', 'TRY')).toThrow(/too large/);
    expect(minorToDecimal(try_(123456))).toBe('1234.56');
    expect(minorToDecimal(try_(5))).toBe('0.05');
    expect(minorToDecimal(try_(-5))).toBe('-0.05');
    expect(minorToDecimal(money(1234, 'JPY'))).toBe('1234');
    for (const amount of [0, 1, -1, 10, 99, 100, 123456789, -987654321]) {
      expect(parseDecimalToMinor(minorToDecimal(try_(amount)), 'TRY')).toBe(amount);
    }
  });

  it('reads percentages into basis points', () => {
    expect(parsePercent('20')).toBe(2000);
    expect(parsePercent('1')).toBe(100);
    expect(parsePercent('0.5')).toBe(50);
    expect(parsePercent('12.25')).toBe(1225);
    expect(() => parsePercent('12.125')).toThrow(InvalidAmountError);
    expect(() => parsePercent('%20')).toThrow(InvalidAmountError);
    expect(percentToDecimal(2000)).toBe('20');
    expect(percentToDecimal(50)).toBe('0.5');
    expect(percentToDecimal(1225)).toBe('12.25');
    expect(percentToDecimal(0)).toBe('0');
    expect(percentToDecimal(1000)).toBe('10');
  });

  it('converts exactly with decimal-string rates, rounding once', () => {
    // 1 000.00 EUR at 34.5612 = 34 561.20 TRY
    expect(convert(money(100000, 'EUR'), '34.5612', 'TRY')).toEqual(try_(3456120));
    // 0.01 EUR at 34.5 is 34.5 kuruş exactly: half up to 35; a hair under rounds down
    expect(convert(money(1, 'EUR'), '34.5', 'TRY')).toEqual(try_(35));
    expect(convert(money(1, 'EUR'), '34.4999', 'TRY')).toEqual(try_(34));
    expect(convert(money(-1, 'EUR'), '34.5', 'TRY')).toEqual(try_(-35));
    // across exponents: 1 000 JPY at 0.2215 TRY/JPY = 221.50 TRY
    expect(convert(money(1000, 'JPY'), '0.2215', 'TRY')).toEqual(try_(22150));
    expect(convert(try_(22150), '1', 'JPY', '0.2215')).toEqual(money(1000, 'JPY'));
    // cross rate through TRY: 100.00 USD → EUR at 32.10 / 34.56
    expect(convert(money(10000, 'USD'), '32.10', 'EUR', '34.56')).toEqual(money(9288, 'EUR'));
    // a float would drift here: 0.1 + 0.2 style rates stay exact
    expect(convert(try_(3), '0.1', 'TRY')).toEqual(try_(0));
    expect(convert(try_(30), '0.15', 'TRY')).toEqual(try_(5));
    for (const bad of ['0', '0.000', '-1', '34,56', '', 'abc']) {
      expect(() => convert(try_(1), bad, 'EUR'), bad).toThrow(InvalidAmountError);
    }
    expect(rateSchema.safeParse('0.0001').success).toBe(true);
    expect(rateSchema.safeParse('0.0000').success).toBe(false);
  });

  it('formats for Turkish and English readers', () => {
    expect(formatMoney(try_(123456), 'tr')).toBe('₺1.234,56');
    expect(formatMoney(try_(123456), 'en')).toBe('₺1,234.56');
    expect(formatMoney(money(100050, 'EUR'), 'tr')).toBe('€1.000,50');
    expect(formatMoney(money(1234, 'JPY'), 'en')).toBe('¥1,234');
    // beyond float precision, still exact
    expect(formatMoney(try_(9007199254740991), 'en')).toBe('₺90,071,992,547,409.91');
    expect(formatPercent(1250, 'tr')).toBe('%12,5');
    expect(formatPercent(1250, 'en')).toBe('12.5%');
    expect(formatPercent(1, 'en')).toBe('0.01%');
  });
});
