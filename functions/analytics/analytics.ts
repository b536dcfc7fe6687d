// The analytics use cases: counting an order's delivery or return into its customer's figures, the
// target lists, sales performance and the dashboard. Reports of other use cases are called, not
// copied: quote success (quote-approval), order revenue (order-routing), case figures and valuable
// complainants (complaint-escalation).

import type { Viewer } from '../../shared/access.js';
import { clockNow } from '../../shared/clock.js';
import { customerItemVisibleTo } from '../../shared/customer.js';
import { addMonths, istanbulDate, monthsBetween, startOfIstanbulDay } from '../../shared/time.js';
import { caseReport, casesOpenedBetween, valuableComplainants } from '../complaint-escalation/public.js';
import type { EventDetail } from '../event-table.js';
import { type Lead, type LeadStatus, leadStatuses, leadsCreatedBetween } from '../lead-capture/public.js';
import { getOrder, type Order, orderStatuses, ordersIn, revenue } from '../order-routing/public.js';
import { quoteReport, sentInMonths } from '../quote-approval/public.js';
import { byCustomer, type OrderValue } from './domain/customer-value.js';
import { decliningCustomers, lapsedCustomers, topCustomers } from './domain/lists.js';
import { type LeadFacts, performance } from './domain/performance.js';
import { linesInTry } from './domain/purchases.js';
import { getRules } from './rules-store.js';
import { amountInTry, applyOrderValue, buyersIn, profiles } from './value-store.js';

// ---- customer value -------------------------------------------------------------------------------

const orderValueOf = async (order: Order): Promise<OrderValue> => {
  const orderDate = istanbulDate(new Date(order.createdAt));
  const amount = order.totals.grandTotal.amount;
  const amountTry = order.grandTotalTry?.amount ?? (await amountInTry(amount, order.currency, orderDate));
  const lines = order.lines.map((line) => ({ category: line.category, amount: line.total.amount }));
  return {
    orderId: order.orderId,
    customerId: order.customerId,
    orderDate,
    currency: order.currency,
    amount,
    amountTry,
    lines: linesInTry(lines, order.currency, amount, amountTry),
  };
};

/** On OrderStatusChanged: a delivery adds the order to its customer's figures, a return after it takes it off. */
export const countOrderTransition = async (detail: EventDetail<'OrderStatusChanged'>, now = clockNow()) => {
  const transition =
    detail.to === 'delivered'
      ? 'delivered'
      : detail.to === 'returned' && detail.from === 'delivered'
        ? 'returned'
        : undefined;
  if (!transition) return 'ignored';
  const order = await getOrder(detail.customerId, detail.orderId);
  if (!order) throw new Error(`Order ${detail.orderId} is not in customer ${detail.customerId}'s partition`);
  return applyOrderValue(await orderValueOf(order), transition, now);
};

// ---- lists ----------------------------------------------------------------------------------------

export type ListName = 'top-customers' | 'lapsed-customers' | 'declining-customers' | 'valuable-complainants';

/**
 * Who each listed customer is, for the people who call them: only the rows of customers the viewer
 * may see (the list itself — who is in the top 5% — is computed firm-wide). Without a viewer, every
 * row: the firm-wide reading the warehouse checks itself against.
 */
const namedRows = async <R extends { customerId: string }>(rows: R[], viewer?: Viewer) => {
  const found = await profiles(
    rows.map((r) => r.customerId),
    ['name', 'company', 'segment', 'ownerIds', 'teamIds'],
  );
  const named = viewer ? rows.filter((row) => customerItemVisibleTo(viewer, found.get(row.customerId) ?? {})) : rows;
  return named.map((row) => {
    const profile = found.get(row.customerId);
    return {
      ...row,
      name: profile?.name as string | undefined,
      company: profile?.company as string | undefined,
      segment: profile?.segment as string | undefined,
    };
  });
};

const years = (today: string, back: number) =>
  Array.from({ length: back + 1 }, (_, i) => String(Number(today.slice(0, 4)) - i));

const buyersOfYears = async (list: readonly string[]) => byCustomer((await Promise.all(list.map(buyersIn))).flat());

