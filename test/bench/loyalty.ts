// Loyalty on the local stack:
//   1. BENCH_LOYALTY_ORDERS delivered orders (default 10,000) posted to their members' ledgers, every
//      event delivered three times: duplicates (0 expected), write units per order as DynamoDB reports
//      them (ReturnConsumedCapacity) and transactions it refused (a refused one is billed in AWS too),
//      beside the design minimum (printed with its arithmetic).
//   2. One member's account item after a posting a week for five years (with the lapse job monthly):
//      its size as DynamoDB counts it, against the 1 KB that one write unit covers, and the month
//      items beside it.
import { BatchWriteCommand, GetCommand } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../functions/event-table.js';
import { loyaltyKeys } from '../../functions/loyalty/keys.js';
import { entriesOf, expirePoints, postOrderPoints } from '../../functions/loyalty/ledger.js';
import { type Order, orders } from '../../functions/order-routing/order-store.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { db } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { money } from '../../shared/money.js';
import { queryAll } from '../../shared/query.js';
import { itemBytes } from '../support/item-size.js';
import { out } from './output.js';

const ORDERS = Number(process.env.BENCH_LOYALTY_ORDERS ?? 10_000);
const ORDERS_PER_MEMBER = 5;
const DELIVERIES = 3;
const PARALLEL = 8;
/**
 * The design minimum per order: one transaction of the entry that marks the posting, the account and
 * the month's figures (3 items × 2 units at ≤ 1 KB each, a transactional write costing twice a plain
 * one); a redelivered event finds the entry with a read and writes nothing.
 */
const MINIMUM = { items: 3, unitsPerItem: 2 };
const FLOOR_UNITS = MINIMUM.items * MINIMUM.unitsPerItem;
const WEEKS = 5 * 52;

const countWriteUnits = () => {
  let total = 0;
  let refused = 0;
  const name = 'benchWriteUnits';
  const writes = ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand'];
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (!writes.includes(String(context.commandName))) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args).catch((error: Error) => {
        refused++;
        throw error;
      });
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const entry of [consumed ?? []].flat() as { CapacityUnits?: number; WriteCapacityUnits?: number }[])
        total += entry.WriteCapacityUnits ?? entry.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name },
  );
  return { total: () => total, refused: () => refused, stop: () => db().middlewareStack.remove(name) };
};

const delivered = (order: Order): EventDetail<'OrderStatusChanged'> => ({
  eventId: newId(),
  occurredAt: order.updatedAt,
  version: 1,
  orderId: order.orderId,
  customerId: order.customerId,
  from: 'shipped',
  to: 'delivered',
  actorId: 'bench',
  via: 'api',
});

export const benchLoyalty = async (stack: LocalStack) => {
  const at = new Date().toISOString();
  const members = Array.from({ length: Math.ceil(ORDERS / ORDERS_PER_MEMBER) }, () => newId());
  const seeded: Order[] = Array.from({ length: ORDERS }, (_, i) => ({
    orderId: newId(),
    customerId: members[i % members.length]!,
    status: 'delivered',
    seq: 5,
    channel: 'web-shop',
    ownerId: 'bench',
    currency: 'TRY',
    language: 'tr',
    lines: [{ sku: 'BENCH', quantity: 1, unitPrice: money(12_000, 'TRY'), total: money(12_000, 'TRY') }],
    totals: { grandTotal: money(12_000, 'TRY') },
    createdAt: at,
    updatedAt: at,
  }));
  const items = seeded.map((order) => orders.item(order));
  for (let i = 0; i < items.length; i += 25)
    await stack.documents.send(
      new BatchWriteCommand({
        RequestItems: { [TABLE_NAME]: items.slice(i, i + 25).map((Item) => ({ PutRequest: { Item } })) },
      }),
    );

  const units = countWriteUnits();
  const started = performance.now();
  // Each order's event once, then its redeliveries (as the bus retries: later, not at once).
  const events = Array.from({ length: DELIVERIES }, () => seeded.map((order) => delivered(order))).flat();
  let applied = 0;
  for (let i = 0; i < events.length; i += PARALLEL) {
    const outcomes = await Promise.all(events.slice(i, i + PARALLEL).map((event) => postOrderPoints(event)));
    applied += outcomes.filter((o) => o.outcome === 'earned').length;
  }
  const seconds = (performance.now() - started) / 1000;
  const writeUnits = units.total();
  const refused = units.refused();
  units.stop();
  const entries = (await Promise.all(members.map((m) => entriesOf(m)))).flat().filter((e) => e.kind === 'earn');

  out.log(`\nLoyalty: ${ORDERS} delivered orders posted, each event delivered ${DELIVERIES} times`);
  out.table({
    'posting points': {
      seconds: seconds.toFixed(1),
      postings: applied,
      'earn entries': entries.length,
      duplicates: entries.length - ORDERS,
      'write units': writeUnits.toFixed(0),
      'write units per order': (writeUnits / ORDERS).toFixed(2),
      'refused writes per order': (refused / ORDERS).toFixed(2),
    },
    [`design minimum: ${MINIMUM.items} items × ${MINIMUM.unitsPerItem} units, redeliveries 0`]: {
      seconds: '—',
      postings: ORDERS,
      'earn entries': ORDERS,
      duplicates: 0,
      'write units': String(FLOOR_UNITS * ORDERS),
      'write units per order': FLOOR_UNITS.toFixed(2),
      'refused writes per order': '0.00',
    },
    ratio: { 'write units per order': `${(writeUnits / ORDERS / FLOOR_UNITS).toFixed(2)}×` },
  });
  out.log(
    `loyalty write units per order: measured ${(writeUnits / ORDERS).toFixed(2)}, design minimum ${FLOOR_UNITS} ` +
      `(${MINIMUM.items} items × ${MINIMUM.unitsPerItem}); duplicates ${entries.length - ORDERS}`,
  );
  await accountGrowth(stack, seeded[0]!);
};

/** One member, one delivered order a week for WEEKS weeks, the lapse job on each month's first posting. */
const accountGrowth = async (stack: LocalStack, template: Order) => {
  const customerId = newId();
  const start = Date.UTC(2031, 0, 6, 9);
  let month = '';
  for (let week = 0; week < WEEKS; week++) {
    const now = new Date(start + week * 7 * 86_400_000);
    const at = now.toISOString();
    const order: Order = { ...template, orderId: newId(), customerId, createdAt: at, updatedAt: at };
    await stack.documents.send(
      new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: [{ PutRequest: { Item: orders.item(order) } }] } }),
    );
    if (at.slice(0, 7) !== month) {
      month = at.slice(0, 7);
      await expirePoints(customerId, now);
    }
    await postOrderPoints(delivered(order), now);
  }
  const { Item } = await stack.documents.send(
    new GetCommand({ TableName: TABLE_NAME, Key: loyaltyKeys.account(customerId), ConsistentRead: true }),
  );
  const bytes = itemBytes(Item);
  const months = await queryAll(
    { partition: `CUSTOMER#${customerId}`, range: { prefix: 'LOYALTY#MONTH#' } },
    Number.MAX_SAFE_INTEGER,
  );
  out.log(
    `loyalty account item after ${WEEKS} weekly postings over ${WEEKS / 52} years: ${bytes} bytes ` +
      `(${bytes <= 1024 ? 'within' : 'over'} the 1 KB one write unit covers; ` +
      `${Object.keys((Item?.lots as object) ?? {}).length} lots; ${months.length} month items beside it, ` +
      `the largest ${Math.max(...months.map(itemBytes))} bytes)`,
  );
};
