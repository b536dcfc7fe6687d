// Orders in the one table, in their customer's partition, with their history beside them; a unit's
// queue by status (gsi1) and a firm-wide one by status (gsi2, sharded). An order made from a quote
// takes the quote's id, so one accepted quote is one order whatever retries.

import type { Ownership } from '../../shared/access.js';
import { readFollowingMerge } from '../../shared/customer.js';
import { findById, type TransactItem, transact } from '../../shared/db.js';
import { defineEntity } from '../../shared/entity.js';
import type { Language } from '../../shared/language.js';
import type { Money } from '../../shared/money.js';
import { type Filter, queryAll, queryPage, type SortBy } from '../../shared/query.js';
import { byAssignee, byState } from '../../shared/table.js';
import { defineDueQueue } from '../../shared/work-queue.js';
import { type Quote, type QuoteTotals, quoteOrderedItems } from '../quote-approval/public.js';
import { type OrderStatus, openStatuses } from './domain/lifecycle.js';
import type { Skipped } from './domain/routing.js';
import { orderRoutingKeys } from './keys.js';

export interface OrderLine {
  sku: string;
  quantity: number;
  unitPrice: Money;
  total: Money;
  /** The catalogue's category of the product, when the catalogue knows it. */
  category?: string;
}

export interface OrderRouting {
  unitId: string;
  ruleId: string;
  fallback: boolean;
  /** 1 for the first routing, 2 after a re-route. */
  step: number;
  skipped: Skipped[];
  /** The rules' seq the decision was made with. */
  rulesSeq: number;
  routedAt: string;
  /** When the unit must have acknowledged; absent where there is nothing left to re-route to. */
  ackDueAt?: string;
  /** Every unit the order was routed to, oldest first. */
  tried: string[];
  reroutedBecause?: 'ack-sla-missed';
}

export type OrderChannel = 'quote' | 'web-shop' | 'erp' | 'call-center' | 'agreement' | 'standing-order';

export interface Order {
  orderId: string;
  customerId: string;
  status: OrderStatus;
  seq: number;
  channel: OrderChannel;
  quoteId?: string;
  quoteVersion?: number;
  /** An order under a sales agreement: its prices are the agreement's. */
  agreementId?: string;
  /** An order a customer's standing order placed for its month. */
  standingOrderId?: string;
  externalRef?: string;
  /** The quote's owner; for an order through POST /orders, who submitted it (no right to it: orderOwnership). */
  ownerId: string;
  teamId?: string;
  currency: string;
  language: Language;
  /** From a quote: its lines as quoted (costs and margins included). */
  lines: OrderLine[];
  totals: { grandTotal: Money } & Partial<QuoteTotals>;
  grandTotalTry?: Money;
  paymentPlan?: Quote['paymentPlan'];
  delivery?: { address: string; city: string; region?: string };
  /**
   * Who to deliver to and call: the unit works the order with these (absent on older orders), never
   * with the customer's record, which is not its to read.
   */
  contact?: { name: string; company?: string; email?: string; phone?: string };
  /** Where it goes and what it is: what routing reads. */
  city?: string;
  region?: string;
  category?: string;
  preferredDealerId?: string;
  requestedDate?: string;
  routing?: OrderRouting;
  /** The unit it is routed to now: whose queue it is in, who sees it. */
  unitId?: string;
  acknowledgedAt?: string;
  createdAt: string;
  updatedAt: string;
}

export const orders = defineEntity<Order>({
  type: 'order',
  key: (o) => orderRoutingKeys.order(o.customerId, o.orderId),
  number: (o) => ({ kind: 'order', id: o.orderId, customerId: o.customerId }),
  indexes: (o) => ({
    ...orderRoutingKeys.orderById(o.orderId),
    ...orderRoutingKeys.ordersByStatus(o.status, o.createdAt, o.orderId),
    ...(o.unitId ? orderRoutingKeys.ordersByUnit(o.unitId, o.status, o.createdAt, o.orderId) : {}),
  }),
});

/** Routed orders waiting for their unit to acknowledge, by due instant. */
export const ackQueue = defineDueQueue<{ step: number; unitId: string }>('order-ack');

/** Whose an order is, for access: its owner and team among staff, and the unit it is routed to. */
/**
 * Whose an order is: the unit it is routed to, and for an order from a quote the quote's owner and
 * team (the customer's relationship). The submitter of an order through POST /orders (a shop, an
 * ERP, a dealer) is not among them: once routed, the order is its unit's work, not the submitter's.
 */
export const orderOwnership = (order: Order): Ownership => ({
  ownerId: order.channel === 'quote' ? order.ownerId : undefined,
  teamId: order.teamId,
  unitId: order.unitId,
});

/** As stored now (consistent), also when its customer was merged since the caller learned the id. */
export const getOrder = (customerId: string, orderId: string) =>
  readFollowingMerge(customerId, (id) => orders.get(orderRoutingKeys.order(id, orderId)));

/** By id alone (gsi3 is eventually consistent): the caller re-reads the item itself before moving it. */
export const findOrder = async (orderId: string) => {
  const item = await findById(orderRoutingKeys.orderById(orderId));
  return item ? getOrder(String(item.customerId), orderId) : undefined;
};

