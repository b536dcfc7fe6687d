// The order routes' request and response schemas: the manifest declares them on the routes, the
// handlers get their requests parsed with them, the OpenAPI document is generated from them.
import { exportFormat, valueCurrency, valueSorts } from '../../shared/list-export.js';
import * as z from '../../shared/schema.js';
import { rangeInOrder, timeRangeQuery } from '../../shared/time.js';
import { orderLifecycle, orderStatuses, requestableStatuses } from './domain/lifecycle.js';
import { routingRuleSchema } from './domain/routing.js';

const orderActions = Object.keys(orderLifecycle.actions) as (keyof typeof orderLifecycle.actions)[];

/** Ids are checked by the access module (unknown or foreign is a 404), so any string passes here. */
export const orderParams = z.strictObject({ orderId: z.string() });

export const listOrdersQuery = z.strictObject({
  /** One status, or `open`: every status a unit is still working on (routed, acknowledged, in progress). */
  status: z._default(z.enum([...orderStatuses, 'open']), 'routed'),
  unit: z.optional(z.requiredLine(100)),
  owner: z.optional(z.requiredLine(100)),
  /** Only orders created at least this many days ago: "open orders of unit X older than 2 days". */
  olderThanDays: z.optional(z.coerce.number().check(z.int(), z.gte(1), z.lte(3650))),
  /**
   * By creation time: `oldest` first (the default: the longest waiting on top) or `newest` first; or by
   * value: `highest` or `lowest` net total first, within one currency (`currency`, TRY unless named).
   */
  sort: z._default(z.enum(['oldest', 'newest', ...valueSorts]), 'oldest'),
  /** Only orders in this currency (a list sorted by value keeps to TRY unless one is named). */
  ...valueCurrency,
  /** An order number as people say it (`SP-01ABCDEF`, or its last eight characters). */
  number: z.optional(z.requiredLine(40)),
  limit: z._default(z.coerce.number().check(z.int(), z.gte(1), z.lte(100)), 25),
  cursor: z.optional(z.string().check(z.maxLength(4000))),
});

/** The list's filter, for every order it finds: CSV unless JSON is asked for. */
const { limit: _limit, cursor: _cursor, ...filterShape } = listOrdersQuery.shape;
export const exportOrdersQuery = z.strictObject({ ...filterShape, ...exportFormat });

export const reportQuery = z
  .strictObject({
    ...timeRangeQuery,
    period: z._default(z.enum(['month', 'quarter', 'year']), 'month'),
    format: z.optional(z.enum(['json', 'csv'])),
  })
  .check(rangeInOrder);

/** Checked whole by the rules store (every unit must exist), so it documents the shape only. */
export const routingRulesBody = z.looseObject({
  rules: z.array(z.looseObject({ id: z.string() })),
  fallbackUnitId: z.string(),
});

/** A signed link's token; a bad link gets a page, not a problem. */
export const linkQuery = z.looseObject({ token: z.optional(z.string()) });
export const linkForm = z.looseObject({ token: z.optional(z.string()) });

// ---- responses: what the handlers answer (checked against real answers by the local stack) ------

const money = z.looseObject({ amount: z.int(), currency: z.string() });
const order = z.looseObject({
  orderId: z.string(),
  customerId: z.string(),
  status: z.enum(orderStatuses),
  seq: z.int(),
  currency: z.string(),
  createdAt: z.string(),
});
export const orderResponse = order;
export const orderReceived = z.strictObject({
  orderId: z.string(),
  customerId: z.optional(z.string()),
  status: z.literal('received'),
});
export const orderWithHistory = z.extend(order, {
  history: z.array(
    z.looseObject({ at: z.string(), from: z.string(), to: z.string(), action: z.string(), actorId: z.string() }),
  ),
  /** What the caller's role may ask for now, each move by its action and the status it leads to. */
  allowedMoves: z.array(z.strictObject({ action: z.enum(orderActions), to: z.enum(requestableStatuses) })),
});
export const orderPage = z.strictObject({
  orders: z.array(z.looseObject({ orderId: z.string(), status: z.enum(orderStatuses), grandTotal: money })),
  nextCursor: z.optional(z.string()),
});
export const orderExport = z.strictObject({
  orders: z.array(z.looseObject({ orderId: z.string(), number: z.string(), status: z.enum(orderStatuses) })),
});
export const routingRules = z.looseObject({
  rules: z.array(routingRuleSchema),
  fallbackUnitId: z.string(),
  customerNotices: z.array(z.enum(orderStatuses)),
  seq: z.int(),
});
export const report = z.looseObject({});
