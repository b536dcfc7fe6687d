// Customers' yearly figures in their partitions (and in the sparse buyers index by year), changed by
// one order's transition at a time: the figures and an applied marker for that order and transition
// in ONE transaction, so a redelivered event or a re-imported row changes nothing.

import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand } from '@aws-sdk/lib-dynamodb';
import { clockNow } from '../../shared/clock.js';
import {
  db,
  getMany,
  itemAbsent,
  itemExists,
  putNew,
  type TransactItem,
  tableName,
  transact,
} from '../../shared/db.js';
import { defineEntity } from '../../shared/entity.js';
import { queryAll } from '../../shared/query.js';
import { byState, keys } from '../../shared/table.js';
import { convertOn, FxRateNotFoundError, getFxRates } from '../catalogue/public.js';
import { applyOrder, type OrderValue, type ValueTransition, type YearFigures } from './domain/customer-value.js';
import { applyPurchase, historiesOf, type PurchaseFigures } from './domain/purchases.js';
import { analyticsKeys } from './keys.js';

export const yearFigures = defineEntity<YearFigures>({
  type: 'customer-value',
  key: (f) => analyticsKeys.customerValue(f.customerId, f.year),
  indexes: (f) => analyticsKeys.buyersIn(f.year, f.revenueTry, f.customerId),
});

export const purchaseFigures = defineEntity<PurchaseFigures>({
  type: 'customer-purchases',
  key: (f) => analyticsKeys.purchases(f.customerId, f.year),
  indexes: (f) => analyticsKeys.purchasersIn(f.year, f.customerId),
});

/** A return whose delivery is not in the figures yet: thrown so that the event is delivered again later. */
export class DeliveryNotCountedError extends Error {
  constructor(orderId: string) {
    super(`Order ${orderId} is returned but its delivery is not in the figures yet.`);
  }
}

/** Two writers on one customer's year at once: the loser reads again. */
const MAX_ATTEMPTS = 20;

/**
 * Applies one order's transition to its customer's figures for the order's year, once: `applied`,
 * or `already` when this order's transition was counted before.
 */
export const applyOrderValue = async (
  order: OrderValue,
  transition: ValueTransition,
  now = clockNow(),
): Promise<'applied' | 'already'> => {
  // Two items that do not depend on each other: the profile's date moves forward only, whatever the
  // figures' outcome (a redelivered event sets it again to the same), so both writes go at once.
  const [outcome] = await Promise.all([
    applyToFigures(order, transition, now),
    transition === 'delivered' ? noteLastOrder(order.customerId, order.orderDate) : undefined,
  ]);
  return outcome;
};

/**
 * The profile's `lastOrderDate` (what campaign segments filter on) moves forward only: a redelivered
 * event or an older imported order leaves it as it is.
 */
