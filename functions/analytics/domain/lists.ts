// The target lists the analysts ask for, as plain rules over customers' year figures. Dates are
// Istanbul calendar dates; `today` is the day the list is made.
import { addMonths } from '../../../shared/time.js';
import { revenueBetween, type YearFigures, yearToDate } from './customer-value.js';

export interface TopCustomer {
  customerId: string;
  revenueTry: number;
  orders: number;
  rank: number;
}

/**
 * The top share (5 % by default) of last calendar year's buyers by their revenue that year: the
 * first ⌈share × buyers⌉, and whoever ties with the last of them. Buyers are those with revenue.
 */
export const topCustomers = (lastYear: readonly YearFigures[], shareBp = 500): TopCustomer[] => {
  const ranked = lastYear
    .filter((f) => f.revenueTry > 0)
    .sort((a, b) => b.revenueTry - a.revenueTry || a.customerId.localeCompare(b.customerId));
  if (!ranked.length) return [];
  const cut = ranked[Math.ceil((ranked.length * shareBp) / 10_000) - 1]!.revenueTry;
  return ranked
    .filter((f) => f.revenueTry >= cut)
    .map((f, i) => ({ customerId: f.customerId, revenueTry: f.revenueTry, orders: f.orders, rank: i + 1 }));
};

export interface LapsedCustomer {
  customerId: string;
  lastOrderDate: string;
  /** Whole months since, counted by calendar date. */
  monthsSince: number;
}

const wholeMonthsBetween = (from: string, to: string) => {
  let months = 0;
  while (addMonths(from, months + 1) <= to) months++;
  return months;
};

/** Buyers whose last order was placed 12 months ago or longer: on or before the same date a year ago. */
export const lapsedCustomers = (
  customers: ReadonlyMap<string, readonly YearFigures[]>,
  today: string,
): LapsedCustomer[] => {
  const line = addMonths(today, -12);
  const rows: LapsedCustomer[] = [];
  for (const [customerId, years] of customers) {
    const lastOrderDate = years
      .filter((f) => f.orders > 0)
      .reduce((last, f) => (f.lastOrderDate > last ? f.lastOrderDate : last), '');
    if (lastOrderDate && lastOrderDate <= line)
      rows.push({ customerId, lastOrderDate, monthsSince: wholeMonthsBetween(lastOrderDate, today) });
  }
  return rows.sort(
    (a, b) => a.lastOrderDate.localeCompare(b.lastOrderDate) || a.customerId.localeCompare(b.customerId),
  );
};

export interface DecliningCustomer {
  customerId: string;
  /** TRY minor units from 1 January to today. */
  thisYearTry: number;
  /** TRY minor units from 1 January last year to the same day last year. */
  lastYearTry: number;
  changeTry: number;
}

/** Customers who ordered less this year to date than in the same days of last year, biggest drop first. */
export const decliningCustomers = (
  customers: ReadonlyMap<string, readonly YearFigures[]>,
  today: string,
): DecliningCustomer[] => {
  const { thisYear, lastYear } = yearToDate(today);
  const rows: DecliningCustomer[] = [];
  for (const [customerId, years] of customers) {
    const thisYearTry = revenueBetween(years, thisYear.from, thisYear.to);
    const lastYearTry = revenueBetween(years, lastYear.from, lastYear.to);
    if (thisYearTry < lastYearTry)
      rows.push({ customerId, thisYearTry, lastYearTry, changeTry: thisYearTry - lastYearTry });
  }
  return rows.sort((a, b) => a.changeTry - b.changeTry || a.customerId.localeCompare(b.customerId));
};
