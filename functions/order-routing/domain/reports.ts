// Order reports as plain functions over orders the caller has read: open orders by unit and age,
// the follow-up list of orders past their requested date, revenue by period in each currency and
// in TRY; and the columns of each as CSV.
import { type CsvColumn, fieldColumns } from '../../../shared/csv.js';
import { basisPoints, type Money, money } from '../../../shared/money.js';
import { DAY_MS, istanbulDate, istanbulMonth } from '../../../shared/time.js';
import type { OrderStatus } from './lifecycle.js';

/** What the reports read of an order. */
export interface ReportOrder {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  unitId?: string;
  currency: string;
  /** From a quote also the net, the cost and the margin as quoted. */
  totals: { grandTotal: Money; netTotal?: Money; costTotal?: Money; margin?: Money };
  grandTotalTry?: Money;
  requestedDate?: string;
  createdAt: string;
}

export const ageBuckets = ['under1d', 'd1to3', 'd3to7', 'over7d'] as const;
type AgeBucket = (typeof ageBuckets)[number];

const bucketOf = (ageMs: number): AgeBucket =>
  ageMs < DAY_MS ? 'under1d' : ageMs < 3 * DAY_MS ? 'd1to3' : ageMs < 7 * DAY_MS ? 'd3to7' : 'over7d';

export interface OpenByUnit extends Record<AgeBucket, number> {
  unitId: string;
  open: number;
  oldestCreatedAt: string;
}

/** Per unit (`unrouted` for orders not routed yet): how many open, by age since they came in. */
export const openByUnit = (orders: readonly ReportOrder[], now: Date): OpenByUnit[] => {
  const rows = new Map<string, OpenByUnit>();
  for (const order of orders) {
    const unitId = order.unitId ?? 'unrouted';
    const row = rows.get(unitId) ?? {
      unitId,
      open: 0,
      oldestCreatedAt: order.createdAt,
      under1d: 0,
      d1to3: 0,
      d3to7: 0,
      over7d: 0,
    };
    row.open++;
    row[bucketOf(now.getTime() - Date.parse(order.createdAt))]++;
    if (order.createdAt < row.oldestCreatedAt) row.oldestCreatedAt = order.createdAt;
    rows.set(unitId, row);
  }
  return [...rows.values()].sort((a, b) => b.open - a.open || a.unitId.localeCompare(b.unitId));
};

export interface OverdueOrder {
  orderId: string;
  customerId: string;
  unitId?: string;
  status: OrderStatus;
  requestedDate: string;
  daysLate: number;
  grandTotal: Money;
}

/** Open orders whose requested date (an Istanbul day) has passed, the latest first. */
export const overdue = (orders: readonly ReportOrder[], now: Date): OverdueOrder[] => {
  const today = istanbulDate(now);
  return orders
    .filter(
      (o): o is ReportOrder & { requestedDate: string } => o.requestedDate !== undefined && o.requestedDate < today,
    )
    .map((o) => ({
      orderId: o.orderId,
      customerId: o.customerId,
      unitId: o.unitId,
      status: o.status,
      requestedDate: o.requestedDate,
      daysLate: Math.round((Date.parse(today) - Date.parse(o.requestedDate)) / DAY_MS),
      grandTotal: o.totals.grandTotal,
    }))
    .sort((a, b) => b.daysLate - a.daysLate || a.orderId.localeCompare(b.orderId));
};

export type Period = 'month' | 'quarter' | 'year';