export const getOrderHistory = (order: Order) => orders.history(order);

/**
 * The order of an accepted quote, once: it is written only if absent, and the quote records it in
 * the same transaction, guarded by the quote's status and seq. A second attempt changes nothing.
 */
export const saveOrderFromQuote = async (quote: Quote, order: Order, event: TransactItem) =>
  (await transact([...orders.createItems(order, { events: [event] }), ...quoteOrderedItems(quote, order.orderId)])).ok;

/** How many open orders a unit has, counted up to `limit` (its capacity: more is not needed). */
export const openOrderCount = async (unitId: string, limit: number) => {
  let count = 0;
  for (const status of openStatuses) {
    if (count >= limit) break;
    count += (
      await queryAll(
        { index: byAssignee, partition: orderRoutingKeys.ordersByUnitPartition(unitId, status) },
        limit - count,
      )
    ).length;
  }
  return count;
};

export interface OrderQuery {
  /** One status, or several (their queues merged by creation time). */
  status: OrderStatus | readonly OrderStatus[];
  unitId?: string;
  ownerId?: string;
  teamId?: string;
  /** Only orders created at or before this instant (ISO UTC): "older than two days". */
  createdBefore?: string;
  /** Oldest first (the default: the longest waiting on top) or newest first. */
  order?: 'oldest' | 'newest';
  /** In this order instead of by creation time (by value: see shared/list-export). */
  sortBy?: SortBy;
  currency?: string;
  /** Only the order whose id ends with this (a number as people say it, see shared/record-numbers). */
  idSuffix?: string;
  limit: number;
  cursor?: string;
}

/**
 * Every order in these statuses (one unit's, or everyone's), optionally created within `from`..`to`
 * (ISO instants, inclusive): reads the status queues, never the table. Up to `max` per status.
 */
export const ordersIn = async (
  statuses: readonly OrderStatus[],
  scope: { unitId?: string; ownerId?: string; teamId?: string; from?: string; to?: string },
  max = 10_000,
) => {
  const range = scope.from || scope.to ? { from: scope.from, to: scope.to } : undefined;
  const filter = equalTo({ ownerId: scope.ownerId, teamId: scope.teamId });
  const found = await Promise.all(
    statuses.map((status) =>
      queryAll(
        scope.unitId
          ? {
              index: byAssignee,
              partition: orderRoutingKeys.ordersByUnitPartition(scope.unitId, status),
              range,
              order: 'oldest',
              filter,
            }
          : {
              index: byState,
              partition: orderRoutingKeys.ordersByStatusPartitions(status),
              range,
              order: 'oldest',
              filter,
            },
        max,
      ),
    ),
  );
  return found.flat().map((item) => orders.read(item));
};

/** A filter on attributes equal to the given values; the absent ones are not filtered on. */
const equalTo = (fields: Record<string, string | undefined>): Filter | undefined => {
  const given = Object.entries(fields).filter((entry): entry is [string, string] => entry[1] !== undefined);
  if (!given.length) return undefined;
  return {
    expression: given.map((_, i) => `#f${i} = :f${i}`).join(' AND '),
    names: Object.fromEntries(given.map(([name], i) => [`#f${i}`, name])),
    values: Object.fromEntries(given.map(([, value], i) => [`:f${i}`, value])),
  };
};

/**
 * Orders in the given statuses, oldest first unless asked otherwise: one unit's queues, or every
 * unit's (sharded) narrowed by reach; an age bound is a range on the index's creation-time sort key,
 * so "older than two days" reads only those orders.
 */
export const listOrders = async (query: OrderQuery) => {
  const statuses: readonly OrderStatus[] = typeof query.status === 'string' ? [query.status] : query.status;
  const owned = equalTo({ ownerId: query.ownerId, teamId: query.teamId, currency: query.currency });
  const filter: Filter | undefined = query.idSuffix
    ? {
        expression: [owned?.expression, 'contains(#orderId, :idSuffix)'].filter(Boolean).join(' AND '),
        names: { ...owned?.names, '#orderId': 'orderId' },
        values: { ...owned?.values, ':idSuffix': query.idSuffix },
      }
    : owned;
  const page = await queryPage({
    ...(query.unitId
      ? { index: byAssignee, partition: statuses.map((s) => orderRoutingKeys.ordersByUnitPartition(query.unitId!, s)) }
      : { index: byState, partition: statuses.flatMap((s) => orderRoutingKeys.ordersByStatusPartitions(s)) }),
    ...(query.createdBefore ? { range: { to: query.createdBefore } } : {}),
    order: query.order ?? 'oldest',
    limit: query.limit,
    cursor: query.cursor,
    filter,
    sortBy: query.sortBy,
  });
  const found = page.items.map((item) => orders.read(item));
  // `contains` may match inside an id; the number is its end.
  const shown = query.idSuffix ? found.filter((o) => o.orderId.endsWith(query.idSuffix!)) : found;
  return { orders: shown, next: page.next };
};