/** `lookbackYears`: how many years before this one the lapsed list reads buyers of. */
export const targetList = async (list: ListName, now: Date, lookbackYears = 3, viewer?: Viewer) => {
  const today = istanbulDate(now);
  const withNames = <R extends { customerId: string }>(rows: R[]) => namedRows(rows, viewer);
  switch (list) {
    case 'top-customers': {
      const lastYear = String(Number(today.slice(0, 4)) - 1);
      return { year: lastYear, customers: await withNames(topCustomers(await buyersIn(lastYear))) };
    }
    case 'lapsed-customers':
      return {
        today,
        customers: await withNames(lapsedCustomers(await buyersOfYears(years(today, lookbackYears)), today)),
      };
    case 'declining-customers':
      return { today, customers: await withNames(decliningCustomers(await buyersOfYears(years(today, 1)), today)) };
    case 'valuable-complainants': {
      // The segment each complaint was opened with, as the case report has it.
      const from = startOfIstanbulDay(addMonths(today, -12));
      const to = now.toISOString();
      return { from, to, customers: await withNames(valuableComplainants(await casesOpenedBetween(from, to))) };
    }
  }
};

// ---- performance and the dashboard -----------------------------------------------------------------

const quotesSentBetween = async (from: string, to: string) =>
  (await sentInMonths(monthsBetween(from, to))).filter((q) => q.sentAt && q.sentAt >= from && q.sentAt <= to);

/** Whose figures a viewer sees: a team manager their team's, a firm-wide viewer everyone's, anyone else their own. */
const reachedBy = (viewer: Viewer) => (owner: string | undefined, teamId: string | undefined) =>
  viewer.reach === 'all' ||
  owner === viewer.actor.userId ||
  (viewer.reach === 'team' && teamId !== undefined && teamId === viewer.teamId);

export const salesPerformance = async (viewer: Viewer, from: string, to: string, by: 'rep' | 'team') => {
  const sees = reachedBy(viewer);
  const [created, quotes, rules] = await Promise.all([
    leadsCreatedBetween(from, to),
    quotesSentBetween(from, to),
    getRules('commission'),
  ]);
  const leadFacts: LeadFacts[] = created
    .filter((lead) => sees(lead.owner?.id, lead.owner?.teamId))
    .map((lead) => ({
      ownerId: lead.owner?.id,
      teamId: lead.owner?.teamId,
      status: lead.status,
      createdAt: lead.createdAt,
      firstResponseAt: lead.firstResponseAt,
    }));
  const rows = performance(
    by,
    leadFacts,
    quotes.filter((q) => sees(q.owner, q.teamId)),
    rules,
  );
  return { from, to, by, commission: { basis: rules.basis, defaultRateBp: rules.defaultRateBp }, rows };
};

const countBy = <T, K extends string>(items: readonly T[], keyOf: (item: T) => K, keys: readonly K[]) =>
  Object.fromEntries(keys.map((key) => [key, items.filter((item) => keyOf(item) === key).length])) as Record<K, number>;

/** Each use case's own counters for the period, firm-wide. */
export const dashboard = async (from: string, to: string) => {
  const [created, quotes, orders, cases] = await Promise.all([
    leadsCreatedBetween(from, to),
    quotesSentBetween(from, to),
    ordersIn(orderStatuses, { from, to }),
    casesOpenedBetween(from, to),
  ]);
  const quoteRows = quoteReport(
    quotes.map((q) => ({ ...q, owner: '*' })),
    'year',
  );
  // Overdue cases need each department's working hours: GET /reports/cases has them.
  const caseRows = caseReport(cases, () => false);
  return {
    from,
    to,
    leads: { received: created.length, byStatus: countBy<Lead, LeadStatus>(created, (l) => l.status, leadStatuses) },
    quotes: {
      sent: quoteRows.reduce((n, r) => n + r.sent, 0),
      accepted: quoteRows.reduce((n, r) => n + r.accepted, 0),
      quotedTry: quoteRows.reduce((n, r) => n + r.quotedTry.amount, 0),
      wonTry: quoteRows.reduce((n, r) => n + r.wonTry.amount, 0),
    },
    orders: {
      received: orders.length,
      byStatus: countBy(orders, (o) => o.status, orderStatuses),
      revenue: revenue(orders, 'month'),
    },
    cases: {
      opened: caseRows.reduce((n, r) => n + r.opened, 0),
      active: caseRows.reduce((n, r) => n + r.active, 0),
      resolvedOrClosed: caseRows.reduce((n, r) => n + r.resolvedOrClosed, 0),
      firstResponseMet: caseRows.reduce((n, r) => n + r.firstResponse.met, 0),
      firstResponseMeasured: caseRows.reduce((n, r) => n + r.firstResponse.measured, 0),
    },
  };
};