/** `2026-03`, `2026-Q1` or `2026`: the Istanbul period an instant falls in. */
export const periodOf = (instant: string, period: Period) => {
  const month = istanbulMonth(instant);
  if (period === 'month') return month;
  if (period === 'year') return month.slice(0, 4);
  return `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;
};

export interface RevenueRow {
  period: string;
  currency: string;
  orders: number;
  total: number;
  /** The same orders in TRY at each order's rate; orders without one are counted in `withoutTry`. */
  totalTry: number;
  withoutTry: number;
}

/**
 * One row per period and currency over the orders that count (not cancelled, not returned): `blank`
 * starts a row, `add` adds an order to it.
 */
const perPeriodAndCurrency = <R extends { period: string; currency: string }>(
  orders: readonly ReportOrder[],
  period: Period,
  blank: (period: string, currency: string) => R,
  add: (row: R, order: ReportOrder) => void,
): R[] => {
  const rows = new Map<string, R>();
  for (const order of orders) {
    if (order.status === 'cancelled' || order.status === 'returned') continue;
    const at = periodOf(order.createdAt, period);
    const key = `${at}|${order.currency}`;
    const row = rows.get(key) ?? blank(at, order.currency);
    add(row, order);
    rows.set(key, row);
  }
  return [...rows.values()].sort((a, b) => a.period.localeCompare(b.period) || a.currency.localeCompare(b.currency));
};

/** Revenue by period and currency, with the TRY equivalent. */
export const revenue = (orders: readonly ReportOrder[], period: Period): RevenueRow[] =>
  perPeriodAndCurrency<RevenueRow>(
    orders,
    period,
    (at, currency) => ({ period: at, currency, orders: 0, total: 0, totalTry: 0, withoutTry: 0 }),
    (row, order) => {
      row.orders++;
      row.total += order.totals.grandTotal.amount;
      if (order.grandTotalTry) row.totalTry += order.grandTotalTry.amount;
      else row.withoutTry++;
    },
  );

export interface ProfitRow {
  period: string;
  currency: string;
  /** Orders whose cost is known (made from a quote). */
  orders: number;
  net: number;
  cost: number;
  margin: number;
  marginBp: number;
  /** Orders in the period without a cost (from a shop or an ERP): not in the figures. */
  withoutCost: number;
}

/** Order profitability by period and currency, from the cost and margin of the quote each came from. */
export const profitability = (orders: readonly ReportOrder[], period: Period): ProfitRow[] =>
  perPeriodAndCurrency<ProfitRow>(
    orders,
    period,
    (at, currency) => ({ period: at, currency, orders: 0, net: 0, cost: 0, margin: 0, marginBp: 0, withoutCost: 0 }),
    (row, order) => {
      const { netTotal, costTotal, margin } = order.totals;
      if (!netTotal || !costTotal || !margin) {
        row.withoutCost++;
        return;
      }
      row.orders++;
      row.net += netTotal.amount;
      row.cost += costTotal.amount;
      row.margin += margin.amount;
      row.marginBp = basisPoints(row.margin, row.net);
    },
  );

/** The reports as CSV columns: amounts in decimal units beside their currency (the TRY equivalent beside its own). */
const amount = <R extends { currency: string }>(header: string, of: (row: R) => number): CsvColumn<R> => ({
  header,
  cell: (row) => money(of(row), row.currency),
});

export const openColumns: CsvColumn<OpenByUnit>[] = fieldColumns<OpenByUnit>([
  'unitId',
  'open',
  ...ageBuckets,
  'oldestCreatedAt',
]);

export const overdueColumns: CsvColumn<OverdueOrder>[] = [
  ...fieldColumns<OverdueOrder>(['orderId', 'customerId', 'unitId', 'status', 'requestedDate', 'daysLate']),
  { header: 'currency', cell: (row) => row.grandTotal.currency },
  { header: 'amount', cell: (row) => row.grandTotal },
];

export const revenueColumns: CsvColumn<RevenueRow>[] = [
  ...fieldColumns<RevenueRow>(['period', 'currency', 'orders']),
  amount<RevenueRow>('total', (row) => row.total),
  { header: 'totalTry', cell: (row) => money(row.totalTry, 'TRY') },
  { header: 'totalTryCurrency', cell: () => 'TRY' },
  ...fieldColumns<RevenueRow>(['withoutTry']),
];

export const profitColumns: CsvColumn<ProfitRow>[] = [
  ...fieldColumns<ProfitRow>(['period', 'currency', 'orders']),
  amount<ProfitRow>('net', (row) => row.net),
  amount<ProfitRow>('cost', (row) => row.cost),
  amount<ProfitRow>('margin', (row) => row.margin),
  ...fieldColumns<ProfitRow>(['marginBp', 'withoutCost']),
];
