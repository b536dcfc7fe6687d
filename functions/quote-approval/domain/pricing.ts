// A quote's arithmetic. Each line is rounded to the minor unit on its own (discount, then tax on the
// discounted net), and every total is the sum of the rounded lines, so the lines printed on the
// quote always add up to its totals, as on an invoice.
import { basisPoints, type Money, multiply, percentOf, subtract, sum } from '../../../shared/money.js';
import { ValidationError } from '../../../shared/problems.js';

export interface PricingLine {
  sku: string;
  /** Whole units of the product's `unit` (adet, saat, ay); a fractional quantity needs a smaller unit. */
  quantity: number;
  unitPrice: Money;
  discountBp: number;
  taxRateBp: number;
  /**
   * Already in the quote's currency: the caller converts the product's cost with `convertOn` at the
   * quote date, so pricing never needs rates and a cost in another currency is refused, not guessed.
   */
  unitCost: Money;
}

export interface PricedLine {
  sku: string;
  quantity: number;
  gross: Money;
  /** Every discount on the line: its own, then its share of the quote's (`quoteDiscount`, included here). */
  discount: Money;
  /** The quote discount's share of this line, after the line's own discount (only on a quote that has one). */
  quoteDiscount?: Money;
  net: Money;
  taxRateBp: number;
  tax: Money;
  total: Money;
  cost: Money;
  margin: Money;
  /** Margin as a share of net; 0 on a line with no net. */
  marginBp: number;
}

export interface QuoteTotals {
  subtotal: Money;
  discountTotal: Money;
  netTotal: Money;
  taxTotal: Money;
  grandTotal: Money;
  costTotal: Money;
  margin: Money;
  marginBp: number;
  /** Overall discount: discountTotal as a share of subtotal. */
  discountBp: number;
  /** The quote discount's part of discountTotal (only on a quote that has one). */
  quoteDiscountTotal?: Money;
  maxLineDiscountBp: number;
  /** KDV per rate, as the quote and the later invoice print it. */
  taxByRate: { taxRateBp: number; base: Money; tax: Money }[];
}

export interface PricedQuote {
  currency: string;
  lines: PricedLine[];
  totals: QuoteTotals;
}

const isShare = (bp: number) => Number.isInteger(bp) && bp >= 0 && bp <= 10_000;

const inBasisPoints = { en: 'Between 0 and 10000 basis points.', tr: '0 ile 10000 baz puan arasında.' };

const checkLine = (line: PricingLine, i: number) => {
  const problems = [
    {
      path: 'quantity',
      ok: Number.isSafeInteger(line.quantity) && line.quantity > 0,
      message: { en: 'A whole number above 0.', tr: '0’dan büyük bir tam sayı.' },
    },
    { path: 'discountBp', ok: isShare(line.discountBp), message: inBasisPoints },
    { path: 'taxRateBp', ok: isShare(line.taxRateBp), message: inBasisPoints },
  ].filter((p) => !p.ok);
  if (problems.length > 0) {
    throw new ValidationError(problems.map((p) => ({ path: `lines.${i}.${p.path}`, message: p.message })));
  }
};

/**
 * A line's figures. A quote discount is taken from each line after the line's own discount, each
 * line rounded on its own, so KDV is on what the customer really pays and the lines add up to the totals.
 */
const priceLine = (line: PricingLine, quoteDiscountBp: number): PricedLine => {
  const gross = multiply(line.unitPrice, line.quantity);
  const own = percentOf(gross, line.discountBp);
  const quoteDiscount = percentOf(subtract(gross, own), quoteDiscountBp);
  const discount = sum([own, quoteDiscount], gross.currency);
  const net = subtract(gross, discount);
  const tax = percentOf(net, line.taxRateBp);
  const cost = multiply(line.unitCost, line.quantity);
  const margin = subtract(net, cost);
  return {
    sku: line.sku,
    quantity: line.quantity,
    gross,
    discount,
    // Only a quote with a quote discount carries its parts: earlier quotes read as they were priced.
    ...(quoteDiscountBp ? { quoteDiscount } : {}),
    net,
    taxRateBp: line.taxRateBp,
    tax,
    total: sum([net, tax], net.currency),
    cost,
    margin,
    marginBp: basisPoints(margin.amount, net.amount),
  };
};

type Summed = 'gross' | 'discount' | 'quoteDiscount' | 'net' | 'tax' | 'total' | 'cost' | 'margin';

export const priceQuote = ({
  lines,
  currency,
  quoteDiscountBp = 0,
}: {
  lines: readonly PricingLine[];
  currency: string;
  /** A discount on the whole quote, in basis points, on top of each line's own. */
  quoteDiscountBp?: number;
}): PricedQuote => {
  lines.forEach(checkLine);
  if (!isShare(quoteDiscountBp)) throw new ValidationError([{ path: 'quoteDiscountBp', message: inBasisPoints }]);
  const priced = lines.map((line) => priceLine(line, quoteDiscountBp));
  const total = (field: Summed, of = priced) =>
    sum(
      of.map((line) => line[field] ?? { amount: 0, currency }),
      currency,
    );
  const [subtotal, discountTotal, netTotal, margin] = [
    total('gross'),
    total('discount'),
    total('net'),
    total('margin'),
  ];
  const rates = [...new Set(priced.map((line) => line.taxRateBp))].sort((a, b) => b - a);
  return {
    currency,
    lines: priced,
    totals: {
      subtotal,
      discountTotal,
      netTotal,
      taxTotal: total('tax'),
      grandTotal: total('total'),
      costTotal: total('cost'),
      margin,
      marginBp: basisPoints(margin.amount, netTotal.amount),
      discountBp: basisPoints(discountTotal.amount, subtotal.amount),
      ...(quoteDiscountBp ? { quoteDiscountTotal: total('quoteDiscount') } : {}),
      maxLineDiscountBp: Math.max(0, ...lines.map((line) => line.discountBp)),
      taxByRate: rates.map((taxRateBp) => {
        const atRate = priced.filter((line) => line.taxRateBp === taxRateBp);
        return { taxRateBp, base: total('net', atRate), tax: total('tax', atRate) };
      }),
    },
  };
};