const noteLastOrder = async (customerId: string, orderDate: string) => {
  try {
    await db().send(
      new UpdateCommand({
        TableName: tableName(),
        Key: keys.customer(customerId),
        UpdateExpression: 'SET lastOrderDate = :date',
        ConditionExpression: `${itemExists} AND (attribute_not_exists(lastOrderDate) OR lastOrderDate < :date)`,
        ExpressionAttributeValues: { ':date': orderDate },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
};

/** A put on condition that the item is still at the seq it was read at (or still absent). */
const guardedPut = (item: Record<string, unknown>, seq: number | undefined): TransactItem => ({
  Put: {
    TableName: tableName(),
    Item: item,
    ...(seq !== undefined
      ? {
          ConditionExpression: '#seq = :seq',
          ExpressionAttributeNames: { '#seq': 'seq' },
          ExpressionAttributeValues: { ':seq': seq },
        }
      : { ConditionExpression: itemAbsent }),
  },
});

const applyToFigures = async (
  order: OrderValue,
  transition: ValueTransition,
  now: Date,
): Promise<'applied' | 'already'> => {
  const year = order.orderDate.slice(0, 4);
  const key = analyticsKeys.customerValue(order.customerId, year);
  const purchasesKey = analyticsKeys.purchases(order.customerId, year);
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
    const [before, purchasesBefore] = await Promise.all([
      yearFigures.get(key),
      order.lines ? purchaseFigures.get(purchasesKey) : undefined,
    ]);
    const after = applyOrder(before, order, transition);
    const figures = guardedPut({ ...yearFigures.item(after), updatedAt: now.toISOString() }, before?.seq);
    // The lines by category, in the same transaction: counted exactly when the figures are.
    const purchases = order.lines
      ? [
          guardedPut(
            purchaseFigures.item(
              applyPurchase(purchasesBefore, { ...order, lines: order.lines }, transition === 'delivered' ? 1 : -1),
            ),
            purchasesBefore?.seq,
          ),
        ]
      : [];
    const marker = putNew({
      ...analyticsKeys.orderValueApplied(order.customerId, order.orderId, transition),
      type: 'order-value-applied',
      at: now.toISOString(),
    });
    const delivered = {
      ConditionCheck: {
        TableName: tableName(),
        Key: analyticsKeys.orderValueApplied(order.customerId, order.orderId, 'delivered'),
        ConditionExpression: itemExists,
      },
    };
    const result = await transact(
      transition === 'returned' ? [marker, figures, delivered, ...purchases] : [marker, figures, ...purchases],
    );
    if (result.ok) return 'applied';
    if (result.reasons[0]) return 'already';
    if (transition === 'returned' && result.reasons[2]) throw new DeliveryNotCountedError(order.orderId);
    // Another order of the customer won the race: read again after a short, jittered wait.
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * (attempt + 1)));
  }
  throw new Error(`Customer ${order.customerId}'s figures kept changing; the event will be delivered again.`);
};

/** An amount in TRY minor units at the rate of its Istanbul date; undefined when the catalogue has none. */
export const amountInTry = async (amount: number, currency: string, date: string): Promise<number | undefined> => {
  if (currency === 'TRY') return amount;
  try {
    return convertOn({ amount, currency }, 'TRY', await getFxRates([currency], date), date).amount;
  } catch (error) {
    if (error instanceof FxRateNotFoundError) return undefined;
    throw error;
  }
};

/** Every buyer's figures for a year, from the buyers index: read per shard, never the table. */
export const buyersIn = async (year: string): Promise<YearFigures[]> =>
  (
    await Promise.all(
      analyticsKeys
        .buyersInPartitions(year)
        .map((partition) => queryAll({ index: byState, partition, order: 'newest' }, Number.MAX_SAFE_INTEGER)),
    )
  )
    .flat()
    .map((item) => yearFigures.read(item));

/** Every customer's purchases by category in a year, from the purchasers index: read per shard, never the table. */
export const purchasersIn = async (year: string): Promise<PurchaseFigures[]> =>
  (
    await Promise.all(
      analyticsKeys
        .purchasersInPartitions(year)
        .map((partition) => queryAll({ index: byState, partition, order: 'oldest' }, Number.MAX_SAFE_INTEGER)),
    )
  )
    .flat()
    .map((item) => purchaseFigures.read(item));

/** Each customer's purchases by category and `YYYY-MM` over the given years: the purchasers index, once per year. */
export const purchaseHistories = async (years: readonly string[]) =>
  historiesOf((await Promise.all(years.map(purchasersIn))).flat());

/** The purchase histories of the given customers only (one read per customer and year). */
export const purchaseHistoriesOf = async (customerIds: readonly string[], years: readonly string[]) =>
  historiesOf(
    (await getMany(customerIds.flatMap((id) => years.map((year) => analyticsKeys.purchases(id, year))))).map((item) =>
      purchaseFigures.read(item),
    ),
  );

/** Attributes of many customer profiles by id; missing profiles are absent. */
export const profiles = async (customerIds: readonly string[], attributes: readonly string[]) =>
  new Map(
    (
      await getMany(
        customerIds.map((id) => keys.customer(id)),
        { attributes: ['customerId', ...attributes] },
      )
    ).map((item) => [String(item.customerId), item]),
  );
