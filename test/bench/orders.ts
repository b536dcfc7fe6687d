// Order routing on the local stack:
//   1. POST /orders → OrderCreated → route consumer (rules, units, a guarded move) → OrderRouted →
//      unit mail consumer (SES) → the mail marker done; p50/p99 beside lead capture → assigned,
//      measured in the same run (benchQuotes' baseline).
//   2. The SLA sweep's reads with 10,000 orders waiting for acknowledgement of which 10 are due: it
//      must read about 10 entries, not 10,000 (a Scan would).

import { BatchWriteCommand, type QueryCommandOutput } from '@aws-sdk/lib-dynamodb';
import { orderRoutingKeys } from '../../functions/order-routing/keys.js';
import { ackQueue, getOrder } from '../../functions/order-routing/order-store.js';
import { rerouteOverdue } from '../../functions/order-routing/orders.js';
import type { LocalStack } from '../../infra/local/runtime.js';
import { TABLE_NAME } from '../../infra/local/runtime.js';
import { createApiKey } from '../../shared/api-keys.js';
import { db } from '../../shared/db.js';
import { newId } from '../../shared/ids.js';
import { keys } from '../../shared/table.js';
import { out } from './output.js';
import { summary, waitFor } from './quotes.js';

const ORDERS = Number(process.env.BENCH_ORDERS ?? 30);
const WAITING = 10_000;
const DUE = 10;
const WARM_UP = 2;

/** Counts what every Query of the shared document client reads: items and read capacity. */
const countReads = () => {
  const seen = { queries: 0, items: 0, capacity: 0 };
  db().middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== 'QueryCommand') return next(args);
      (args.input as Record<string, unknown>).ReturnConsumedCapacity = 'TOTAL';
      const result = await next(args);
      const output = result.output as QueryCommandOutput;
      seen.queries++;
      seen.items += output.ScannedCount ?? 0;
      seen.capacity += output.ConsumedCapacity?.CapacityUnits ?? 0;
      return result;
    },
    { step: 'initialize', name: 'benchCountReads' },
  );
  return { seen, stop: () => db().middlewareStack.remove('benchCountReads') };
};

export const benchOrders = async (stack: LocalStack, lead: ReturnType<typeof summary>) => {
  const run = Date.now().toString(36);
  const { key } = await createApiKey({
    label: 'bench orders',
    userId: 'shop-bench',
    role: 'agent',
    scopes: ['orders:write'],
  });
  const intake = async (i: number, city: string) => {
    const response = await fetch(`${stack.urls.api}/orders`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${key}`,
        'idempotency-key': `bench-${run}-${i}`,
      },
      body: JSON.stringify({
        customer: { name: `Bench Sipariş ${i}`, email: `bench-order-${run}-${i}@example.com` },
        lines: [{ sku: 'FL-25E', quantity: 1, unitPrice: 95_000_000, currency: 'TRY' }],
        delivery: { address: 'Bench Cad. 1', city },
        channel: 'web-shop',
      }),
    });
    const text = await response.text();
    if (response.status !== 201) throw new Error(`POST /orders: ${response.status} ${text}`);
    return JSON.parse(text) as { orderId: string; customerId: string };
  };

  // 1. Intake → routed → the unit mailed.
  const latencies: number[] = [];
  const routed: { orderId: string; customerId: string }[] = [];
  for (let i = -WARM_UP; i < ORDERS; i++) {
    const started = performance.now();
    const order = await intake(i, 'Ankara');
    await waitFor(stack, keys.mailMarker(`order-unit#${order.orderId}#1`), (item) => item.state === 'done');
    if (i >= 0) latencies.push(performance.now() - started);
    routed.push(order);
  }
  const mailed = summary(latencies);
  const row = (s: ReturnType<typeof summary>) => ({ 'p50 ms': s.p50.toFixed(1), 'p99 ms': s.p99.toFixed(1) });
  out.log(`\nOrder intake → routed and unit mailed (${ORDERS} orders, one at a time, two event hops)`);
  out.table({
    'lead capture → assigned (1 event hop)': row(lead),
    'POST /orders → routed → unit mailed': row(mailed),
  });
  out.log(
    `intake → mailed / lead capture → assigned: p50 ${(mailed.p50 / lead.p50).toFixed(2)}×, p99 ${(mailed.p99 / lead.p99).toFixed(2)}×`,
  );

  // 2. 10,000 orders waiting for acknowledgement, due in a year, and 10 real ones due an hour ago.
  const later = new Date(Date.now() + 365 * 24 * 3600_000).toISOString();
  const past = new Date(Date.now() - 3600_000).toISOString();
  const filler = Array.from({ length: WAITING - DUE }, () => {
    const orderId = newId();
    return ackQueue
      .at(orderId, later, { step: 1, unitId: 'dealer-ankara' })
      .item(orderRoutingKeys.order(`BENCH-${run}`, orderId));
  });
  const due = await Promise.all(
    routed.slice(0, DUE).map(async ({ customerId, orderId }) => {
      const order = (await getOrder(customerId, orderId))!;
      return ackQueue
        .at(orderId, past, { step: order.routing!.step, unitId: order.unitId! })
        .item(orderRoutingKeys.order(customerId, orderId));
    }),
  );
  const batches = async (requests: Record<string, unknown>[]) => {
    for (let i = 0; i < requests.length; i += 25) {
      await stack.documents.send(new BatchWriteCommand({ RequestItems: { [TABLE_NAME]: requests.slice(i, i + 25) } }));
    }
  };
  await batches([...filler, ...due].map((Item) => ({ PutRequest: { Item } })));
  const reads = countReads();
  const started = performance.now();
  const outcome = await rerouteOverdue(new Date(), 1000);
  const ms = performance.now() - started;
  reads.stop();
  out.log(`\nSLA sweep over ${WAITING.toLocaleString('en')} orders waiting, ${DUE} due`);
  out.table({
    'sweep (due-time index)': {
      'entries due': outcome.due,
      're-routed': outcome.acted,
      queries: reads.seen.queries,
      'items read (every query: due entries, capacity counts)': reads.seen.items,
      'read units': reads.seen.capacity.toFixed(1),
      ms: ms.toFixed(0),
    },
  });
  out.log(`items read / orders waiting: ${(reads.seen.items / WAITING).toFixed(4)} (a Scan would read every one)`);
  // The filler goes again, so that the stack's table is as the run found it.
  await batches(filler.map((item) => ({ DeleteRequest: { Key: { pk: item.pk, sk: item.sk } } })));
  return { mailed, sweep: { ...reads.seen, ...outcome } };
};
