// "Buys less than before": a customer whose spend (or order count) in the latest whole period is at
// least X % below their own average over the N periods before it. Read from the same monthly
// purchase figures as the other purchase conditions, so it costs nothing more per buyer.
// Periods are whole Istanbul months ending with the month before the one the segment is evaluated
// in (a month under way would make everyone look as if they buy less).
import { nameKey } from '../../../shared/customer.js';

/** One month's orders and amount of a category. */
export type MonthTallies = ReadonlyMap<string, { orders: number; amountTry: number }>;
/** Category key (folded) → `YYYY-MM` → the month's orders and amount (analytics' purchase figures). */
export type PurchaseHistory = ReadonlyMap<string, MonthTallies>;

export interface BuysLessCondition {
  kind: 'buys-less';
  /** What is compared: the TRY amount (default) or the number of orders (which needs a category). */
  measure?: 'amount' | 'orders';
  /** The category compared, folded; absent, everything the customer bought. */
  category?: string;
  /** A period's length in months (default 3). */
  periodMonths?: number;
  /** How many periods before the latest one make the average (default 4). */
  periods?: number;
  /** How many percent below the average the latest period is at least (default 30). */
  dropPercent?: number;
}

export const buysLessDefaults = { measure: 'amount', periodMonths: 3, periods: 4, dropPercent: 30 } as const;

/** `YYYY-MM` moved by `months`. */
export const shiftMonth = (month: string, months: number) => {
  const index = Number(month.slice(0, 4)) * 12 + Number(month.slice(5, 7)) - 1 + months;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
};

export interface MonthRange {
  from: string;
  to: string;
}

/** The latest whole period before `month` (the month of evaluation) and the earlier ones, newest first. */
export const buysLessPeriods = (condition: BuysLessCondition, month: string) => {
  const length = condition.periodMonths ?? buysLessDefaults.periodMonths;
  const count = condition.periods ?? buysLessDefaults.periods;
  const period = (back: number): MonthRange => ({
    from: shiftMonth(month, -length * back),
    to: shiftMonth(month, -length * (back - 1) - 1),
  });
  return { current: period(1), earlier: Array.from({ length: count }, (_, i) => period(i + 2)) };
};

/** The first and last month the condition reads: the purchase figures' years to load. */
export const buysLessSpan = (condition: BuysLessCondition, month: string): MonthRange => {
  const { current, earlier } = buysLessPeriods(condition, month);
  return { from: earlier.at(-1)!.from, to: current.to };
};

const measured = (condition: BuysLessCondition, history: PurchaseHistory | undefined, range: MonthRange) => {
  const field = condition.measure === 'orders' ? 'orders' : 'amountTry';
  const categories = condition.category ? [history?.get(nameKey(condition.category))] : [...(history?.values() ?? [])];
  let total = 0;
  for (const months of categories)
    for (const [month, tally] of months ?? []) if (month >= range.from && month <= range.to) total += tally[field];
  return total;
};

/** The first month the customer bought anything in the history read, or undefined. */
const firstPurchase = (history: PurchaseHistory | undefined) => {
  let first: string | undefined;
  for (const months of history?.values() ?? [])
    for (const [month, tally] of months) if (tally.orders > 0 && (!first || month < first)) first = month;
  return first;
};

/**
 * Whether the condition holds. Only the earlier periods the customer was there for from their first
 * month count: `since` is the month they became a customer (their record's creation) or their first
 * purchase, whichever is earlier. No such period, or nothing bought in them, is no decline.
 * Exactly X % less holds.
 */
export const buysLess = (
  condition: BuysLessCondition,
  history: PurchaseHistory | undefined,
  month: string,
  createdMonth?: string,
): boolean => {
  const { current, earlier } = buysLessPeriods(condition, month);
  const first = firstPurchase(history);
  const since = [createdMonth, first].filter((m): m is string => Boolean(m)).sort()[0];
  if (!since) return false;
  const counted = earlier.filter((period) => period.from >= since);
  // No whole period since they came sums to nothing: no decline either.
  const before = counted.reduce((sum, period) => sum + measured(condition, history, period), 0);
  if (before <= 0) return false;
  const now = measured(condition, history, current);
  const drop = condition.dropPercent ?? buysLessDefaults.dropPercent;
  // now ≤ (before ÷ counted) × (100 − drop) ÷ 100, in integers.
  return now * 100 * counted.length <= before * (100 - drop);
};
