// A segment is a saved filter over customer attributes. This is its predicate: pure, so the same
// rule decides a preview's count and a run's recipients, and it is tested without a table.
// Text attributes match without regard to case or Turkish letters ("İzmir" = "izmir" = "IZMIR").
import { nameKey } from '../../../shared/customer.js';
import type { Language } from '../../../shared/language.js';
import { istanbulDate, istanbulMonth } from '../../../shared/time.js';
import {
  type BuysLessCondition,
  buysLess,
  buysLessSpan,
  type MonthTallies,
  type PurchaseHistory,
} from './buying-less.js';

export type { BuysLessCondition, PurchaseHistory } from './buying-less.js';

export const valueSegments = ['A', 'B', 'C'] as const;
export type ValueSegment = (typeof valueSegments)[number];

/**
 * A condition on what the customer bought, over whole Istanbul months `from`..`to` (inclusive):
 * `bought` the category at least `minOrders` times (default 1) for at least `minAmount` (TRY minor
 * units, KDV included); `not-bought` it at all; `only` bought it (as `bought`) and nothing of any
 * other category — a customer who buys that here and the rest elsewhere. Returns are taken off.
 */
export interface LineCondition {
  kind: (typeof purchaseKinds)[number];
  category: string;
  /** `YYYY-MM`. */
  from: string;
  to: string;
  minOrders?: number;
  minAmount?: number;
}
export const purchaseKinds = ['bought', 'not-bought', 'only'] as const;

/** A condition on the order lines: over a fixed period, or buying less than before (relative to today). */
export type PurchaseCondition = LineCondition | BuysLessCondition;

export interface SegmentFilter {
  sectors?: string[];
  regions?: string[];
  cities?: string[];
  languages?: Language[];
  groups?: string[];
  /** Any of these tags. */
  tags?: string[];
  valueSegments?: ValueSegment[];
  /** ISO instants; a customer who never ordered matches neither bound. */
  lastOrderBefore?: string;
  lastOrderAfter?: string;
  /** Customers any of these people (or dealers) own. */
  ownerIds?: string[];
  /** Every one of these holds. */
  purchases?: PurchaseCondition[];
}

/** What the predicate reads of a customer's directory item. */
export interface SegmentCandidate {
  email?: string;
  sector?: string;
  region?: string;
  city?: string;
  language?: string;
  group?: string;
  tags?: Iterable<string>;
  /** The customer's A/B/C value group (analytics' nightly job). */
  segment?: string;
  /** The Istanbul date of their latest delivered order (analytics). */
  lastOrderDate?: string;
  ownerIds?: Iterable<string>;
  /** What they bought; absent, nothing (read beside the directory item when the filter asks). */
  purchases?: PurchaseHistory;
  /** When the customer record was made (ISO): "buys less" counts no period before it. */
  createdAt?: string;
}

/** How a filter is evaluated: `month` (`YYYY-MM`, Istanbul) is the one "buys less" looks back from. */
export interface Evaluation {
  /** Reach people otherwise than by e-mail (letters, calls): an address is not needed. */
  anyChannel?: boolean;
  month?: string;
}

const fold = (value: string) => nameKey(value);

const oneOf = (wanted: string[] | undefined, actual: string | undefined) =>
  !wanted?.length || (actual !== undefined && wanted.some((w) => fold(w) === fold(actual)));

const anyOf = (wanted: string[] | undefined, actual: Iterable<string> | undefined) => {
  if (!wanted?.length) return true;
  const have = new Set([...(actual ?? [])].map(fold));
  return wanted.some((w) => have.has(fold(w)));
};

const tallyIn = (months: MonthTallies | undefined, from: string, to: string) => {
  const total = { orders: 0, amountTry: 0 };
  for (const [month, tally] of months ?? []) {
    if (month < from || month > to) continue;
    total.orders += tally.orders;
    total.amountTry += tally.amountTry;
  }
  return total;
};

/**
 * Whether one purchase condition holds for a customer's history; "buys less" needs the month it is
 * evaluated in and the month the customer record was made.
 */
export const purchaseHolds = (
  condition: PurchaseCondition,
  history: PurchaseHistory | undefined,
  at?: { month: string; createdMonth?: string },
): boolean => {
  if (condition.kind === 'buys-less') {
    if (!at) throw new Error('"Buys less" is evaluated in a month: none was given.');
    return buysLess(condition, history, at.month, at.createdMonth);
  }
  const { from, to } = condition;
  const key = fold(condition.category);
  const own = tallyIn(history?.get(key), from, to);
  if (condition.kind === 'not-bought') return own.orders <= 0;
  const enough = own.orders >= Math.max(1, condition.minOrders ?? 1) && own.amountTry >= (condition.minAmount ?? 0);
  if (condition.kind === 'bought' || !enough) return enough;
  return [...(history ?? [])].every(([category, months]) => category === key || tallyIn(months, from, to).orders <= 0);
};

/** The calendar years a filter's purchase conditions span, evaluated in `month`: the purchase figures to read. */
export const purchaseYears = (filter: SegmentFilter, month: string) => {
  const years = new Set<string>();
  for (const condition of filter.purchases ?? []) {
    const { from, to } = condition.kind === 'buys-less' ? buysLessSpan(condition, month) : condition;
    for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) years.add(String(year));
  }
  return [...years].sort();
};

/**
 * Whether the customer is in the segment. E-mail campaigns need an address, so none means no — unless
 * the reader reaches people otherwise (letters, calls) and says `anyChannel`.
 */
export const matchesSegment = (
  filter: SegmentFilter,
  customer: SegmentCandidate,
  { anyChannel = false, month }: Evaluation = {},
): boolean =>
  (anyChannel || Boolean(customer.email)) &&
  oneOf(filter.sectors, customer.sector) &&
  oneOf(filter.regions, customer.region) &&
  oneOf(filter.cities, customer.city) &&
  oneOf(filter.languages, customer.language) &&
  oneOf(filter.groups, customer.group) &&
  anyOf(filter.tags, customer.tags) &&
  oneOf(filter.valueSegments, customer.segment) &&
  // Orders are dated by their Istanbul day: before a day is strictly before it, after it is from it on.
  (!filter.lastOrderBefore ||
    (customer.lastOrderDate !== undefined &&
      customer.lastOrderDate < istanbulDate(new Date(filter.lastOrderBefore)))) &&
  (!filter.lastOrderAfter ||
    (customer.lastOrderDate !== undefined &&
      customer.lastOrderDate >= istanbulDate(new Date(filter.lastOrderAfter)))) &&
  (!filter.ownerIds?.length || [...(customer.ownerIds ?? [])].some((id) => filter.ownerIds!.includes(id))) &&
  (filter.purchases ?? []).every((condition) =>
    purchaseHolds(
      condition,
      customer.purchases,
      month === undefined
        ? undefined
        : { month, createdMonth: customer.createdAt && istanbulMonth(customer.createdAt) },
    ),
  );
