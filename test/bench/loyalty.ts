// Loyalty on the local stack: BENCH_LOYALTY_ORDERS delivered orders (default 1,000) posted to their
// members' ledgers, every event delivered three times: duplicates (0 expected) and write units per
// posting as DynamoDB reports them (ReturnConsumedCapacity), beside the design minimum — one
// transaction of two items (the entry that marks the posting and the account), 2 × 2 units at ≤ 1 KB.
import { BatchWriteCommand } from '@aws-sdk/lib-dynamodb';
import type { EventDetail } from '../../events/catalogue.js';
import { entriesOf, postOrderPoints } from '../../functions/loyalty/ledger.js';
import { type Order, orders } from '../../functions/order-routing/order-store.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { db } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { money } from '../../shared/money.js';
import { out } from './output.js';

const ORDERS = Number(process.env.BENCH_LOYALTY_ORDERS ?? 1_000);
const ORDERS_PER_MEMBER = 5;
const DELIVERIES = 3;
const PARALLEL = 8;
/** The floor: a two-item transaction, each item ≤ 1 KB, at two units per transactional write. */
const FLOOR_UNITS = 2 * 2;

const countWriteUnits = () => {
  let total = 0;
  const name = 'benchWriteUnits';
  const writes = ['PutItemCommand', 'UpdateItemCommand', 'DeleteItemCommand', 'TransactWriteItemsCommand'];
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (!writes.includes(String(context.commandName))) return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const consumed = (result.output as { ConsumedCapacity?: unknown }).ConsumedCapacity;
      for (const entry of [consumed ?? []].flat() as { CapacityUnits?: number; WriteCapacityUnits?: number }[])
        total += entry.WriteCapacityUnits ?? entry.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name },
  );
  return { total: () => total, stop: () => db().middlewareStack.remove(name) };
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
  const events = seeded.flatMap((order) => Array.from({ length: DELIVERIES }, () => delivered(order)));
  let applied = 0;
  for (let i = 0; i < events.length; i += PARALLEL) {
    const outcomes = await Promise.all(events.slice(i, i + PARALLEL).map((event) => postOrderPoints(event)));
    applied += outcomes.filter((o) => o.outcome === 'earned').length;
  }
  const seconds = (performance.now() - started) / 1000;
  const writeUnits = units.total();
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
      'write units per posting': (writeUnits / ORDERS).toFixed(2),
    },
    'design minimum: 2-item transaction': {
      seconds: '—',
      postings: ORDERS,
      'earn entries': ORDERS,
      duplicates: 0,
      'write units': String(FLOOR_UNITS * ORDERS),
      'write units per posting': FLOOR_UNITS.toFixed(2),
    },
    ratio: { 'write units per posting': `${(writeUnits / ORDERS / FLOOR_UNITS).toFixed(2)}×` },
  });
};
