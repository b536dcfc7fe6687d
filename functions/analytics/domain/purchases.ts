// What a customer bought, by category and month: one item per customer and Istanbul calendar year,
// changed by one order's delivery or return at a time (in the same transaction as the year's value
// figures and their applied marker, so a redelivered event changes nothing). Segments by what people
// buy read these instead of orders: a customer's whole buying history by category is a few hundred
// bytes, whatever the number of order lines.
import { nameKey } from '../../../shared/customer.js';

/** A line's category as the figures key it: folded, so "Beyaz Eşya" and "BEYAZ EŞYA" are one. */
export const categoryKey = (category: string | undefined) => (category?.trim() ? nameKey(category) : UNCATEGORISED);

/** Lines without a category: counted, so "bought only X" stays false for a customer who bought them. */
export const UNCATEGORISED = '-';

export interface MonthTally {
  /** Orders with at least one line of the category, returns subtracted. */
  orders: number;
  /** The category's lines in TRY minor units, KDV included as charged, returns subtracted. */
  amountTry: number;
}

export interface PurchaseFigures {
  customerId: string;
  /** `2026`. */
  year: string;
  /** Category key → `MM` → the month's tally. */
  categories: Record<string, Record<string, MonthTally>>;
  seq: number;
}

export interface PurchaseLine {
  category?: string;
  /** The line in TRY minor units (its share of the order's TRY total when charged in another currency). */
  amountTry: number;
}

/** The figures after one order's delivery (+1) or return (−1): each category it holds, counted once. */
export const applyPurchase = (
  before: PurchaseFigures | undefined,
  order: { customerId: string; orderDate: string; lines: readonly PurchaseLine[] },
  sign: 1 | -1,
): PurchaseFigures => {
  const month = order.orderDate.slice(5, 7);
  const categories: PurchaseFigures['categories'] = { ...before?.categories };
  const amounts = new Map<string, number>();
  for (const line of order.lines) {
    const key = categoryKey(line.category);
    amounts.set(key, (amounts.get(key) ?? 0) + line.amountTry);
  }
  for (const [key, amount] of amounts) {
    const months = { ...categories[key] };
    const tally = months[month] ?? { orders: 0, amountTry: 0 };
    months[month] = { orders: tally.orders + sign, amountTry: tally.amountTry + sign * amount };
    categories[key] = months;
  }
  return {
    customerId: order.customerId,
    year: order.orderDate.slice(0, 4),
    categories,
    seq: (before?.seq ?? 0) + 1,
  };
};

/** Category key → `YYYY-MM` → tally, over several years' items of one customer. */
export type PurchaseHistory = Map<string, Map<string, MonthTally>>;

/** Merges year items into each customer's history. */
export const historiesOf = (items: Iterable<PurchaseFigures>) => {
  const histories = new Map<string, PurchaseHistory>();
  for (const figures of items) {
    const history = histories.get(figures.customerId) ?? new Map<string, Map<string, MonthTally>>();
    for (const [category, months] of Object.entries(figures.categories)) {
      const byMonth = history.get(category) ?? new Map<string, MonthTally>();
      for (const [month, tally] of Object.entries(months)) byMonth.set(`${figures.year}-${month}`, tally);
      history.set(category, byMonth);
    }
    histories.set(figures.customerId, history);
  }
  return histories;
};

/**
 * An order's lines in TRY: as charged for a TRY order, else at the rate its total was converted at
 * (`totalTry` ÷ `total`); without a TRY total the lines count as orders with no amount.
 */
export const linesInTry = (
  lines: readonly { category?: string; amount: number }[],
  currency: string,
  total: number,
  totalTry: number | undefined,
): PurchaseLine[] =>
  lines.map((line) => ({
    category: line.category,
    amountTry:
      currency === 'TRY'
        ? line.amount
        : totalTry === undefined || total === 0
          ? 0
          : Math.round((line.amount * totalTry) / total),
  }));
