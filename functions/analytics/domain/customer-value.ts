// A customer's value, kept as orders are delivered and returned: one figures item per Istanbul
// calendar year, changed by one order at a time. Revenue is in TRY at each order's date rate (and per
// currency as charged); the days map keeps revenue per Istanbul day so that windows that do not
// follow the calendar year (the last 12 months, this year to date) need no order read again.
import { addMonths } from '../../../shared/time.js';
import type { PurchaseLine } from './purchases.js';
import type { Segment } from './segments.js';

export type ValueTransition = 'delivered' | 'returned';

/** What the figures take from an order: its date, its total as charged, and that total in TRY. */
export interface OrderValue {
  orderId: string;
  customerId: string;
  /** The Istanbul date the order was placed, `2026-03-14`: its year item and its day. */
  orderDate: string;
  currency: string;
  /** The total as charged, in the currency's minor units. */
  amount: number;
  /** The total in TRY minor units at the order date's rate; absent when no rate was known. */
  amountTry?: number;
  /** Its lines by category in TRY, when known: what segments by what people buy count. */
  lines?: PurchaseLine[];
}

export interface YearFigures {
  customerId: string;
  /** `2026`. */
  year: string;
  /** TRY minor units, returns subtracted. */
  revenueTry: number;
  /** Minor units per currency as charged, returns subtracted. */
  byCurrency: Record<string, number>;
  /** Delivered orders not returned. */
  orders: number;
  returns: number;
  /** Orders counted without a TRY figure: in `byCurrency`, not in `revenueTry`. */
  withoutTry: number;
  /** Istanbul dates of the first and last delivered order placed in the year (a return keeps them). */
  firstOrderDate: string;
  lastOrderDate: string;
  /** TRY minor units per Istanbul day of the year, `MM-DD` → amount. */
  days: Record<string, number>;
  /** The segment the nightly job last gave the customer, kept here so that it need not read the profile. */
  segment?: Segment;
  /** The stale-write token of the figures item (the nightly job's segment write counts too). */
  seq: number;
}

/** The figures after one order's transition: delivered adds it, returned takes it off again. */
export const applyOrder = (
  before: YearFigures | undefined,
  order: OrderValue,
  transition: ValueTransition,
): YearFigures => {
  const sign = transition === 'delivered' ? 1 : -1;
  const year = order.orderDate.slice(0, 4);
  const day = order.orderDate.slice(5);
  const figures: YearFigures = before
    ? { ...before, byCurrency: { ...before.byCurrency }, days: { ...before.days } }
    : {
        customerId: order.customerId,
        year,
        revenueTry: 0,
        byCurrency: {},
        orders: 0,
        returns: 0,
        withoutTry: 0,
        firstOrderDate: order.orderDate,
        lastOrderDate: order.orderDate,
        days: {},
        seq: 0,
      };
  const amountTry = order.amountTry ?? 0;
  figures.revenueTry += sign * amountTry;
  figures.byCurrency[order.currency] = (figures.byCurrency[order.currency] ?? 0) + sign * order.amount;
  figures.days[day] = (figures.days[day] ?? 0) + sign * amountTry;
  if (order.amountTry === undefined) figures.withoutTry += sign;
  if (sign > 0) {
    figures.orders++;
    if (order.orderDate < figures.firstOrderDate) figures.firstOrderDate = order.orderDate;
    if (order.orderDate > figures.lastOrderDate) figures.lastOrderDate = order.orderDate;
  } else {
    figures.orders--;
    figures.returns++;
  }
  figures.seq++;
  return figures;
};

/** Revenue in TRY on the Istanbul days `from`..`to` (inclusive dates) over a customer's year figures. */
export const revenueBetween = (years: readonly YearFigures[], from: string, to: string) => {
  let total = 0;
  for (const figures of years) {
    for (const [day, amount] of Object.entries(figures.days)) {
      const date = `${figures.year}-${day}`;
      if (date >= from && date <= to) total += amount;
    }
  }
  return total;
};

/** The last 12 months as of `today`: after the same date a year ago, through today. */
export const last12Months = (today: string) => ({ from: nextDay(addMonths(today, -12)), to: today });

/** This year to date, and the same days last year (29 February falls back to the 28th). */
export const yearToDate = (today: string) => ({
  thisYear: { from: `${today.slice(0, 4)}-01-01`, to: today },
  lastYear: { from: `${Number(today.slice(0, 4)) - 1}-01-01`, to: addMonths(today, -12) },
});

const nextDay = (date: string) => new Date(Date.parse(`${date}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

/** The customer's figures by id, from year items of several years. */
export const byCustomer = (items: readonly YearFigures[]) => {
  const customers = new Map<string, YearFigures[]>();
  for (const figures of items)
    customers.set(figures.customerId, [...(customers.get(figures.customerId) ?? []), figures]);
  return customers;
};
